package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CheckResult;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.Handler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.handler.TypeHandler;
import dev.telescale.testkit.EmulatedUser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatch rules of PTB's process_update (reference §2.5–§2.8), against the emulator over HTTP. */
class DispatchTest {

    private EmulatorHarness h;
    private EmulatedUser alice;
    private Application<DefaultContext> app;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        h = new EmulatorHarness();
        alice = h.emulator.user("alice");
        app = h.app(b -> { });
        app.initialize();
    }

    @AfterEach
    void tearDown() {
        if (app.isRunning()) {
            app.stop();
        }
        app.shutdown();
        h.close();
    }

    private Update text(String text) {
        alice.sendText(h.bot, text);
        return h.single(app);
    }

    private MessageHandler<DefaultContext> logging(String name) {
        return new MessageHandler<>(Filters.ALL, (u, c) -> log.add(name));
    }

    @Test
    void groupsRunInAscendingOrderAndOnlyTheFirstMatchingHandlerOfEachGroup() {
        app.addHandler(logging("g1-first"), 1);
        app.addHandler(logging("g1-second"), 1);
        app.addHandler(logging("g-5"), -5);
        app.addHandler(new CommandHandler<>("start", (u, c) -> log.add("g0-command")), 0);
        app.addHandler(logging("g0-all"), 0);

        app.processUpdate(text("hello"));

        assertEquals(List.of("g-5", "g0-all", "g1-first"), log);
    }

    @Test
    void oneContextIsSharedByTheGroupsOfAnUpdateAndANewOneMadePerUpdate() {
        List<DefaultContext> seen = new CopyOnWriteArrayList<>();
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> seen.add(c)), 0);
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> seen.add(c)), 1);

        app.processUpdate(text("one"));
        app.processUpdate(text("two"));

        assertEquals(4, seen.size());
        assertSame(seen.get(0), seen.get(1));
        assertSame(seen.get(2), seen.get(3));
        assertFalse(seen.get(0) == seen.get(2));
    }

    @Test
    void applicationHandlerStopEndsTheUpdate() {
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> {
            log.add("g0");
            throw new ApplicationHandlerStop();
        }), 0);
        app.addHandler(logging("g1"), 1);

        app.processUpdate(text("x"));

        assertEquals(List.of("g0"), log);
    }

    @Test
    void anExceptionGoesToTheErrorHandlersAndDispatchContinuesWithTheNextGroup() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<Object> errorUpdate = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> {
            throw boom;
        }), 0);
        app.addHandler(logging("g1"), 1);
        app.addErrorHandler((u, c) -> {
            errorUpdate.set(u);
            error.set(c.error().orElseThrow());
        });
        Update update = text("x");

        app.processUpdate(update);

        assertSame(boom, error.get());
        assertSame(update, errorUpdate.get());
        assertEquals(List.of("g1"), log);
    }

    @Test
    void anErrorHandlerThrowingApplicationHandlerStopSkipsLaterErrorHandlersAndGroups() {
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> {
            throw new IllegalStateException("boom");
        }), 0);
        app.addHandler(logging("g1"), 1);
        app.addErrorHandler((u, c) -> {
            log.add("eh1");
            throw new ApplicationHandlerStop();
        });
        app.addErrorHandler((u, c) -> log.add("eh2"));

        app.processUpdate(text("x"));

        assertEquals(List.of("eh1"), log);
    }

    @Test
    void anErrorHandlerThatFailsIsLoggedAndTheNextOneStillRuns() {
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> {
            throw new IllegalStateException("boom");
        }), 0);
        app.addErrorHandler((u, c) -> {
            log.add("eh1");
            throw new IllegalArgumentException("error handler broken");
        });
        app.addErrorHandler((u, c) -> log.add("eh2"));

        app.processUpdate(text("x"));

        assertEquals(List.of("eh1", "eh2"), log);
    }

    @Test
    void withoutErrorHandlersAFailingHandlerIsLoggedAndLaterGroupsRun() {
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> {
            throw new IllegalStateException("nobody listens");
        }), 0);
        app.addHandler(logging("g1"), 1);

        app.processUpdate(text("x"));

        assertEquals(List.of("g1"), log);
    }

    @Test
    void registeringTheSameErrorHandlerTwiceKeepsOne() {
        AtomicInteger calls = new AtomicInteger();
        ErrorHandler<DefaultContext> handler = (u, c) -> calls.incrementAndGet();
        app.addErrorHandler(handler);
        app.addErrorHandler(handler);
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> {
            throw new IllegalStateException();
        }));

        app.processUpdate(text("x"));
        assertEquals(1, calls.get());

        app.removeErrorHandler(handler);
        app.processUpdate(text("y"));
        assertEquals(1, calls.get());
    }

    @Test
    void aFailingCheckIsAnErrorOfTheUpdateToo() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        app.addHandler(new Handler<DefaultContext>() {
            public CheckResult check(Object update, Application<?> application) {
                throw new IllegalArgumentException("bad check");
            }

            public Object handle(Object update, CheckResult.Match match, DefaultContext context) {
                return null;
            }
        }, 0);
        app.addHandler(logging("g1"), 1);
        app.addErrorHandler((u, c) -> error.set(c.error().orElseThrow()));

        app.processUpdate(text("x"));

        assertInstanceOf(IllegalArgumentException.class, error.get());
        assertEquals(List.of("g1"), log);
    }

    @Test
    void aMatchValueOfZeroOrFalseIsStillAMatch() {
        app.addHandler(new Handler<DefaultContext>() {
            public CheckResult check(Object update, Application<?> application) {
                return CheckResult.match(Boolean.FALSE);
            }

            public Object handle(Object update, CheckResult.Match match, DefaultContext context) {
                log.add("matched " + match.value());
                return null;
            }
        });

        app.processUpdate(text("x"));

        assertEquals(List.of("matched false"), log);
    }

    @Test
    void aNonBlockingHandlerDoesNotHoldUpLaterGroupsAndIsAwaitedByStop() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch laterGroupRan = new CountDownLatch(1);
        app.addHandler(new MessageHandler<DefaultContext>(Filters.ALL, (u, c) -> {
            release.await();
            log.add("slow");
        }).block(false), 0);
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> {
            log.add("g1");
            laterGroupRan.countDown();
        }), 1);
        app.start();
        alice.sendText(h.bot, "x");
        h.submitPending(app);

        assertTrue(laterGroupRan.await(20, TimeUnit.SECONDS));
        assertEquals(List.of("g1"), log);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::stop);
        release.countDown();
        stopping.get(20, TimeUnit.SECONDS);

        assertEquals(List.of("g1", "slow"), log);
    }

    @Test
    void aNonBlockingHandlerFailureReachesTheErrorHandlersAndItsHandlerStopIsIgnored() throws Exception {
        CountDownLatch errors = new CountDownLatch(1);
        app.addHandler(new MessageHandler<DefaultContext>(Filters.TEXT, (u, c) -> {
            throw new IllegalStateException("async boom");
        }).block(false), 0);
        app.addHandler(new MessageHandler<DefaultContext>(Filters.ALL, (u, c) -> {
            throw new ApplicationHandlerStop();
        }).block(false), 1);
        app.addHandler(logging("g2"), 2);
        app.addErrorHandler((u, c) -> {
            log.add("error " + c.error().orElseThrow().getMessage());
            errors.countDown();
        });
        app.start();
        alice.sendText(h.bot, "x");
        h.submitPending(app);
        app.stop();

        assertTrue(errors.await(1, TimeUnit.SECONDS));
        assertTrue(log.contains("g2"), log.toString());
        assertTrue(log.contains("error async boom"), log.toString());
    }

    @Test
    void createTaskIsTrackedAwaitedOnStopAndItsFailureReachesTheErrorHandlers() throws Exception {
        AtomicReference<Throwable> error = new AtomicReference<>();
        app.addErrorHandler((u, c) -> error.set(c.error().orElseThrow()));
        app.start();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> ok = app.createTask(() -> {
            release.await();
            return "done";
        });
        CompletableFuture<String> failing = app.createTask(() -> {
            throw new IllegalStateException("task failed");
        });
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::stop);
        assertFalse(ok.isDone());
        release.countDown();
        stopping.get(20, TimeUnit.SECONDS);

        assertEquals("done", ok.getNow(null));
        assertTrue(failing.isCompletedExceptionally());
        assertEquals("task failed", error.get().getMessage());
    }

    @Test
    void customObjectsOnTheQueueReachTypeHandlersAndNotUpdateHandlers() throws Exception {
        record Payment(long amount) {
        }
        CountDownLatch done = new CountDownLatch(2);
        AtomicReference<Object> other = new AtomicReference<>();
        app.addHandler(new CommandHandler<>("start", (u, c) -> other.set(u)), 0);
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> other.set(u)), 1);
        app.addHandler(new TypeHandler<>(Payment.class, (p, c) -> {
            log.add("paid " + p.amount() + " chat data? " + c.chatId().isPresent());
            done.countDown();
        }), 2);
        app.addHandler(new TypeHandler<>(String.class, (s, c) -> {
            log.add("string " + s);
            done.countDown();
        }), 3);
        app.start();

        app.submit(new Payment(42));
        app.submit("/start");

        assertTrue(done.await(20, TimeUnit.SECONDS));
        // Objects without chat or user have no ordering keys: the default processor runs them concurrently.
        assertEquals(java.util.Set.of("paid 42 chat data? false", "string /start"), java.util.Set.copyOf(log));
        assertEquals(null, other.get());
    }

    @Test
    void nullAndSubmissionsAfterStopAreRejectedClearly() {
        assertThrows(NullPointerException.class, () -> app.submit(null));
        assertThrows(NullPointerException.class, () -> app.processUpdate(null));
        app.start();
        app.stop();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.submit("late"));
        assertTrue(e.getMessage().contains("stopped"), e.getMessage());
    }

    @Test
    void everyUpdateQueuedBeforeStopIsProcessed() {
        AtomicInteger handled = new AtomicInteger();
        app.addHandler(new TypeHandler<>(Integer.class, (i, c) -> {
            Thread.sleep(1);
            handled.incrementAndGet();
        }));
        app.start();
        for (int i = 0; i < 500; i++) {
            app.submit(i);
        }
        app.stop();

        assertEquals(500, handled.get());
    }

    @Test
    void handlersAddedWhileRunningApplyToLaterUpdatesOnly() throws Exception {
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch added = new CountDownLatch(1);
        app.addHandler(new TypeHandler<>(String.class, (s, c) -> {
            log.add("g0 " + s);
            if (s.equals("first")) {
                inFirst.countDown();
                added.await();
            }
        }), 0);
        app.start();
        app.submit("first");
        assertTrue(inFirst.await(20, TimeUnit.SECONDS));
        app.addHandler(new TypeHandler<>(String.class, (s, c) -> log.add("g1 " + s)), 1);
        added.countDown();
        app.submit("second");
        app.stop();

        assertEquals(List.of("g0 first", "g0 second", "g1 second"), log);
    }

    @Test
    void removingHandlersAndEmptyGroups() {
        MessageHandler<DefaultContext> handler = logging("x");
        app.addHandler(handler, 3);
        assertEquals(List.of(3), List.copyOf(app.handlers().keySet()));
        assertFalse(app.removeHandler(handler, 0));
        assertTrue(app.removeHandler(handler, 3));
        assertTrue(app.handlers().isEmpty());
    }

    @Test
    void lifecycleMisuseFailsWithClearMessages() {
        Application<DefaultContext> fresh = h.app(b -> { });
        assertThrows(IllegalStateException.class, () -> fresh.processUpdate("x"));
        IllegalStateException notInit = assertThrows(IllegalStateException.class, fresh::start);
        assertTrue(notInit.getMessage().contains("initialize"), notInit.getMessage());
        assertThrows(IllegalStateException.class, fresh::stop);
        fresh.shutdown(); // not initialized: no-op

        app.start();
        assertThrows(IllegalStateException.class, app::start);
        IllegalStateException stillRunning = assertThrows(IllegalStateException.class, app::shutdown);
        assertTrue(stillRunning.getMessage().contains("still running"));
        app.stop();
        assertThrows(IllegalStateException.class, app::stop);
    }

    @Test
    void runPollingWithoutUpdaterIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, app::runPolling);
        assertTrue(e.getMessage().contains("noUpdater"), e.getMessage());
    }

    @Test
    void aContextFactoryThatFailsAbandonsTheUpdateWithoutCrashing() {
        Application<DefaultContext> broken = h.builder().contextTypes(ContextTypes.<DefaultContext>of(seed -> {
            throw new IllegalStateException("cannot build context");
        })).build();
        broken.initialize();
        broken.addHandler(new TypeHandler<>(String.class, (s, c) -> log.add("ran")));
        broken.processUpdate("x");
        assertTrue(log.isEmpty());
        broken.shutdown();
    }

    @Test
    void aHandlerReturningAMethodHasItSent() {
        app.addHandler(MessageHandler.returning(Filters.TEXT, (u, c) ->
                dev.telescale.api.methods.SendMessage.builder().chatId(c.chatId().getAsLong()).text("returned")
                        .build()));

        app.processUpdate(text("x"));

        assertEquals("returned", h.emulator.awaitCall("sendMessage", EmulatorHarness.WAIT).text());
    }

    @Test
    void userAndChatDataArePerIdAndBotDataShared() {
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            c.userData().merge("count", 1, (a, b) -> (Integer) a + (Integer) b);
            c.chatData().put("last", u.message().orElseThrow().text().orElseThrow());
            c.botData().merge("total", 1, (a, b) -> (Integer) a + (Integer) b);
        }));
        EmulatedUser bob = h.emulator.user("bob");

        app.processUpdate(text("a"));
        app.processUpdate(text("b"));
        bob.sendText(h.bot, "c");
        app.processUpdate(h.single(app));

        @SuppressWarnings("unchecked")
        Map<Long, Map<String, Object>> users = (Map<Long, Map<String, Object>>) app.data().allUserData();
        assertEquals(2, users.get(alice.id()).get("count"));
        assertEquals(1, users.get(bob.id()).get("count"));
        assertEquals(3, ((Map<?, ?>) app.data().botData()).get("total"));
        assertTrue(app.data().pendingMarks().updatedUsers().containsAll(List.of(alice.id(), bob.id())));
    }
}
