package dev.telescale.bot.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link SlidingWindow} in this JVM. Under one lock: the calls in flight and the end times of finished calls, oldest
 * first (taken under the lock from {@link System#nanoTime()}, so they arrive in order). Waiters queue first come,
 * first served; only the head of the queue looks for a slot, with a timed wait for the oldest end to leave the window
 * or an untimed one while every slot is in flight, and passes the turn on when it leaves. Conditions of a
 * {@link ReentrantLock} park the thread, so virtual threads are not pinned.
 */
final class LocalSlidingWindow implements SlidingWindow {

    private final int maxCalls;
    private final Duration period;
    private final long periodNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Long> ends = new ArrayDeque<>();
    private final ArrayDeque<Condition> waiters = new ArrayDeque<>();
    private int inFlight;

    LocalSlidingWindow(int maxCalls, Duration period) {
        Objects.requireNonNull(period, "period");
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1, was " + maxCalls);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        this.maxCalls = maxCalls;
        this.period = period;
        this.periodNanos = period.toNanos();
    }

    @Override
    public Slot acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (waiters.isEmpty() && tryTake(System.nanoTime()) == 0) {
                return new LocalSlot();
            }
            Condition turn = lock.newCondition();
            waiters.addLast(turn);
            try {
                while (true) {
                    if (waiters.peekFirst() != turn) {
                        turn.await();
                        continue;
                    }
                    long wait = tryTake(System.nanoTime());
                    if (wait == 0) {
                        waiters.removeFirst();
                        signalHead();
                        return new LocalSlot();
                    }
                    if (wait < 0) {
                        turn.await();
                    } else {
                        turn.awaitNanos(wait);
                    }
                }
            } catch (InterruptedException e) {
                boolean head = waiters.peekFirst() == turn;
                waiters.remove(turn);
                if (head) {
                    signalHead();
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a slot if one is free at {@code now}: returns 0 when taken, else the nanoseconds until the oldest end
     * leaves the window, or -1 when every slot is in flight (only a release frees one).
     */
    private long tryTake(long now) {
        while (!ends.isEmpty() && now - ends.peekFirst() > periodNanos) {
            ends.removeFirst();
        }
        if (inFlight + ends.size() < maxCalls) {
            inFlight++;
            return 0;
        }
        if (ends.isEmpty()) {
            return -1;
        }
        // Free strictly after oldest end + period.
        return Math.max(1, ends.peekFirst() + periodNanos - now + 1);
    }

    private void signalHead() {
        Condition head = waiters.peekFirst();
        if (head != null) {
            head.signal();
        }
    }

    @Override
    public int maxCalls() {
        return maxCalls;
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public String toString() {
        return "SlidingWindow[" + maxCalls + "/" + period + "]";
    }

    private final class LocalSlot implements Slot {
        private boolean released;

        @Override
        public void release() {
            lock.lock();
            try {
                if (released) {
                    throw new IllegalStateException("this slot of " + LocalSlidingWindow.this + " was already "
                            + "released");
                }
                released = true;
                inFlight--;
                ends.addLast(System.nanoTime());
                signalHead();
            } finally {
                lock.unlock();
            }
        }
    }
}
