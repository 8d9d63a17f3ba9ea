package dev.telescale.core.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a store tries a call when its connection to the database or server fails, and how long it waits in
 * between: the wait starts at {@code firstBackoff} and doubles up to {@code maxBackoff}. Every networked store
 * takes it as {@code .retry(RetryPolicy)} (default {@link #DEFAULT}); each store decides which failures are the
 * connection's and worth another try (the JDBC store: the server down, the pool timed out, SQLite's file busy; the
 * Redis store: the connection lost or a command timed out), and throws anything else at once.
 *
 * @param attempts     tries per call, at least 1 (1 = no retry)
 * @param firstBackoff the wait after the first failure
 * @param maxBackoff   the longest wait
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff) {

    /** The default: 4 tries, waiting 200 ms, 400 ms, 800 ms (doubling, never more than 5 s). */
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

    /**
     * The wait after failed try number {@code attempt} (1-based): {@code firstBackoff} doubled for each earlier
     * failure, at most {@code maxBackoff}.
     */
    public Duration backoffAfter(int attempt) {
        Duration d = firstBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
