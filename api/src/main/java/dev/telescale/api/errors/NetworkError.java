package dev.telescale.api.errors;

/**
 * The call may succeed if tried again: the connection failed, a server error (5xx) or unexpected status came back,
 * the answer was garbled ({@link InvalidResponse}) or did not come in time ({@link TimedOut}). Check
 * {@link #requestSent()} before retrying a call that must not happen twice (a send): when it is true Telegram may
 * already have acted on the request.
 */
public class NetworkError extends TelegramApiException {

    private final boolean requestSent;

    /**
     * @param message     what happened, safe to print
     * @param errorCode   HTTP status when one arrived, else 0
     * @param description Telegram's description when there was one, else null
     * @param method      the API method called, or null
     * @param requestSent false when the request certainly did not reach Telegram
     * @param cause       the underlying failure, or null
     */
    public NetworkError(String message, int errorCode, String description, String method, boolean requestSent,
                        Throwable cause) {
        super(message, errorCode, description, method, cause);
        this.requestSent = requestSent;
    }

    /** A failure below HTTP. */
    public NetworkError(String method, String message, boolean requestSent, Throwable cause) {
        this(message, 0, null, method, requestSent, cause);
    }

    /** False when the request certainly did not reach Telegram, so repeating it cannot duplicate its effect. */
    public boolean requestSent() {
        return requestSent;
    }
}
