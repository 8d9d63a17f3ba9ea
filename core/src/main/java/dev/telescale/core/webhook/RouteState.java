package dev.telescale.core.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A registered route plus what the server tracks for it: its secret as bytes for the constant-time compare, and
 * the requests in flight, so removing the route can wait until the updates it accepted got their answers.
 */
final class RouteState {

    final WebhookRoute route;
    final byte[] secret;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;
    private boolean closed;

    RouteState(WebhookRoute route) {
        this.route = route;
        this.secret = route.secretToken() == null ? null : route.secretToken().getBytes(StandardCharsets.UTF_8);
    }

    /** Counts a request in; false once the route is closing (the request is answered 503). */
    boolean enter() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void exit() {
        lock.lock();
        try {
            if (--inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests and waits up to {@code grace} for those in flight; true when none is left. */
    boolean close(Duration grace) {
        lock.lock();
        try {
            closed = true;
            long nanos = grace.toNanos();
            while (inFlight > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
            return inFlight == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inFlight == 0;
        } finally {
            lock.unlock();
        }
    }
}
