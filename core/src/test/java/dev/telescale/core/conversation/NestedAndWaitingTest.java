package dev.telescale.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.core.Application;
import dev.telescale.core.ApplicationHandlerStop;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.testkit.EmulatedUser;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nested conversations with mapToParent (§7.7) and non-blocking callbacks with the WAITING state (§7.3–§7.5). */
class NestedAndWaitingTest {

    enum Parent { MENU, PROFILE, SHOWING }

    enum Child { NAME, AGE, BACK, QUIT }

    private ConversationHarness h;
    private EmulatedUser alice;
    private Application<DefaultContext> app;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        h = new ConversationHarness();
        alice = h.emulator.user("alice");
        app = h.builder().build();
        app.initialize();
        app.start(); // non-blocking callbacks are tasks the application tracks while running
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

    private CommandHandler<DefaultContext> command(String command, Object next) {
        return CommandHandler.returning(command, (u, c) -> {
            log.add("/" + command);
            return next;
        });
    }

    private MessageHandler<DefaultContext> text(String name, Object next) {
        return MessageHandler.returning(Filters.TEXT.and(Filters.COMMAND.not()), (u, c) -> {
            log.add(name);
            return next;
        });
    }

    private void say(String text) {
        alice.sendText(h.bot, text);
        h.processPending(app);
    }

    private ConversationHandler<DefaultContext> child() {
        return ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("profile", Child.NAME))
                .state(Child.NAME, text("child name", Child.AGE))
                .state(Child.AGE, text("child age", Child.BACK))
                .state(Child.BACK, text("shadowed", Child.NAME))
                .fallbacks(command("quit", Child.QUIT), command("back", Child.BACK), command("stay", null))
                .mapToParent(Child.BACK, Parent.SHOWING)
                .mapToParent(Child.QUIT, ConversationHandler.END)
                .build();
    }

    private ConversationHandler<DefaultContext> parent(ConversationHandler<DefaultContext> child) {
        return ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", Parent.MENU))
                .state(Parent.MENU, child)
                .state(Parent.SHOWING, text("parent showing", ConversationHandler.END))
                .build();
    }

    @Test
    void theChildRunsInsideTheParentStateAndTheParentStaysWhileTheChildGoesOn() {
        ConversationHandler<DefaultContext> child = child();
        ConversationHandler<DefaultContext> parent = parent(child);
        app.addHandler(parent);

        say("/start");
        say("/profile");
        say("Alice");

        assertEquals(Optional.of(Parent.MENU), parent.state(key()));
        assertEquals(Optional.of(Child.AGE), child.state(key()));
        say("/stay");
        assertEquals(Optional.of(Parent.MENU), parent.state(key()), "a child returning null keeps the parent");
    }

    @Test
    void aMappedStateEndsTheChildAndMovesTheParent() {
        ConversationHandler<DefaultContext> child = child();
        ConversationHandler<DefaultContext> parent = parent(child);
        app.addHandler(parent);

        say("/start");
        say("/profile");
        say("Alice");
        say("42"); // the child returns BACK, mapped to the parent's SHOWING

        assertEquals(Optional.empty(), child.state(key()));
        assertEquals(Optional.of(Parent.SHOWING), parent.state(key()));
        say("anything");
        assertEquals(Optional.empty(), parent.state(key()));
        assertEquals(List.of("/start", "/profile", "child name", "child age", "parent showing"), log);
    }

    @Test
    void mapToParentKeysShadowTheChildStatesOfTheSameValue() {
        ConversationHandler<DefaultContext> child = child();
        ConversationHandler<DefaultContext> parent = parent(child);
        app.addHandler(parent);

        say("/start");
        say("/profile");
        say("/back"); // BACK is both a child state and a mapToParent key: the mapping wins

        assertEquals(Optional.empty(), child.state(key()));
        assertEquals(Optional.of(Parent.SHOWING), parent.state(key()));
    }

    @Test
    void mappingToEndEndsTheParentToo() {
        ConversationHandler<DefaultContext> child = child();
        ConversationHandler<DefaultContext> parent = parent(child);
        app.addHandler(parent);

        say("/start");
        say("/profile");
        say("/quit");

        assertEquals(Optional.empty(), child.state(key()));
        assertEquals(Optional.empty(), parent.state(key()));
    }

    @Test
    void applicationHandlerStopWithAMappedStateReachesTheParentAndStopsLaterGroups() {
        ConversationHandler<DefaultContext> child = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("profile", (u, c) -> {
                    throw new ApplicationHandlerStop(Child.BACK);
                }))
                .state(Child.NAME, text("child name", Child.AGE))
                .mapToParent(Child.BACK, Parent.SHOWING)
                .build();
        ConversationHandler<DefaultContext> parent = parent(child);
        app.addHandler(parent);
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> log.add("group 1")), 1);

        say("/start");
        log.clear();
        say("/profile");

        assertEquals(Optional.of(Parent.SHOWING), parent.state(key()));
        assertEquals(List.of(), log, "the stop went through the parent to the application");
    }

    @Test
    void aChildStopWithAnUnmappedStateKeepsItInTheChildAndTheParentStays() {
        ConversationHandler<DefaultContext> child = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("profile", (u, c) -> {
                    throw new ApplicationHandlerStop(Child.AGE);
                }))
                .state(Child.AGE, text("child age", Child.BACK))
                .mapToParent(Child.BACK, Parent.SHOWING)
                .build();
        ConversationHandler<DefaultContext> parent = parent(child);
        app.addHandler(parent);

        say("/start");
        say("/profile");

        assertEquals(Optional.of(Child.AGE), child.state(key()));
        assertEquals(Optional.of(Parent.MENU), parent.state(key()));
    }

    @Test
    void whileANonBlockingCallbackRunsOnlyWaitingHandlersAreAskedAndItsResultIsStoredAfterwards()
            throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", Parent.MENU))
                .state(Parent.MENU, MessageHandler.<DefaultContext>returning(Filters.regex("^slow$"), (u, c) -> {
                    started.countDown();
                    release.await();
                    return Parent.PROFILE;
                }).block(false))
                .state(Parent.PROFILE, text("profile", ConversationHandler.END))
                .state(ConversationHandler.WAITING, text("waiting", Parent.SHOWING))
                .build();
        app.addHandler(conv);

        say("/start");
        say("slow");
        assertTrue(started.await(20, TimeUnit.SECONDS));
        say("meanwhile");
        say("/start");   // no WAITING handler takes commands: not handled

        assertEquals(List.of("/start", "waiting"), log);
        assertEquals(Optional.of(Parent.MENU), conv.state(key()), "pending: the state before the callback");
        release.countDown();
        awaitTasks();
        assertEquals(Optional.of(Parent.PROFILE), conv.state(key()), "the callback's result, once it returned");
        say("Alice");
        assertEquals(List.of("/start", "waiting", "profile"), log, "WAITING's result was discarded");
    }

    @Test
    void aFailedNonBlockingCallbackKeepsTheOldStateAndAFailedEntryPointStartsNothing() {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        app.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.<DefaultContext>returning("start", (u, c) -> {
                    throw new IllegalStateException("entry failed");
                }).block(false), command("begin", Parent.MENU))
                .state(Parent.MENU, MessageHandler.<DefaultContext>returning(Filters.regex("^fail$"), (u, c) -> {
                    throw new IllegalStateException("state failed");
                }), text("menu", Parent.PROFILE))
                .block(false)
                .build();
        app.addHandler(conv);

        say("/start");
        ConversationHarness.await("the failing entry point", () -> errors.size() == 1);
        say("/begin");
        awaitTasks();
        assertEquals(Optional.of(Parent.MENU), conv.state(key()), "the failed entry point started nothing");
        say("fail");
        ConversationHarness.await("the failing state handler", () -> errors.size() == 2);
        say("ok");
        awaitTasks();

        assertEquals(Optional.of(Parent.PROFILE), conv.state(key()));
    }

    @Test
    void anExplicitBlockOfTheInnerHandlerWinsOverTheConversationsBlock() {
        List<String> threads = new CopyOnWriteArrayList<>();
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.<DefaultContext>returning("start", (u, c) -> {
                    threads.add(Thread.currentThread().getName());
                    return Parent.MENU;
                }).block(true))
                .state(Parent.MENU, text("menu", Parent.PROFILE))
                .block(false)
                .build();
        app.addHandler(conv);

        say("/start");

        assertEquals(Optional.of(Parent.MENU), conv.state(key()), "blocking: stored at once, not pending");
        assertEquals(1, threads.size());
        assertTrue(!threads.getFirst().startsWith("telescale-task-"), threads.toString());
    }

    private void awaitTasks() {
        // The application's tasks are awaited by stop(); restarting keeps the test's application usable.
        app.stop();
        app.start();
    }
}
