package dev.telescale.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a call to the database is tried when the connection fails, and how long to wait in between: the wait
 * starts at {@code firstBackoff} and doubles up to {@code maxBackoff}. Only connection-level failures are retried
 * (the server is down or restarting, the pool timed out, SQLite's file is busy); an SQL error is thrown at once.
 *
 * @param attempts     tries per call, at least 1 (1 = no retry)
 * @param firstBackoff the wait after the first failure
 * @param maxBackoff   the longest wait
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff) {

    /** The default: 4 tries, waiting 200 ms, 400 ms, 800 ms. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));

    /** No retries: a failure is thrown at once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("back-off must not be negative");
        }
    }

    /** The wait after failed try number {@code attempt} (1-based). */
    Duration backoffAfter(int attempt) {
        Duration d = firstBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
