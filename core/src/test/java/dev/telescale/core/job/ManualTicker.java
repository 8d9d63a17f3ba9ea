package dev.telescale.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/** A ticker whose time moves only when the test advances it; advancing wakes the scheduler. */
final class ManualTicker implements Ticker {

    private volatile Instant now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    ManualTicker(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void await(Condition condition, Instant deadline) throws InterruptedException {
        // Real time is irrelevant here; the bounded wait only guards against a lost signal in a broken build.
        condition.await(100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onAdvance(Runnable wake) {
        listeners.add(wake);
    }

    Instant advance(Duration by) {
        return set(now.plus(by));
    }

    Instant set(Instant to) {
        now = to;
        listeners.forEach(Runnable::run);
        return to;
    }
}
