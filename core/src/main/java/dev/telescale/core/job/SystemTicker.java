package dev.telescale.core.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.Condition;

/** A {@link Ticker} on a clock that advances at real speed (the system clock, or an offset of it). */
final class SystemTicker implements Ticker {

    private final Clock clock;

    SystemTicker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void await(Condition condition, Instant deadline) throws InterruptedException {
        Duration wait = Duration.between(now(), deadline);
        if (!wait.isNegative() && !wait.isZero()) {
            // At least 1 ms: a clock coarser than nanoTime would otherwise spin on a sub-tick remainder.
            condition.awaitNanos(Math.max(1_000_000L, saturatedNanos(wait)));
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
