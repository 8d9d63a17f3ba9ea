package dev.telescale.core.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A registered route plus what the server tracks for it: its secret as bytes for the constant-time compare, and
 * the requests in flight, so removing the route can wait until the updates it accepted got their answers.
 */
final class RouteState {

    final WebhookRoute route;
    final byte[] secret;
    /** Requests in flight in the low bits, {@link #CLOSED} once the route is closing: no lock per request. */
    private final AtomicInteger state = new AtomicInteger();
    private static final int CLOSED = 1 << 30;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    /**
     * Requests waiting for their webhook reply, oldest first. The route's reply wait is the same for all, so this
     * is also deadline order: one timer per route sweeps it (cancelling the expired futures) instead of a
     * scheduled task per request.
     */
    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    private record Waiting(long deadline, CompletableFuture<?> future) {
    }

    RouteState(WebhookRoute route) {
        this.route = route;
        this.secret = route.secretToken() == null ? null : route.secretToken().getBytes(StandardCharsets.UTF_8);
    }

    /** Counts a request in; false once the route is closing (the request is answered 503). */
    boolean enter() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    void exit() {
        if (state.decrementAndGet() == CLOSED) {
            // The last request of a closing route: wake close (it checks the count under the lock).
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Refuses new requests and waits up to {@code grace} for those in flight; true when none is left. */
    boolean close(Duration grace) {
        state.getAndUpdate(s -> s | CLOSED);
        lock.lock();
        try {
            long nanos = grace.toNanos();
            while (inFlight() > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
            return inFlight() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inFlight() == 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Cancels {@code future} when it is not done within the route's reply wait (cancelling tells the application
     * to send a later reply as a normal call). Cheap per request: a queue entry, and a timer only when the
     * route's sweep is not already scheduled.
     */
    void cancelAfterReplyWait(CompletableFuture<?> future, Scheduler scheduler) {
        long wait = route.replyWait().toNanos();
        waiting.add(new Waiting(System.nanoTime() + wait, future));
        if (sweeping.compareAndSet(false, true)) {
            scheduler.schedule(() -> sweep(scheduler), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep(Scheduler scheduler) {
        while (true) {
            long now = System.nanoTime();
            Waiting head;
            while ((head = waiting.peek()) != null) {
                if (!head.future.isDone() && head.deadline - now > 0) {
                    break;
                }
                waiting.poll();
                head.future.cancel(false); // no effect on a future that is done
            }
            if (head != null) {
                scheduler.schedule(() -> sweep(scheduler), Math.max(head.deadline - now, 1_000_000L),
                        TimeUnit.NANOSECONDS);
                return;
            }
            sweeping.set(false);
            // An entry added while this sweep was ending saw it scheduled: take the sweep over again if so.
            if (waiting.isEmpty() || !sweeping.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private int inFlight() {
        return state.get() & ~CLOSED;
    }
}
