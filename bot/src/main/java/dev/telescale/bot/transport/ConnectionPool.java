package dev.telescale.bot.transport;

import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections of one {@link Origin} on one {@link Lane}: at most {@code size} of them are in use at a time
 * (a semaphore of permits; waiting for one is the pool timeout), and idle ones wait in a stack so the most recently
 * used, least likely stale, is reused first. Idle connections older than the keep-alive limit are closed.
 */
final class ConnectionPool {

    private final int size;
    private final long maxIdleNanos;
    private final Semaphore permits;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Connection> idle;
    private boolean closed;

    ConnectionPool(int size, long maxIdleNanos) {
        this.size = size;
        this.maxIdleNanos = maxIdleNanos;
        this.permits = new Semaphore(size, true);
        this.idle = new ArrayDeque<>(Math.min(size, 64));
    }

    int size() {
        return size;
    }

    /** Takes a permit, waiting up to {@code nanos} (-1: forever). False when none came free in time. */
    boolean acquire(long nanos) throws InterruptedException {
        if (permits.tryAcquire()) {
            return true;
        }
        if (nanos < 0) {
            permits.acquire();
            return true;
        }
        return nanos > 0 && permits.tryAcquire(nanos, TimeUnit.NANOSECONDS);
    }

    void releasePermit() {
        permits.release();
    }

    /** The most recently used idle connection that is still fresh, or null. Closes the expired ones it meets. */
    Connection pollIdle() {
        while (true) {
            Connection c;
            lock.lock();
            try {
                c = idle.pollLast();
            } finally {
                lock.unlock();
            }
            if (c == null) {
                return null;
            }
            if (System.nanoTime() - c.idleSince > maxIdleNanos || c.isClosed()) {
                c.close();
                continue;
            }
            c.reused = true;
            return c;
        }
    }

    /** Returns a connection whose response was read completely. */
    void offerIdle(Connection c) {
        long now = System.nanoTime();
        c.idleSince = now;
        Connection expired = null;
        lock.lock();
        try {
            if (closed) {
                expired = c;
            } else {
                idle.addLast(c);
                Connection oldest = idle.peekFirst();
                if (oldest != c && now - oldest.idleSince > maxIdleNanos) {
                    expired = idle.pollFirst();
                }
            }
        } finally {
            lock.unlock();
        }
        if (expired != null) {
            expired.close();
        }
    }

    /** Closes the idle connections and every connection offered from now on. */
    void close() {
        ArrayDeque<Connection> toClose;
        lock.lock();
        try {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        } finally {
            lock.unlock();
        }
        toClose.forEach(Connection::close);
    }
}
