package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * The messages of one chat in order, by message_id, with the current version of each (edits replace, deletes
 * remove). Stored messages are never modified in place: an edit stores a new object, so a message handed out
 * stays a consistent snapshot. A history limit keeps long benchmarks from growing without bound.
 */
public final class MessageLog {

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every append, edit and delete, so waiters for an edited version wake at once. */
    private final Condition changed = lock.newCondition();
    private final LinkedHashMap<Long, ObjectNode> messages = new LinkedHashMap<>();
    private final int historyLimit;
    private long lastMessageId;

    /**
     * @param historyLimit how many messages to keep; the oldest are forgotten beyond it
     */
    public MessageLog(int historyLimit) {
        this.historyLimit = historyLimit;
    }

    /** Stores a new message built for the next message_id and returns it. */
    public ObjectNode append(LongFunction<ObjectNode> build) {
        lock.lock();
        try {
            ObjectNode message = build.apply(lastMessageId + 1);
            lastMessageId++;
            messages.put(lastMessageId, message);
            if (messages.size() > historyLimit) {
                Iterator<Long> oldest = messages.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            changed.signalAll();
            return message;
        } finally {
            lock.unlock();
        }
    }

    /** The current version of a message, or null. */
    public ObjectNode get(long messageId) {
        lock.lock();
        try {
            return messages.get(messageId);
        } finally {
            lock.unlock();
        }
    }

    /** Replaces a message that still exists; false when it is gone. */
    public boolean replace(long messageId, ObjectNode message) {
        lock.lock();
        try {
            boolean replaced = messages.replace(messageId, message) != null;
            if (replaced) {
                changed.signalAll();
            }
            return replaced;
        } finally {
            lock.unlock();
        }
    }

    /** Removes a message; false when there was none. */
    public boolean remove(long messageId) {
        lock.lock();
        try {
            boolean removed = messages.remove(messageId) != null;
            if (removed) {
                changed.signalAll();
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }

    /** All messages, oldest first. */
    public List<ObjectNode> snapshot() {
        lock.lock();
        try {
            return List.copyOf(messages.values());
        } finally {
            lock.unlock();
        }
    }

    /** The highest message_id given so far, 0 before the first message. */
    public long lastMessageId() {
        lock.lock();
        try {
            return lastMessageId;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a message with an id above {@code afterMessageId} that matches {@code filter}.
     *
     * @return the first such message, or null on timeout
     */
    public ObjectNode await(long afterMessageId, Predicate<ObjectNode> filter, Duration timeout)
            throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (var entry : messages.entrySet()) {
                    if (entry.getKey() > afterMessageId && filter.test(entry.getValue())) {
                        return entry.getValue();
                    }
                }
                if (remaining <= 0) {
                    return null;
                }
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }
}
