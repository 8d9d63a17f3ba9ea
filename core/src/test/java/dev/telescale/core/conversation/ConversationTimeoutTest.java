package dev.telescale.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.ApplicationHandlerStop;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.handler.TypeHandler;
import dev.telescale.core.job.Job;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.testkit.EmulatedUser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation timeout (§7.6) on the application's JobQueue. Most tests use a long timeout and run the armed
 * job by hand ({@code Job.run()}), so nothing depends on wall time; one lets a short timeout really fire.
 */
class ConversationTimeoutTest {

    enum Step { ASK, CONFIRM }

    private ConversationHarness h;
    private EmulatedUser alice;
    private Application<DefaultContext> app;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final AtomicReference<DefaultContext> lastContext = new AtomicReference<>();
    private final AtomicReference<Update> lastUpdate = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        h = new ConversationHarness();
        alice = h.emulator.user("alice");
        app = h.builder().build();
        app.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
        app.initialize();
        app.start();
    }

    @AfterEach
    void tearDown() {
        if (app.isRunning()) {
            app.stop();
        }
        app.shutdown();
        h.close();
    }

    private ConversationKey key() {
        return ConversationKey.of(alice.chatWith(h.bot).id(), alice.id());
    }

    private void say(String text) {
        alice.sendText(h.bot, text);
        h.processPending(app);
    }

    /** A conversation: /start → ASK; a text in ASK stays (null); "yes" → CONFIRM; "end" → END. */
    private ConversationHandler.Builder<DefaultContext> conversation(Duration timeout) {
        return ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("start", (u, c) -> remember(u, c, Step.ASK)))
                .state(Step.ASK,
                        MessageHandler.returning(Filters.regex("^yes$"), (u, c) -> remember(u, c, Step.CONFIRM)),
                        MessageHandler.returning(Filters.regex("^end$"), (u, c) -> ConversationHandler.END),
                        MessageHandler.returning(Filters.regex("^fail$"), (u, c) -> {
                            throw new IllegalStateException("callback failed");
                        }),
                        MessageHandler.returning(Filters.TEXT, (u, c) -> remember(u, c, null)))
                .timeout(timeout);
    }

    private Object remember(Update update, DefaultContext context, Object next) {
        lastUpdate.set(update);
        lastContext.set(context);
        return next;
    }

    private Job<?> armed(ConversationHandler<DefaultContext> conv) {
        return conv.timeoutJob(key()).orElseThrow(() -> new AssertionError("no timeout armed"));
    }

    @Test
    void everyHandledUpdateReArmsTheTimeoutEvenWhenTheStateStays() {
        ConversationHandler<DefaultContext> conv = conversation(Duration.ofHours(1)).build();
        app.addHandler(conv);

        say("/start");
        Job<?> first = armed(conv);
        say("still thinking");   // returns null: the state stays
        Job<?> second = armed(conv);

        assertNotEquals(first, second);
        assertTrue(first.isRemoved(), "the earlier timeout job left the queue");
        assertEquals(Optional.of(Step.ASK), conv.state(key()));
        say("yes");
        Job<?> third = armed(conv);
        assertNotEquals(second, third);
        assertTrue(second.isRemoved());
    }

    @Test
    void aStaleTimeoutJobDoesNothing() {
        ConversationHandler<DefaultContext> conv = conversation(Duration.ofHours(1))
                .state(ConversationHandler.TIMEOUT, new TypeHandler<>(Update.class, (u, c) -> log.add("timeout")))
                .build();
        app.addHandler(conv);

        say("/start");
        Job<?> stale = armed(conv);
        say("still thinking");
        stale.run();

        assertEquals(List.of(), log);
        assertEquals(Optional.of(Step.ASK), conv.state(key()));
    }

    @Test
    void firingRunsEveryMatchingTimeoutHandlerWithTheLastUpdateAndItsContextThenEnds() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        ConversationHandler<DefaultContext> conv = conversation(Duration.ofHours(1))
                .state(ConversationHandler.TIMEOUT,
                        new TypeHandler<>(Update.class, (u, c) -> {
                            log.add("type");
                            seen.add(u);
                            seen.add(c);
                        }),
                        new CommandHandler<>("never", (u, c) -> log.add("never")),
                        new MessageHandler<>(Filters.TEXT, (u, c) -> {
                            log.add("text");
                            throw new ApplicationHandlerStop();
                        }),
                        new MessageHandler<>(Filters.ALL, (u, c) -> {
                            log.add("all");
                            throw new IllegalStateException("timeout handler failed");
                        }))
                .build();
        app.addHandler(conv);

        say("/start");
        say("still thinking");
        armed(conv).run();

        assertEquals(List.of("type", "text", "all"), log, "every matching handler, in order, despite stop and error");
        assertSame(lastUpdate.get(), seen.get(0), "the last update");
        assertSame(lastContext.get(), seen.get(1), "the context the last update was handled with");
        assertEquals("timeout handler failed", errors.getFirst().getMessage());
        assertEquals(Optional.empty(), conv.state(key()), "the conversation ended");
        assertEquals(Optional.empty(), conv.timeoutJob(key()));
    }

    @Test
    void endingTheConversationCancelsItsTimeout() {
        ConversationHandler<DefaultContext> conv = conversation(Duration.ofHours(1)).build();
        app.addHandler(conv);

        say("/start");
        Job<?> job = armed(conv);
        say("end");

        assertTrue(job.isRemoved());
        assertEquals(Optional.empty(), conv.timeoutJob(key()));
    }

    @Test
    void aFailingCallbackKeepsTheStateAndStillReArmsTheTimeout() {
        ConversationHandler<DefaultContext> conv = conversation(Duration.ofHours(1)).build();
        app.addHandler(conv);

        say("/start");
        Job<?> before = armed(conv);
        say("fail");

        assertEquals("callback failed", errors.getFirst().getMessage());
        assertEquals(Optional.of(Step.ASK), conv.state(key()));
        assertNotEquals(before, armed(conv));
    }

    @Test
    void aShortTimeoutFiresOnTheJobQueue() {
        ConversationHandler<DefaultContext> conv = conversation(Duration.ofMillis(100))
                .state(ConversationHandler.TIMEOUT, new TypeHandler<>(Update.class, (u, c) ->
                        c.bot().execute(dev.telescale.api.methods.SendMessage.builder()
                                .chatId(c.effectiveChat().orElseThrow().id()).text("Timed out").build())))
                .build();
        app.addHandler(conv);

        say("/start");

        ConversationHarness.await("the timeout", () -> conv.state(key()).isEmpty());
        ConversationHarness.await("the timeout message", () -> alice.chatWith(h.bot).lastMessage()
                .map(m -> m.path("text").asText().equals("Timed out")).orElse(false));
    }

    @Test
    void withoutAJobQueueTheTimeoutIsIgnoredWithAWarning() {
        app.stop();
        app.shutdown();
        Application<DefaultContext> noJobs = h.builder().noJobQueue().build();
        app = noJobs;
        noJobs.initialize();
        ConversationHandler<DefaultContext> conv = conversation(Duration.ofHours(1)).build();

        String warning = ConversationFlowTest.captureStdErr(() -> noJobs.addHandler(conv));
        say("/start");

        assertTrue(warning.contains("Ignoring 'conversationTimeout'") && warning.contains("has no JobQueue"),
                warning);
        assertEquals(Optional.of(Step.ASK), conv.state(key()));
        assertEquals(Optional.empty(), conv.timeoutJob(key()));
    }
}
