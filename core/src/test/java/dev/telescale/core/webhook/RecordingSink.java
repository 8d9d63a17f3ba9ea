package dev.telescale.core.webhook;

import dev.telescale.api.ApiMethod;
import dev.telescale.api.types.Update;
import dev.telescale.core.update.UpdateSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * An {@link UpdateSink} for updater and webhook tests, independent of the Application: records every update it
 * takes (counting each update_id), can refuse like a stopped application, and answers {@code submitForReply} with
 * a configurable reply (at once, or never), remembering which reply futures the source cancelled.
 */
public final class RecordingSink implements UpdateSink {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Update> updates = new ArrayList<>();
    private final Map<Long, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<CompletableFuture<Optional<ApiMethod<?>>>> futures = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private volatile Function<Update, Optional<ApiMethod<?>>> replies = update -> Optional.empty();
    private volatile boolean neverReply;
    /** With neverReply: how many of the first submitForReply calls are answered all the same. */
    private volatile int answeredFirst;
    private final AtomicInteger replyCalls = new AtomicInteger();
    private volatile boolean nonBlocking;
    private final AtomicInteger tries = new AtomicInteger();

    @Override
    public void submit(Object update) {
        if (refusing) {
            throw new IllegalStateException("the application is stopped");
        }
        record((Update) update);
    }

    @Override
    public CompletableFuture<Optional<ApiMethod<?>>> submitForReply(Update update) {
        if (refusing) {
            throw new IllegalStateException("the application is stopped");
        }
        CompletableFuture<Optional<ApiMethod<?>>> future = new CompletableFuture<>();
        futures.add(future);
        boolean answer = !neverReply || replyCalls.incrementAndGet() <= answeredFirst;
        record(update);
        if (answer) {
            future.complete(replies.apply(update));
        }
        return future;
    }

    /** With {@link #nonBlocking}: the exchange's non-blocking hand-over, counted; otherwise the default (none). */
    @Override
    public boolean trySubmit(Object update) {
        if (!nonBlocking) {
            return UpdateSink.super.trySubmit(update);
        }
        tries.incrementAndGet();
        submit(update);
        return true;
    }

    @Override
    public CompletableFuture<Optional<ApiMethod<?>>> trySubmitForReply(Update update) {
        if (!nonBlocking) {
            return UpdateSink.super.trySubmitForReply(update);
        }
        tries.incrementAndGet();
        return submitForReply(update);
    }

    /** Take updates by {@code trySubmit}/{@code trySubmitForReply} too (as an Application with room does). */
    public RecordingSink nonBlocking() {
        this.nonBlocking = true;
        return this;
    }

    /** How many updates came by the non-blocking methods. */
    public int tries() {
        return tries.get();
    }

    private void record(Update update) {
        lock.lock();
        try {
            updates.add(update);
            counts.computeIfAbsent(update.updateId(), id -> new AtomicInteger()).incrementAndGet();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuse (or accept again) every update, as a stopped application does. */
    public RecordingSink refusing(boolean refusing) {
        this.refusing = refusing;
        return this;
    }

    /** Answer every submitForReply with this reply. */
    public RecordingSink replyWith(Function<Update, Optional<ApiMethod<?>>> replies) {
        this.replies = replies;
        return this;
    }

    /** Leave reply futures incomplete, as a handler still running would. */
    public RecordingSink neverReply() {
        this.neverReply = true;
        return this;
    }

    /**
     * With {@link #neverReply}: answer the first {@code n} submitForReply calls at once all the same (handlers that
     * finished in time, whatever the machine's speed), the rest never.
     */
    public RecordingSink answeringFirst(int n) {
        this.answeredFirst = n;
        return this;
    }

    public List<Update> updates() {
        lock.lock();
        try {
            return List.copyOf(updates);
        } finally {
            lock.unlock();
        }
    }

    public List<CompletableFuture<Optional<ApiMethod<?>>>> futures() {
        return List.copyOf(futures);
    }

    /** How often each update_id was taken. */
    public Map<Long, Integer> counts() {
        Map<Long, Integer> copy = new java.util.TreeMap<>();
        counts.forEach((id, n) -> copy.put(id, n.get()));
        return copy;
    }

    /** Waits until at least {@code n} updates were taken; AssertionError naming what arrived otherwise. */
    public List<Update> awaitCount(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (updates.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + n + " updates within " + timeout + ", got "
                            + updates.size() + ": " + counts());
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            return List.copyOf(updates);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }
}
