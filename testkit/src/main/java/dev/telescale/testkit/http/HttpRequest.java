package dev.telescale.testkit.http;

/**
 * One parsed HTTP/1.1 request as the emulator's server hands it to its {@link HttpHandler}. Only the headers the
 * emulator acts on are kept, which keeps parsing allocation-free for the others. The body array belongs to the
 * connection and is reused for its next request: a handler reads it while it handles the request and copies
 * whatever it wants to keep.
 *
 * @param method      the request method as sent ({@code "GET"}, {@code "POST"}, ...)
 * @param target      the request target: path and optional query, still percent-encoded
 * @param contentType the Content-Type header, or {@code null} when absent
 * @param body        the buffer holding the decoded body (chunked transfer coding already removed)
 * @param bodyLength  how many bytes of {@code body} are the body
 * @param keepAlive   whether the connection stays open after the response
 */
public record HttpRequest(String method, String target, String contentType, byte[] body, int bodyLength,
                          boolean keepAlive) {

    /** Returns the path part of the target, without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Returns the raw query string (without {@code '?'}), or {@code null} when the target has none. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }
}
