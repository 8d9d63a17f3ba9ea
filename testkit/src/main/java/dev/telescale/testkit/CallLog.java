package dev.telescale.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The calls bots made, in arrival order, and waiting for them. The await methods hand out each call once per
 * method name (a cursor per name), so a test that awaits "sendMessage" twice gets the first and then the second.
 */
final class CallLog {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final List<RecordedCall> calls = new ArrayList<>();
    private final Map<String, Integer> cursors = new HashMap<>();

    void record(RecordedCall call) {
        lock.lock();
        try {
            calls.add(call);
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<RecordedCall> all() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            calls.clear();
            cursors.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The next unseen call of {@code method} matching {@code filter}; AssertionError on timeout. */
    RecordedCall await(String method, Predicate<RecordedCall> filter, Duration timeout) {
        return awaitMany(1, method, filter, timeout).getFirst();
    }

    List<RecordedCall> awaitMany(int count, String method, Predicate<RecordedCall> filter, Duration timeout) {
        long remaining = timeout.toNanos();
        List<RecordedCall> found = new ArrayList<>(count);
        lock.lock();
        try {
            int index = cursors.getOrDefault(method, 0);
            while (true) {
                for (; index < calls.size() && found.size() < count; index++) {
                    RecordedCall call = calls.get(index);
                    if (call.method().equalsIgnoreCase(method) && filter.test(call)) {
                        found.add(call);
                    }
                }
                if (found.size() == count) {
                    cursors.put(method, index);
                    return found;
                }
                if (remaining <= 0) {
                    throw new AssertionError("Expected " + count + " " + method + " call(s) within " + timeout
                            + " but got " + found.size() + "; calls so far: " + summary());
                }
                try {
                    remaining = recorded.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for " + method + " calls", e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private String summary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RecordedCall call : calls) {
            counts.merge(call.method(), 1, Integer::sum);
        }
        return counts.isEmpty() ? "none" : counts.toString();
    }
}
