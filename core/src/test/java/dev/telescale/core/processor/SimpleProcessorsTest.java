package dev.telescale.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sequential and concurrent processors. */
class SimpleProcessorsTest {

    @Test
    void sequentialRunsOneAtATimeInArrivalOrderEvenWhenWorkFails() throws Exception {
        UpdateProcessor processor = UpdateProcessor.sequential();
        List<Integer> order = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            int n = i;
            processor.process(n, () -> {
                assertEquals(1, running.incrementAndGet());
                order.add(n);
                running.decrementAndGet();
                if (n % 10 == 0) {
                    throw new IllegalStateException("fails sometimes");
                }
            });
        }
        processor.awaitIdle();

        assertEquals(100, order.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, order.get(i));
        }
        assertEquals(1, processor.maxConcurrentUpdates());
    }

    @Test
    void concurrentRunsUpToTheLimitAtOnceAndNoMore() throws Exception {
        UpdateProcessor processor = UpdateProcessor.concurrent(4);
        CountDownLatch fourRunning = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        List<Integer> done = new CopyOnWriteArrayList<>();
        Thread feeder = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 20; i++) {
                int n = i;
                try {
                    processor.process(n, () -> {
                        max.accumulateAndGet(running.incrementAndGet(), Math::max);
                        fourRunning.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        done.add(n);
                    });
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        assertTrue(fourRunning.await(20, TimeUnit.SECONDS));
        assertEquals(4, processor.currentConcurrentUpdates());
        release.countDown();
        feeder.join();
        processor.awaitIdle();

        assertEquals(20, done.size());
        assertEquals(4, max.get());
        assertEquals(0, processor.currentConcurrentUpdates());
    }
}
