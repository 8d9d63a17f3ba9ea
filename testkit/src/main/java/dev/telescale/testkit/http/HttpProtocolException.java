package dev.telescale.testkit.http;

/**
 * A request the server cannot read: malformed request line or header, a body over the limit, a truncated body.
 * It carries the status to answer with; the connection is closed afterwards because the stream position of the
 * next request is no longer known.
 */
final class HttpProtocolException extends Exception {

    private final int status;

    HttpProtocolException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
