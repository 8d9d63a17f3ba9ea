package dev.telescale.bot.transport;

import java.time.Duration;

/**
 * The time limits of one call, in the model of PTB's request layer. A null limit means "wait as long as it takes".
 *
 * @param connect opening a TCP connection, including the TLS handshake and a proxy's CONNECT
 * @param read    the longest wait for the next bytes of the response (not the whole response); for a long poll
 *                the caller adds the poll timeout
 * @param write   the longest time writing the request may take (set it higher for uploads)
 * @param pool    the longest wait for a free connection when the pool is exhausted; zero fails at once
 */
public record Timeouts(Duration connect, Duration read, Duration write, Duration pool) {

    /** PTB's defaults: 5 s connect, read and write, 1 s for the pool. */
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(1));

    public Timeouts {
        requirePositive(connect, "connect");
        requirePositive(read, "read");
        requirePositive(write, "write");
        if (pool != null && pool.isNegative()) {
            throw new IllegalArgumentException("pool timeout must not be negative: " + pool);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException(name + " timeout must be positive or null (no limit): " + d);
        }
    }

    /** A copy with another connect timeout. */
    public Timeouts withConnect(Duration connect) {
        return new Timeouts(connect, read, write, pool);
    }

    /** A copy with another read timeout. */
    public Timeouts withRead(Duration read) {
        return new Timeouts(connect, read, write, pool);
    }

    /** A copy with another write timeout. */
    public Timeouts withWrite(Duration write) {
        return new Timeouts(connect, read, write, pool);
    }

    /** A copy with another pool timeout. */
    public Timeouts withPool(Duration pool) {
        return new Timeouts(connect, read, write, pool);
    }

    /** Socket-style milliseconds: 0 means no limit, anything positive is at least 1. */
    static int socketMillis(Duration d) {
        if (d == null) {
            return 0;
        }
        long ms = d.toMillis();
        return ms <= 0 ? 1 : (int) Math.min(ms, Integer.MAX_VALUE);
    }

    /** Nanoseconds, -1 for no limit. */
    static long nanosOrUnlimited(Duration d) {
        if (d == null) {
            return -1;
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
