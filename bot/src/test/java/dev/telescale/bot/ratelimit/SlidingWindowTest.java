package dev.telescale.bot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The local sliding window on its own: slots held while in flight, first come first served, interruption, bad input.
 * Waiting is observed through the waiting threads' states, never by sleeping.
 */
class SlidingWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    static boolean parked(Thread t) {
        return t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING;
    }

    /** Starts a virtual thread taking a slot (recording its name when it has one) and returning it. */
    static Started take(SlidingWindow window, String name, List<String> order) {
        FutureTask<SlidingWindow.Slot> task = new FutureTask<>(() -> {
            SlidingWindow.Slot slot = window.acquire();
            order.add(name);
            return slot;
        });
        return new Started(Thread.ofVirtual().start(task), task);
    }

    record Started(Thread thread, Future<SlidingWindow.Slot> slot) {
    }

    @Test
    void aCallInFlightHoldsItsSlotBeyondThePeriod() throws Exception {
        SlidingWindow window = SlidingWindow.local(2, Duration.ofMillis(1));
        SlidingWindow.Slot a = window.acquire();
        SlidingWindow.Slot b = window.acquire();
        long taken = System.nanoTime();
        List<String> order = new CopyOnWriteArrayList<>();
        Started third = take(window, "third", order);
        await(() -> System.nanoTime() - taken > Duration.ofMillis(20).toNanos(), "many periods to pass");
        // Untimed wait: nothing but a release can free a slot while both calls are in flight.
        await(() -> third.thread().getState() == Thread.State.WAITING, "the third call to wait for a release");
        assertTrue(order.isEmpty(), "a third call started while two were in flight");
        a.release();
        third.slot().get().release();
        b.release();
        assertEquals(List.of("third"), order);
    }

    @Test
    void waitersAreServedInArrivalOrder() throws Exception {
        SlidingWindow window = SlidingWindow.local(1, Duration.ofMillis(1));
        SlidingWindow.Slot first = window.acquire();
        List<String> order = new CopyOnWriteArrayList<>();
        List<Started> waiting = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            Started s = take(window, name, order);
            await(() -> parked(s.thread()), name + " to wait");
            waiting.add(s);
        }
        first.release();
        for (Started s : waiting) {
            s.slot().get().release();
        }
        assertEquals(List.of("a", "b", "c", "d", "e"), order);
    }

    @Test
    void anInterruptedWaiterTakesNoSlotAndPassesItsTurnOn() throws Exception {
        SlidingWindow window = SlidingWindow.local(1, Duration.ofMillis(1));
        SlidingWindow.Slot first = window.acquire();
        List<String> order = new CopyOnWriteArrayList<>();
        Started head = take(window, "head", order);
        await(() -> parked(head.thread()), "the head to wait");
        Started next = take(window, "next", order);
        await(() -> parked(next.thread()), "the next to wait");
        head.thread().interrupt();
        ExecutionException e = assertThrows(ExecutionException.class, () -> head.slot().get());
        assertTrue(e.getCause() instanceof InterruptedException, e.toString());
        first.release();
        next.slot().get().release();
        assertEquals(List.of("next"), order);
    }

    @Test
    void aSlotIsReleasedOnce() throws Exception {
        SlidingWindow window = SlidingWindow.local(3, Duration.ofSeconds(1));
        SlidingWindow.Slot slot = window.acquire();
        slot.release();
        IllegalStateException e = assertThrows(IllegalStateException.class, slot::release);
        assertTrue(e.getMessage().contains("3/PT1S"), e.getMessage());
    }

    @Test
    void badLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.local(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.local(-3, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.local(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.local(1, Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> SlidingWindow.local(1, null));
        SlidingWindow w = WindowStore.local().window("overall", 30, Duration.ofSeconds(1));
        assertEquals(30, w.maxCalls());
        assertEquals(Duration.ofSeconds(1), w.period());
    }
}
