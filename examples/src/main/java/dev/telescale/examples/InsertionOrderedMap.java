package dev.telescale.examples;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * User data that keeps its keys in insertion order, as a Python {@code dict} does: the conversation examples print
 * what the user told them in the order it was told (PTB's {@code facts_to_str}), which the default
 * {@code ConcurrentHashMap} data would scramble. Thread-safe by copy on write — a persistence run may serialise the
 * map on another thread while a handler changes it, and iterating a snapshot never fails — which suits data of a
 * handful of entries written once per message. Re-putting a key keeps its place; removing and putting it again moves
 * it to the end (Python's rules). No null keys or values, like the default data.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class InsertionOrderedMap<K, V> extends AbstractMap<K, V> {

    private final ReentrantLock writes = new ReentrantLock();
    private volatile Map<K, V> snapshot = Map.of();

    @Override
    public Set<Entry<K, V>> entrySet() {
        return snapshot.entrySet();
    }

    @Override
    public V get(Object key) {
        return snapshot.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return snapshot.containsKey(key);
    }

    @Override
    public int size() {
        return snapshot.size();
    }

    @Override
    public V put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        writes.lock();
        try {
            Map<K, V> next = new LinkedHashMap<>(snapshot);
            V old = next.put(key, value);
            snapshot = Collections.unmodifiableMap(next);
            return old;
        } finally {
            writes.unlock();
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        entries.forEach((k, v) -> {
            Objects.requireNonNull(k, "key");
            Objects.requireNonNull(v, () -> "value of " + k);
        });
        writes.lock();
        try {
            Map<K, V> next = new LinkedHashMap<>(snapshot);
            next.putAll(entries);
            snapshot = Collections.unmodifiableMap(next);
        } finally {
            writes.unlock();
        }
    }

    @Override
    public V remove(Object key) {
        writes.lock();
        try {
            if (!snapshot.containsKey(key)) {
                return null;
            }
            Map<K, V> next = new LinkedHashMap<>(snapshot);
            V old = next.remove(key);
            snapshot = Collections.unmodifiableMap(next);
            return old;
        } finally {
            writes.unlock();
        }
    }

    @Override
    public void clear() {
        writes.lock();
        try {
            snapshot = Map.of();
        } finally {
            writes.unlock();
        }
    }
}
