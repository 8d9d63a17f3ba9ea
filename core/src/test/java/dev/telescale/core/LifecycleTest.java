package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.updater.PollingOptions;
import dev.telescale.testkit.EmulatedUser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** runPolling with the real Updater against the emulator: hooks, stopRunning, graceful stop. */
class LifecycleTest {

    private EmulatorHarness h;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        h = new EmulatorHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private ApplicationBuilder<DefaultContext> builder() {
        return Application.builder().token(h.bot.token()).apiBaseUrl(h.emulator.apiBaseUrl()).shutdownHook(false);
    }

    private static PollingOptions fastPolling() {
        return PollingOptions.builder().timeout(Duration.ofSeconds(1)).build();
    }

    @Test
    void runPollingRunsHooksInOrderAndStopsFromAHandler() throws Exception {
        Application<DefaultContext> app = builder()
                .postInit(a -> log.add("postInit " + a.botUser().username().orElseThrow()))
                .postStop(a -> log.add("postStop"))
                .postShutdown(a -> log.add("postShutdown"))
                .build();
        app.addHandler(new CommandHandler<>("stop", (u, c) -> {
            log.add("handler");
            c.replyText("bye");
            c.application().stopRunning();
        }));
        EmulatedUser alice = h.emulator.user("alice");
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> app.runPolling(fastPolling()));

        alice.sendCommand(h.bot, "/stop", null);
        running.get(30, TimeUnit.SECONDS);

        assertEquals(List.of("postInit " + h.bot.username(), "handler", "postStop", "postShutdown"), log);
        assertEquals("bye", h.emulator.awaitCall("sendMessage", EmulatorHarness.WAIT).text());
        assertEquals(0, h.bot.pendingUpdateCount(), "the handled update was confirmed");
        assertFalse(app.isRunning());
        assertFalse(app.isInitialized());
    }

    @Test
    void stopRunningInPostInitSkipsStartingAndPostStop() throws Exception {
        Application<DefaultContext> app = builder()
                .postInit(a -> {
                    log.add("postInit");
                    a.stopRunning();
                })
                .postStop(a -> log.add("postStop"))
                .postShutdown(a -> log.add("postShutdown"))
                .build();
        CompletableFuture.runAsync(() -> app.runPolling(fastPolling())).get(30, TimeUnit.SECONDS);

        assertEquals(List.of("postInit", "postShutdown"), log);
        assertTrue(h.emulator.calls("getUpdates").isEmpty(), "polling never started");
    }

    @Test
    void aFailingPostInitShutsDownAndPropagates() {
        Application<DefaultContext> app = builder()
                .postInit(a -> {
                    throw new java.io.IOException("cannot set commands");
                })
                .postShutdown(a -> log.add("postShutdown"))
                .build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.runPolling(fastPolling()));
        assertTrue(e.getMessage().contains("postInit"), e.getMessage());
        assertEquals(List.of("postShutdown"), log);
        assertFalse(app.isInitialized());
    }

    @Test
    void gracefulStopFinishesEveryUpdateAlreadyTaken() throws Exception {
        Application<DefaultContext> app = builder().build();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            firstStarted.countDown();
            release.await();
            log.add(u.message().orElseThrow().text().orElseThrow());
        }));
        EmulatedUser alice = h.emulator.user("alice");
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> app.runPolling(fastPolling()));
        for (int i = 0; i < 5; i++) {
            alice.sendText(h.bot, "m" + i);
        }
        assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
        EmulatorHarness.await("all updates fetched", () -> h.bot.pendingUpdateCount() == 0
                || h.emulator.calls("getUpdates").size() > 1);
        app.stopRunning();
        release.countDown();
        running.get(30, TimeUnit.SECONDS);

        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), log, "one chat: in order, all finished");
        assertEquals(0, h.bot.pendingUpdateCount());
    }

    @Test
    void pollingErrorsReachTheErrorHandlersWithoutAnUpdate() throws Exception {
        Application<DefaultContext> app = builder().build();
        CountDownLatch errored = new CountDownLatch(1);
        app.addErrorHandler((u, c) -> {
            if (u == null && c.error().isPresent()) {
                errored.countDown();
            }
        });
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> app.runPolling(fastPolling()));
        EmulatorHarness.await("polling started", () -> !h.emulator.calls("getUpdates").isEmpty());
        h.emulator.faults().next(1, "getUpdates").answer(502, "Bad Gateway");

        assertTrue(errored.await(30, TimeUnit.SECONDS));
        app.stopRunning();
        running.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aRejectedTokenFailsRunPollingWithoutPrintingIt() {
        String wrong = "999999:" + "x".repeat(35);
        Application<DefaultContext> app = Application.builder().token(wrong).apiBaseUrl(h.emulator.apiBaseUrl())
                .shutdownHook(false).build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> app.runPolling(fastPolling()));
        assertFalse(String.valueOf(e.getMessage()).contains("x".repeat(35)), e.getMessage());
        assertFalse(app.isInitialized());
    }
}
