package dev.telescale.core.processor;

import java.util.concurrent.Semaphore;

/**
 * Up to N updates at a time on virtual threads, no ordering (PTB's {@code concurrent_updates=N}). The fetcher
 * blocks while N are running, so the queue is not drained faster than updates are handled.
 */
final class ConcurrentProcessor implements UpdateProcessor {

    private final int max;
    private final Semaphore slots;

    ConcurrentProcessor(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConcurrentUpdates must be a positive integer, was " + max);
        }
        this.max = max;
        this.slots = new Semaphore(max);
    }

    @Override
    public void process(Object update, Runnable work) throws InterruptedException {
        slots.acquire();
        try {
            Tasks.THREADS.newThread(() -> {
                try {
                    Tasks.runSafely(work);
                } finally {
                    slots.release();
                }
            }).start();
        } catch (RuntimeException | Error e) {
            slots.release();
            throw e;
        }
    }

    @Override
    public void awaitIdle() throws InterruptedException {
        slots.acquire(max);
        slots.release(max);
    }

    @Override
    public int maxConcurrentUpdates() {
        return max;
    }

    @Override
    public int currentConcurrentUpdates() {
        return max - slots.availablePermits();
    }

    @Override
    public String toString() {
        return "UpdateProcessor.concurrent(" + max + ")";
    }
}
