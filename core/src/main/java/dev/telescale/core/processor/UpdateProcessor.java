package dev.telescale.core.processor;

import java.util.function.Function;

/**
 * Decides when and on which thread each update is processed (PTB's {@code BaseUpdateProcessor}). The Application's
 * fetcher hands it updates in arrival order through {@link #process}; the processor runs the given work (the
 * whole dispatch of one update, which never throws) on virtual threads under its ordering policy.
 *
 * <p>Three policies are built in:
 * <ul>
 *   <li>{@link #orderedPerChatAndUser(int)} — <b>the recommended one and the default</b>: updates of one chat, and
 *       of one user, run one at a time in arrival order; everything else runs concurrently up to a limit;</li>
 *   <li>{@link #sequential()} — one update at a time (PTB's default); safest, slowest;</li>
 *   <li>{@link #concurrent(int)} — up to N at a time, no order at all (PTB's {@code concurrent_updates=N}).</li>
 * </ul>
 */
public interface UpdateProcessor {

    /**
     * Accepts one update; {@code work} processes it. May block the caller to push back when too much is in
     * flight. Must be called in arrival order (one fetcher thread); safe to call from several threads.
     */
    void process(Object update, Runnable work) throws InterruptedException;

    /** Blocks until every update accepted so far has been processed. */
    void awaitIdle() throws InterruptedException;

    /** How many updates may run at the same moment. */
    int maxConcurrentUpdates();

    /** How many run right now (a snapshot). */
    int currentConcurrentUpdates();

    /** Called by {@code Application.initialize()}: acquire resources. */
    default void initialize() {
    }

    /** Called by {@code Application.shutdown()}: release resources. */
    default void shutdown() {
    }

    /** One update at a time, in arrival order, on the fetcher's thread. */
    static UpdateProcessor sequential() {
        return new SequentialProcessor();
    }

    /** Up to {@code maxConcurrentUpdates} at a time, in no particular order. */
    static UpdateProcessor concurrent(int maxConcurrentUpdates) {
        return new ConcurrentProcessor(maxConcurrentUpdates);
    }

    /**
     * Updates of one chat, and of one user, in order and never overlapping; others concurrently, up to
     * {@code maxConcurrentUpdates} at a time. Keys: the update's effective chat and effective user.
     */
    static UpdateProcessor orderedPerChatAndUser(int maxConcurrentUpdates) {
        return OrderedProcessor.builder().maxConcurrentUpdates(maxConcurrentUpdates).build();
    }

    /** {@link #orderedPerChatAndUser(int)} with {@link OrderedProcessor#DEFAULT_MAX_CONCURRENT} updates. */
    static UpdateProcessor orderedPerChatAndUser() {
        return OrderedProcessor.builder().build();
    }

    /** Keys of custom update types for an ordered processor: see {@link OrderedProcessor.Builder#keys(Function)}. */
    static OrderedProcessor.Builder ordered() {
        return OrderedProcessor.builder();
    }
}
