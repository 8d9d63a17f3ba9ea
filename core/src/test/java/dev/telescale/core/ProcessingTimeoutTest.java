package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.processor.UpdateProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processing timeout: interrupt, error report, per-chat order kept, other chats not held up. */
class ProcessingTimeoutTest {

    private static final AtomicInteger IDS = new AtomicInteger(500);

    private EmulatorHarness h;
    private Application<DefaultContext> app;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        h = new EmulatorHarness();
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            if (app.isRunning()) {
                app.stop();
            }
            app.shutdown();
        }
        h.close();
    }

    private Application<DefaultContext> start(Duration timeout, UpdateProcessor processor) {
        app = h.app(b -> b.processingTimeout(timeout).updateProcessor(processor));
        app.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
        app.initialize();
        return app;
    }

    private static Update text(long chatId, String text) {
        return EmulatorHarness.update("{\"update_id\":" + IDS.incrementAndGet() + ",\"message\":{\"message_id\":"
                + IDS.incrementAndGet() + ",\"date\":0,\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"u\"},\"text\":\"" + text
                + "\"}}");
    }

    private static String textOf(Update u) {
        return u.message().orElseThrow().text().orElseThrow();
    }

    @Test
    void aBlockedHandlerIsInterruptedItsErrorReachesTheErrorHandlersAndTheChatGoesOnInOrder() throws Exception {
        start(Duration.ofMillis(300), UpdateProcessor.orderedPerChatAndUser());
        Map<Long, List<String>> seen = new ConcurrentHashMap<>();
        CountDownLatch otherChatRan = new CountDownLatch(1);
        AtomicBoolean otherChatRanWhileBlocked = new AtomicBoolean();
        ReentrantLock neverReleased = new ReentrantLock();
        Thread holder = Thread.ofVirtual().start(neverReleased::lock);
        holder.join();
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            String text = textOf(u);
            seen.computeIfAbsent(c.chatId().getAsLong(), k -> new CopyOnWriteArrayList<>()).add(text);
            switch (text) {
                case "a1-sleep" -> {
                    // proves chat 2 is not held up: this only passes the latch if chat 2 ran meanwhile
                    otherChatRanWhileBlocked.set(otherChatRan.await(20, TimeUnit.SECONDS));
                    Thread.sleep(Duration.ofMinutes(10));
                }
                case "a3-lock" -> neverReleased.lockInterruptibly();
                case "b1" -> otherChatRan.countDown();
                default -> { }
            }
        }));
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) ->
                seen.get(c.chatId().getAsLong()).add("group1 " + textOf(u))), 1);
        app.start();
        Update a1 = text(1, "a1-sleep");
        app.submit(a1);
        app.submit(text(1, "a2"));
        Update a3 = text(1, "a3-lock");
        app.submit(a3);
        app.submit(text(1, "a4"));
        app.submit(text(2, "b1"));
        app.stop();

        assertTrue(otherChatRanWhileBlocked.get(), "chat 2 ran while chat 1's first update was blocked");
        assertEquals(List.of("a1-sleep", "a2", "group1 a2", "a3-lock", "a4", "group1 a4"), seen.get(1L),
                "timed-out updates skip their later groups; the chat's order is kept");
        assertEquals(List.of("b1", "group1 b1"), seen.get(2L));
        assertEquals(2, errors.size(), errors.toString());
        UpdateTimeoutException first = assertInstanceOf(UpdateTimeoutException.class, errors.get(0));
        assertEquals(a1.updateId(), first.updateId().getAsLong());
        assertEquals(Duration.ofMillis(300), first.limit());
        assertInstanceOf(InterruptedException.class, first.getCause());
        assertTrue(first.getMessage().contains("update " + a1.updateId()), first.getMessage());
        assertTrue(first.getMessage().contains("300 ms"), first.getMessage());
        assertFalse(first.getMessage().contains(h.bot.token()));
        UpdateTimeoutException second = assertInstanceOf(UpdateTimeoutException.class, errors.get(1));
        assertEquals(a3.updateId(), second.updateId().getAsLong());
    }

    @Test
    void aHandlerThatSwallowsInterruptsDelaysOnlyItsOwnChat() throws Exception {
        start(Duration.ofMillis(100), UpdateProcessor.orderedPerChatAndUser());
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherChatDone = new CountDownLatch(2);
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            String text = textOf(u);
            events.add("start " + text);
            if (text.equals("a1-stubborn")) {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        interrupted.countDown(); // swallowed: the handler keeps going
                    }
                }
            }
            if (text.startsWith("b")) {
                otherChatDone.countDown();
            }
            events.add("end " + text);
        }));
        app.start();
        app.submit(text(1, "a1-stubborn"));
        app.submit(text(1, "a2"));
        app.submit(text(2, "b1"));
        app.submit(text(2, "b2"));

        assertTrue(interrupted.await(20, TimeUnit.SECONDS), "the timeout interrupted the handler");
        assertTrue(otherChatDone.await(20, TimeUnit.SECONDS), "chat 2 is not held up");
        assertFalse(events.contains("start a2"), "chat 1 waits while its stubborn handler still runs: " + events);
        release.countDown();
        app.stop();

        assertTrue(events.indexOf("end a1-stubborn") < events.indexOf("start a2"), events.toString());
        assertEquals(1, errors.size(), errors.toString());
        UpdateTimeoutException e = assertInstanceOf(UpdateTimeoutException.class, errors.get(0));
        assertEquals(null, e.getCause(), "the handler returned normally");
    }

    @Test
    void errorHandlersOfATimedOutUpdateCanCallTheBotAndTheSequentialFetcherSurvives() {
        app = h.app(b -> b.processingTimeout(Duration.ofMillis(100)).updateProcessor(UpdateProcessor.sequential()));
        List<String> after = new CopyOnWriteArrayList<>();
        app.addErrorHandler((u, c) -> {
            errors.add(c.error().orElseThrow());
            after.add("getMe " + c.bot().getMe().username().orElseThrow()); // the interrupt was cleared
        });
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            if (textOf(u).equals("slow")) {
                Thread.sleep(Duration.ofMinutes(10));
            }
            after.add(textOf(u));
        }));
        app.initialize();
        app.start();
        app.submit(text(1, "slow"));
        app.submit(text(2, "next"));
        app.submit(text(1, "slow"));
        app.submit(text(3, "last"));
        app.stop();

        assertEquals(List.of("getMe TestBot", "next", "getMe TestBot", "last"), after);
        assertEquals(2, errors.size());
    }

    @Test
    void orderHoldsUnderLoadWithHandlersThatTimeOutFailOrPass() {
        start(Duration.ofMillis(150), UpdateProcessor.orderedPerChatAndUser(64));
        Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicBoolean overlap = new AtomicBoolean();
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            long chat = c.chatId().getAsLong();
            AtomicInteger r = running.computeIfAbsent(chat, k -> new AtomicInteger());
            if (r.incrementAndGet() != 1) {
                overlap.set(true);
            }
            try {
                int n = Integer.parseInt(textOf(u));
                seen.computeIfAbsent(chat, k -> new CopyOnWriteArrayList<>()).add(n);
                if (n % 7 == 3) {
                    Thread.sleep(Duration.ofMinutes(10)); // times out
                } else if (n % 5 == 1) {
                    throw new IllegalStateException("fails");
                }
            } finally {
                r.decrementAndGet();
            }
        }));
        app.start();
        List<Update> updates = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            for (long chat = 1; chat <= 50; chat++) {
                updates.add(text(chat, String.valueOf(n)));
            }
        }
        updates.forEach(app::submit);
        app.stop();

        assertFalse(overlap.get(), "updates of one chat never overlap, even after a timeout");
        for (long chat = 1; chat <= 50; chat++) {
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen.get(chat), "chat " + chat);
        }
        assertEquals(50, errors.stream().filter(e -> e instanceof UpdateTimeoutException).count());
        assertEquals(100, errors.stream().filter(e -> e instanceof IllegalStateException).count());
    }

    @Test
    void badTimeoutsAreRefused() {
        ApplicationBuilder<DefaultContext> b = h.builder();
        assertThrows(NullPointerException.class, () -> b.processingTimeout(null));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> b.processingTimeout(Duration.ZERO));
        assertTrue(zero.getMessage().contains("positive"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.processingTimeout(Duration.ofMillis(-5)));
        Application<DefaultContext> none = b.build();
        assertTrue(none.processingTimeout().isEmpty());
    }
}
