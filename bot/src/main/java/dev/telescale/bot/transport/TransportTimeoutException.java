package dev.telescale.bot.transport;

/**
 * A call ran out of time in one of its {@link Phase phases}. A {@link Phase#POOL pool} timeout means the request was
 * never sent: every connection of the pool stayed busy for the whole pool timeout.
 */
public final class TransportTimeoutException extends TransportException {

    /** The step that took too long. */
    public enum Phase {
        /** Waiting for a free pooled connection. */
        POOL,
        /** Opening the connection (TCP, TLS, proxy). */
        CONNECT,
        /** Writing the request. */
        WRITE,
        /** Waiting for the response. */
        READ
    }

    private final Phase phase;

    public TransportTimeoutException(Phase phase, String message, boolean requestSent, Throwable cause) {
        super(message, requestSent, cause);
        this.phase = phase;
    }

    /** The phase that timed out. */
    public Phase phase() {
        return phase;
    }
}
