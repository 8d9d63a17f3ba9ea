package dev.telescale.core.processor;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One update at a time on the caller's (the fetcher's) thread: the next update is taken only when this one is
 * done, as PTB's default {@code SimpleUpdateProcessor(1)}.
 */
final class SequentialProcessor implements UpdateProcessor {

    /** Serialises callers other than the fetcher (a source calling the processor from several threads). */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean busy;

    @Override
    public void process(Object update, Runnable work) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            busy = true;
            Tasks.runSafely(work);
        } finally {
            busy = false;
            lock.unlock();
        }
    }

    @Override
    public void awaitIdle() throws InterruptedException {
        lock.lockInterruptibly();
        lock.unlock();
    }

    @Override
    public int maxConcurrentUpdates() {
        return 1;
    }

    @Override
    public int currentConcurrentUpdates() {
        return busy ? 1 : 0;
    }

    @Override
    public String toString() {
        return "UpdateProcessor.sequential()";
    }
}
