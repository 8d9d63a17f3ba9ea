package dev.telescale.core.job;

import java.time.Instant;
import java.util.concurrent.locks.Condition;

/**
 * The scheduler's sense of time: what time it is and how to wait for a time. Production uses
 * {@link SystemTicker} over a {@link java.time.Clock}; tests use a manual ticker whose time only moves when the
 * test advances it, so schedules are tested without sleeping on wall time.
 */
interface Ticker {

    /** The current instant. */
    Instant now();

    /**
     * Waits on {@code condition} (its lock held by the caller) until {@code deadline} on this ticker's time, a
     * signal, or a spurious wake-up; the caller re-checks.
     */
    void await(Condition condition, Instant deadline) throws InterruptedException;

    /** Registers {@code wake} to be called when this ticker's time jumps (manual tickers only). */
    default void onAdvance(Runnable wake) {
    }
}
