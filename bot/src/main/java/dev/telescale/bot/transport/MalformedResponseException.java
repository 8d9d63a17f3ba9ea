package dev.telescale.bot.transport;

/**
 * The server's answer was not a complete, valid HTTP response: a broken status line or headers, a body longer than
 * allowed, or a body cut short by the connection closing. The request was sent and may have been acted on.
 */
public final class MalformedResponseException extends TransportException {

    public MalformedResponseException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
