package dev.telescale.bot.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces write timeouts. A blocking socket has no write timeout of its own, so a write to a peer that stopped
 * reading would hang forever; this watchdog closes the socket of any connection whose write outlives its deadline,
 * which makes the blocked write fail at once.
 *
 * <p>It is a single virtual thread per transport that scans the live connections every {@value #TICK_MILLIS} ms while
 * writes are in progress and sleeps when none were for a second. Starting and ending a write costs two volatile
 * writes and an atomic increment; no allocation, no scheduling per request.
 */
final class WriteWatchdog {

    static final long TICK_MILLIS = 20;
    private static final int IDLE_TICKS_BEFORE_SLEEP = 50;

    private final Set<Connection> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger writing = new AtomicInteger();
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean stopped;

    WriteWatchdog(String name) {
        thread = Thread.ofVirtual().name(name).unstarted(this::run);
        thread.start();
    }

    void register(Connection c) {
        live.add(c);
    }

    void unregister(Connection c) {
        live.remove(c);
    }

    /** Marks the start of a write that must end within {@code timeoutNanos}; -1 means no limit. */
    void begin(Connection c, long timeoutNanos) {
        if (timeoutNanos < 0) {
            return;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        c.writeDeadline = deadline == 0 ? 1 : deadline;
        if (writing.getAndIncrement() == 0 && sleeping) {
            LockSupport.unpark(thread);
        }
    }

    /** Marks the end of the write started by {@link #begin}. */
    void end(Connection c) {
        if (c.writeDeadline != 0) {
            c.writeDeadline = 0;
            writing.decrementAndGet();
        }
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        int idleTicks = 0;
        while (!stopped) {
            if (writing.get() == 0) {
                if (++idleTicks >= IDLE_TICKS_BEFORE_SLEEP) {
                    sleeping = true;
                    // Re-check after publishing "sleeping": a writer that started meanwhile saw it false and did not
                    // unpark us, but we see its increment here.
                    if (writing.get() == 0 && !stopped) {
                        LockSupport.park(this);
                    }
                    sleeping = false;
                    idleTicks = 0;
                    continue;
                }
            } else {
                idleTicks = 0;
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            long now = System.nanoTime();
            for (Connection c : live) {
                long deadline = c.writeDeadline;
                if (deadline != 0 && now - deadline > 0) {
                    c.abortWrite();
                }
            }
        }
    }
}
