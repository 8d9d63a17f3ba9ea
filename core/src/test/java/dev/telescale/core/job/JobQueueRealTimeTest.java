package dev.telescale.core.job;

import dev.telescale.core.job.TestRuntime.Ctx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue on the system clock with short real delays: deadlines are generous, nothing measures elapsed time. */
class JobQueueRealTimeTest {

    private static final long DEADLINE_SECONDS = 10;

    @Test
    void aJobRunsOnAVirtualThreadAfterARealDelay() throws Exception {
        JobQueue<Ctx> queue = new JobQueue<>();
        queue.bind(new TestRuntime());
        queue.start();
        try {
            CountDownLatch ran = new CountDownLatch(3);
            AtomicBoolean virtual = new AtomicBoolean(true);
            queue.runRepeating(ctx -> {
                virtual.compareAndSet(true, Thread.currentThread().isVirtual());
                ran.countDown();
            }, Duration.ofMillis(20), o -> o.maxInstances(3));
            assertTrue(ran.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
            assertTrue(virtual.get());
        } finally {
            queue.stop(true);
        }
    }

    @Test
    void stopWithWaitReturnsOnlyAfterRunningJobsFinished() throws Exception {
        JobQueue<Ctx> queue = new JobQueue<>();
        queue.bind(new TestRuntime());
        queue.start();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        queue.runOnce(ctx -> {
            running.countDown();
            release.await();
            finished.set(true);
        }, Duration.ZERO);
        assertTrue(running.await(DEADLINE_SECONDS, TimeUnit.SECONDS));

        AtomicReference<Boolean> finishedWhenStopReturned = new AtomicReference<>();
        Thread stopper = Thread.ofVirtual().start(() -> {
            queue.stop(true);
            finishedWhenStopReturned.set(finished.get());
        });
        // Release the job only once stop() is blocked waiting for it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (stopper.getState() != Thread.State.WAITING && stopper.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(stopper.isAlive(), "stop(true) returned while the job was still running");
            assertTrue(System.nanoTime() < deadline, "stop(true) never blocked");
            Thread.onSpinWait();
        }
        release.countDown();
        assertTrue(stopper.join(Duration.ofSeconds(DEADLINE_SECONDS)));
        assertEquals(Boolean.TRUE, finishedWhenStopReturned.get());
        assertFalse(queue.isRunning());
    }

    @Test
    void stopWithoutWaitLeavesRunningJobsToFinishOnTheirOwn() throws Exception {
        JobQueue<Ctx> queue = new JobQueue<>();
        queue.bind(new TestRuntime());
        queue.start();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        queue.runOnce(ctx -> {
            running.countDown();
            release.await();
            finished.countDown();
        }, Duration.ZERO);
        assertTrue(running.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
        queue.stop(false);
        assertEquals(1, finished.getCount(), "stop(false) returned while the job still runs");
        release.countDown();
        assertTrue(finished.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    }
}
