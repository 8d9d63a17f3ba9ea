package dev.telescale.api.errors;

/**
 * The answer could not be understood: the body is not JSON (an HTML error page of a proxy, say), lacks the fields of
 * a Bot API response, or was cut short. It is a {@link NetworkError} because such answers come from the path, not
 * from Telegram's decision, and are worth a retry.
 */
public final class InvalidResponse extends NetworkError {

    /**
     * @param method     the API method called, or null
     * @param httpStatus the HTTP status, 0 when the response head itself was broken
     * @param problem    what is wrong with the answer, safe to print
     * @param cause      the underlying failure, or null
     */
    public InvalidResponse(String method, int httpStatus, String problem, Throwable cause) {
        super("Invalid response to " + (method == null ? "a request" : method)
                + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + ": " + problem, httpStatus, null, method, true,
                cause);
    }
}
