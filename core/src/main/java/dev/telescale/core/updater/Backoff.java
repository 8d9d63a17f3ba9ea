package dev.telescale.core.updater;

import dev.telescale.api.errors.RetryAfter;
import dev.telescale.api.errors.TimedOut;
import java.time.Duration;

/**
 * The pause before the next attempt, exactly as python-telegram-bot's network retry loop computes it: after a
 * success the configured interval; after {@code RetryAfter} what Telegram asked for plus half a second; after
 * {@code TimedOut} none (a read timeout of a long poll is normal); after any other error 1 s when the current
 * pause is zero, else 1.5 times the current pause, at most 30 s. Not thread-safe: one per loop.
 */
final class Backoff {

    static final Duration FIRST_ERROR_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_ERROR_DELAY = Duration.ofSeconds(30);
    static final Duration RETRY_AFTER_SLACK = Duration.ofMillis(500);

    private final Duration interval;
    private Duration current;

    /** @param interval the pause after a success (the poll interval) */
    Backoff(Duration interval) {
        this.interval = interval;
        this.current = interval;
    }

    Duration afterSuccess() {
        current = interval;
        return current;
    }

    /** The pause after a failed attempt; grows only for errors that are neither flood control nor timeouts. */
    Duration afterFailure(RuntimeException error) {
        if (error instanceof RetryAfter retryAfter) {
            current = retryAfter.retryAfter().plus(RETRY_AFTER_SLACK);
        } else if (error instanceof TimedOut) {
            current = Duration.ZERO;
        } else if (current.isZero()) {
            current = FIRST_ERROR_DELAY;
        } else {
            Duration grown = Duration.ofNanos(Math.round(current.toNanos() * 1.5));
            current = grown.compareTo(MAX_ERROR_DELAY) > 0 ? MAX_ERROR_DELAY : grown;
        }
        return current;
    }

    /** Whether an error counts as "other" (reported to the error callback) rather than flood control or a timeout. */
    static boolean isReported(RuntimeException error) {
        return !(error instanceof RetryAfter) && !(error instanceof TimedOut);
    }
}
