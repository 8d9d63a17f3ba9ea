package dev.telescale.core.processor;

import dev.telescale.core.Effective;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs updates concurrently while keeping the updates of one key in arrival order and never overlapping. By
 * default an update's keys are its effective chat and its effective user, so two updates of the same chat, or of
 * the same user (in different chats), never run at the same time and run in the order they arrived, while
 * different chats and users proceed in parallel.
 *
 * <p>Algorithm: every key has a FIFO lane of the updates that hold it and are not finished. An arriving update is
 * appended to the lanes of all its keys at once, under one lock, so all lanes agree on arrival order; it may run
 * when it is at the head of every one of its lanes (it counts the lanes where it is not yet). When an update
 * finishes it leaves the head of its lanes, and each new head whose count drops to zero starts. Waiting only ever
 * points at updates that arrived earlier, so there is no cycle and no deadlock: the oldest unfinished update is
 * always at the head of all its lanes. A lane is removed as soon as it is empty, so idle chats cost no memory.
 * Updates without keys (custom objects, polls) run at once.
 *
 * <p>Limits: at most {@code maxConcurrentUpdates} run at a time (virtual threads), and at most
 * {@code maxPendingUpdates} are accepted and unfinished — beyond that {@link #process} blocks the fetcher, which
 * pushes back on the update queue and the source. A handler that never returns holds its chat's and user's later
 * updates back (and, once the pending limit is reached by them, everyone's): give blocking calls timeouts, or set
 * the application's {@code processingTimeout}, which interrupts an update's thread when the limit passes. An update
 * leaves its lanes only when its work has returned, so after a timeout the next update of the chat starts once the
 * interrupted handler has actually ended; a handler that ignores interrupts keeps its lanes until it returns.
 */
public final class OrderedProcessor implements UpdateProcessor {

    /** Default of {@link Builder#maxConcurrentUpdates}: virtual threads are cheap, the Bot's pool is the limit. */
    public static final int DEFAULT_MAX_CONCURRENT = 1024;
    /** Default of {@link Builder#maxPendingUpdates}. */
    public static final int DEFAULT_MAX_PENDING = 16_384;

    private final int maxConcurrent;
    private final int maxPending;
    private final Function<Object, Collection<?>> keyFunction;
    private final Semaphore running;
    private final Semaphore pendingSlots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Map<Object, ArrayDeque<Task>> lanes = new HashMap<>();
    private int unfinished;

    private OrderedProcessor(Builder b) {
        this.maxConcurrent = b.maxConcurrent;
        this.maxPending = b.maxPending;
        this.keyFunction = b.keys;
        this.running = new Semaphore(maxConcurrent);
        this.pendingSlots = new Semaphore(maxPending);
    }

    /** Options of an ordered processor. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default keys of an update: {@code chat:<id>} of the effective chat, {@code user:<id>} of the user. */
    public static List<Object> chatAndUserKeys(Object update) {
        OptionalLong chat = Effective.chatId(update);
        OptionalLong user = Effective.userId(update);
        if (chat.isEmpty() && user.isEmpty()) {
            return List.of();
        }
        if (chat.isEmpty()) {
            return List.of(new UserKey(user.getAsLong()));
        }
        if (user.isEmpty()) {
            return List.of(new ChatKey(chat.getAsLong()));
        }
        return List.of(new ChatKey(chat.getAsLong()), new UserKey(user.getAsLong()));
    }

    @Override
    public void process(Object update, Runnable work) throws InterruptedException {
        Objects.requireNonNull(work, "work");
        Collection<?> keys = keysOf(update);
        pendingSlots.acquire();
        Task task = new Task(work, keys);
        boolean ready;
        lock.lock();
        try {
            unfinished++;
            for (Object key : keys) {
                ArrayDeque<Task> lane = lanes.computeIfAbsent(key, k -> new ArrayDeque<>());
                if (!lane.isEmpty()) {
                    task.blockers++;
                }
                lane.addLast(task);
            }
            ready = task.blockers == 0;
        } finally {
            lock.unlock();
        }
        if (ready) {
            start(task);
        }
    }

    @Override
    public void awaitIdle() throws InterruptedException {
        lock.lock();
        try {
            while (unfinished > 0) {
                idle.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int maxConcurrentUpdates() {
        return maxConcurrent;
    }

    @Override
    public int currentConcurrentUpdates() {
        return maxConcurrent - running.availablePermits();
    }

    /** Keys that currently have unfinished updates (a snapshot; for monitoring and tests of memory use). */
    public int activeKeys() {
        lock.lock();
        try {
            return lanes.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "OrderedProcessor[maxConcurrentUpdates=" + maxConcurrent + ", maxPendingUpdates=" + maxPending + "]";
    }

    private Collection<?> keysOf(Object update) {
        Collection<?> keys;
        try {
            keys = keyFunction.apply(update);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The key function of the ordered update processor failed on "
                    + update.getClass().getName(), e);
        }
        if (keys == null || keys.isEmpty()) {
            return List.of();
        }
        // A key listed twice must not make an update wait for itself.
        if (keys.size() == 1) {
            return keys;
        }
        if (keys.size() == 2 && keys instanceof List<?> pair) {
            // The usual case (chat and user): no set needed.
            Object first = pair.get(0);
            Object second = pair.get(1);
            if (first != null && second != null) {
                return first.equals(second) ? List.of(first) : List.of(first, second);
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(keys));
    }

    private void start(Task task) {
        Tasks.THREADS.newThread(() -> run(task)).start();
    }

    private void run(Task task) {
        running.acquireUninterruptibly();
        try {
            Tasks.runSafely(task.work);
        } finally {
            running.release();
            finish(task);
        }
    }

    private void finish(Task task) {
        List<Task> nowReady = new ArrayList<>(2);
        lock.lock();
        try {
            for (Object key : task.keys) {
                ArrayDeque<Task> lane = lanes.get(key);
                lane.pollFirst();
                Task next = lane.peekFirst();
                if (next == null) {
                    lanes.remove(key);
                } else if (--next.blockers == 0) {
                    nowReady.add(next);
                }
            }
            if (--unfinished == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
        pendingSlots.release();
        for (Task next : nowReady) {
            start(next);
        }
    }

    /** One accepted update: its work, its keys and the number of its lanes where it is not at the head yet. */
    private static final class Task {
        final Runnable work;
        final Collection<?> keys;
        int blockers; // guarded by lock

        Task(Runnable work, Collection<?> keys) {
            this.work = work;
            this.keys = keys;
        }
    }

    /** Key of a chat's lane. */
    record ChatKey(long chatId) {
    }

    /** Key of a user's lane. */
    record UserKey(long userId) {
    }

    /** Options of an {@link OrderedProcessor}. */
    public static final class Builder {
        private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
        private int maxPending = DEFAULT_MAX_PENDING;
        private Function<Object, Collection<?>> keys = OrderedProcessor::chatAndUserKeys;

        private Builder() {
        }

        /** How many updates may run at once (default 1,024). */
        public Builder maxConcurrentUpdates(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentUpdates must be a positive integer, was " + max);
            }
            this.maxConcurrent = max;
            return this;
        }

        /** How many accepted updates may be unfinished before the fetcher waits (default 16,384). */
        public Builder maxPendingUpdates(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPendingUpdates must be a positive integer, was " + max);
            }
            this.maxPending = max;
            return this;
        }

        /**
         * The ordering keys of an update (default {@link OrderedProcessor#chatAndUserKeys}); updates sharing a key
         * never overlap and keep their order. Return an empty collection for updates that need no order. Keys
         * must have value equality; use it to order custom update types, or per topic.
         */
        public Builder keys(Function<Object, Collection<?>> keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        public OrderedProcessor build() {
            return new OrderedProcessor(this);
        }
    }
}
