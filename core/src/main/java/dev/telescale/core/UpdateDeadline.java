package dev.telescale.core;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The processing timeout of one update: interrupts the processing thread when the limit passes. The interrupt is
 * sent under a lock and {@link #end()} takes the same lock, so once {@code end()} returned no interrupt can arrive
 * any more and one that was sent is cleared: the thread (a processor's virtual thread, or the fetcher under the
 * sequential processor) goes on clean.
 */
final class UpdateDeadline implements Runnable {

    private enum State { RUNNING, EXPIRED, ENDED }

    private final Thread thread;
    private final Duration limit;
    private final ReentrantLock lock = new ReentrantLock();
    private State state = State.RUNNING;
    private boolean expired;
    private boolean reported;
    private ScheduledFuture<?> timer;

    private UpdateDeadline(Thread thread, Duration limit) {
        this.thread = thread;
        this.limit = limit;
    }

    /** A deadline for the current thread, {@code limit} from now. */
    static UpdateDeadline arm(ScheduledExecutorService scheduler, Duration limit) {
        UpdateDeadline d = new UpdateDeadline(Thread.currentThread(), limit);
        ScheduledFuture<?> f = scheduler.schedule(d, limit.toNanos(), TimeUnit.NANOSECONDS);
        d.lock.lock();
        try {
            d.timer = f;
        } finally {
            d.lock.unlock();
        }
        return d;
    }

    Duration limit() {
        return limit;
    }

    /** The timer: interrupts the thread unless processing ended already. */
    @Override
    public void run() {
        lock.lock();
        try {
            if (state == State.RUNNING) {
                state = State.EXPIRED;
                expired = true;
                thread.interrupt();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the limit passed (the interrupt was sent). */
    boolean expired() {
        lock.lock();
        try {
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the deadline on the processing thread: cancels the timer, or clears the interrupt it sent. Idempotent.
     *
     * @return whether the limit passed
     */
    boolean end() {
        lock.lock();
        try {
            if (state == State.RUNNING && timer != null) {
                timer.cancel(false);
            } else if (state == State.EXPIRED) {
                Thread.interrupted();
            }
            state = State.ENDED;
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /** True the first time it is called after the limit passed: the timeout is reported once. */
    boolean claimReport() {
        lock.lock();
        try {
            if (!expired || reported) {
                return false;
            }
            reported = true;
            return true;
        } finally {
            lock.unlock();
        }
    }
}
