package dev.telescale.bot.transport;

import java.io.IOException;

/**
 * A call failed below HTTP: the connection could not be opened, broke, or the response was not valid HTTP. Messages
 * name the call by its {@link Endpoint#description() description} and origin, never by URL.
 */
public class TransportException extends IOException {

    private final boolean requestSent;

    /**
     * @param message     what happened, safe to print
     * @param requestSent whether any part of the request may have reached the server (false means Telegram certainly
     *                    did not act on it)
     * @param cause       the underlying failure, already free of secrets; may be null
     */
    public TransportException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    /** False when the request certainly never reached the server, so sending it again cannot duplicate it. */
    public boolean requestSent() {
        return requestSent;
    }
}
