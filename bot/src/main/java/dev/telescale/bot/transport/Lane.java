package dev.telescale.bot.transport;

/**
 * Which group of connections a call travels on. A long poll ({@code getUpdates}) holds its connection for up to
 * the poll timeout; giving it a lane of its own means that a poll never waits for a busy send, and a burst of sends
 * never waits behind a poll. Transports that multiplex (HTTP/2) may treat both lanes alike.
 */
public enum Lane {
    /** Ordinary API calls and downloads. */
    API,
    /** Long polls: {@code getUpdates}. */
    LONG_POLL
}
