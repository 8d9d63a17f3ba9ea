package dev.telescale.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.core.Application;
import dev.telescale.core.ContextTypes;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.PersistenceException;
import dev.telescale.testkit.EmulatedUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Named persistent conversations (§7.8): loading on initialize (recursively, enum names mapped back, unknown states
 * dropped), writing only changed keys with END as empty, pending states, failures, and the read-through mode with two
 * applications sharing one store.
 */
class ConversationPersistenceTest {

    enum Step { NAME, AGE }

    private ConversationHarness h;
    private EmulatedUser alice;
    private SharedStore store;
    private final List<Application<DefaultContext>> apps = new ArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        h = new ConversationHarness();
        alice = h.emulator.user("alice");
        store = new SharedStore();
    }

    @AfterEach
    void tearDown() {
        for (Application<DefaultContext> app : apps) {
            if (app.isRunning()) {
                app.stop();
            }
            app.shutdown();
        }
        h.close();
    }

    private Application<DefaultContext> app(boolean readThrough) {
        Application<DefaultContext> app = h.builder().contextTypes(ContextTypes.defaults(), store.view(readThrough))
                .build();
        app.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
        apps.add(app);
        return app;
    }

    private ConversationKey key() {
        return ConversationKey.of(alice.chatWith(h.bot).id(), alice.id());
    }

    private void say(Application<DefaultContext> app, String text) {
        alice.sendText(h.bot, text);
        h.processPending(app);
    }

    private static ConversationHandler<DefaultContext> registration(String name) {
        return ConversationHandler.<DefaultContext>builder()
                .name(name).persistent(true)
                .entryPoints(CommandHandler.returning("start", (u, c) -> Step.NAME))
                .state(Step.NAME, MessageHandler.returning(Filters.TEXT.and(Filters.COMMAND.not()), (u, c) -> {
                    c.userData().put("name", c.effectiveMessage().orElseThrow().text().orElseThrow());
                    return Step.AGE;
                }))
                .state(Step.AGE, MessageHandler.returning(Filters.TEXT.and(Filters.COMMAND.not()), (u, c) -> {
                    c.userData().put("greeting", "Hi " + c.userData().get("name"));
                    return ConversationHandler.END;
                }))
                .fallbacks(CommandHandler.returning("stay", (u, c) -> null))
                .build();
    }

    @Test
    void initializeLoadsStoredStatesMappingNamesAndNumbersBackAndDropsUnknownOnes() {
        ConversationKey a = ConversationKey.of(1, 1);
        ConversationKey b = ConversationKey.of(2, 2);
        ConversationKey gone = ConversationKey.of(3, 3);
        store.conversations.put("reg", new ConcurrentHashMap<>(Map.of(a, "AGE", b, "NAME", gone, "RENAMED")));
        store.conversations.put("counter", new ConcurrentHashMap<>(Map.of(a, 2L)));
        ConversationHandler<DefaultContext> reg = registration("reg");
        ConversationHandler<DefaultContext> counter = ConversationHandler.<DefaultContext>builder()
                .name("counter").persistent(true)
                .entryPoints(CommandHandler.returning("count", (u, c) -> 1))
                .state(1, new CommandHandler<>("x", (u, c) -> { }))
                .state(2, new CommandHandler<>("x", (u, c) -> { }))
                .build();
        Application<DefaultContext> app = app(false);
        app.addHandler(reg);
        app.addHandler(counter);

        app.initialize();

        assertEquals(Optional.of(Step.AGE), reg.state(a));
        assertEquals(Optional.of(Step.NAME), reg.state(b));
        assertEquals(Optional.empty(), reg.state(gone), "an unknown stored state is dropped");
        assertEquals(Optional.of(2), counter.state(a), "a Long from the store is the Integer state");
        app.updatePersistence();
        assertEquals(List.of("updateConversation reg [3, 3] -"), updates(), "and deleted from the store");
    }

    @Test
    void eachRunWritesOnlyTheKeysChangedSinceTheLastWithEndAsEmpty() {
        Application<DefaultContext> app = app(false);
        app.addHandler(registration("reg"));
        app.initialize();

        say(app, "/start");
        app.updatePersistence();
        app.updatePersistence();
        say(app, "Alice");
        say(app, "/stay");   // null: nothing changes
        app.updatePersistence();
        say(app, "42");
        app.updatePersistence();

        assertEquals(List.of("updateConversation reg " + key() + " NAME", "updateConversation reg " + key() + " AGE",
                "updateConversation reg " + key() + " -"), updates());
    }

    @Test
    void aFailedWriteReachesTheErrorHandlersAndIsRetriedByTheNextRun() {
        Application<DefaultContext> app = app(false);
        app.addHandler(registration("reg"));
        app.initialize();
        say(app, "/start");

        store.failing = true;
        app.updatePersistence();
        store.failing = false;
        app.updatePersistence();

        PersistenceException e = assertInstanceOf(PersistenceException.class, errors.getFirst());
        assertTrue(e.getMessage().contains("updateConversation(\"reg\", " + key() + ") failed"), e.getMessage());
        assertEquals(Step.NAME.name(), store.conversations.get("reg").get(key()));
    }

    @Test
    void aPendingStateIsWrittenAsTheOldStateAndAgainOnceResolved() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .name("slow").persistent(true)
                .entryPoints(CommandHandler.returning("start", (u, c) -> Step.NAME))
                .state(Step.NAME, MessageHandler.<DefaultContext>returning(Filters.TEXT, (u, c) -> {
                    started.countDown();
                    release.await();
                    return Step.AGE;
                }).block(false))
                .build();
        Application<DefaultContext> app = app(false);
        app.addHandler(conv);
        app.initialize();
        app.start();

        say(app, "/start");
        say(app, "Alice");
        assertTrue(started.await(20, TimeUnit.SECONDS));
        app.updatePersistence();
        release.countDown();
        ConversationHarness.await("the callback", () -> conv.state(key()).equals(Optional.of(Step.AGE)));
        app.updatePersistence();

        assertEquals(List.of("updateConversation slow " + key() + " NAME",
                "updateConversation slow " + key() + " AGE"), updates());
    }

    @Test
    void nestedPersistentConversationsAreLoadedAndMustAllBeNamedAndPersistent() {
        ConversationHandler<DefaultContext> child = registration("child");
        ConversationHandler<DefaultContext> parent = ConversationHandler.<DefaultContext>builder()
                .name("parent").persistent(true)
                .entryPoints(CommandHandler.returning("menu", (u, c) -> 1))
                .state(1, child)
                .build();
        store.conversations.put("child", new ConcurrentHashMap<>(Map.of(key(), "AGE")));
        Application<DefaultContext> app = app(false);
        app.addHandler(parent);
        app.initialize();
        assertEquals(Optional.of(Step.AGE), child.state(key()));

        ConversationHandler<DefaultContext> unnamedChild = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("x", (u, c) -> 1)).state(1, registration("child2")).build();
        ConversationHandler<DefaultContext> badParent = ConversationHandler.<DefaultContext>builder()
                .name("bad").persistent(true)
                .entryPoints(CommandHandler.returning("menu", (u, c) -> 1))
                .state(1, unnamedChild)
                .build();
        Application<DefaultContext> other = app(false);
        other.addHandler(badParent);
        IllegalStateException e = assertThrows(IllegalStateException.class, other::initialize);
        assertTrue(e.getMessage().contains("is nested in the persistent ConversationHandler 'bad' but is not "
                + "persistent or has no name"), e.getMessage());
    }

    @Test
    void persistentConversationsNeedAnApplicationWithAPersistenceAndDistinctNames() {
        Application<DefaultContext> plain = h.builder().build();
        apps.add(plain);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plain.addHandler(registration("reg")));
        assertTrue(e.getMessage().startsWith("ConversationHandler 'reg' can not be persistent if the application has "
                + "no persistence"), e.getMessage());
        assertEquals(0, plain.handlers().size(), "nothing was added");

        Application<DefaultContext> app = app(false);
        app.addHandler(registration("same"));
        app.addHandler(registration("same"), 1);
        IllegalStateException dup = assertThrows(IllegalStateException.class, app::initialize);
        assertTrue(dup.getMessage().startsWith("Two persistent conversation handlers are named 'same'"));
    }

    @Test
    void aConversationHandlerBelongsToOneApplication() {
        ConversationHandler<DefaultContext> conv = registration("reg");
        app(false).addHandler(conv);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app(false).addHandler(conv));
        assertTrue(e.getMessage().contains("is already added to another Application"), e.getMessage());
    }

    @Test
    void addedAfterInitializeAPersistentConversationLoadsAtOnce() {
        store.conversations.put("late", new ConcurrentHashMap<>(Map.of(key(), "AGE")));
        Application<DefaultContext> app = app(false);
        app.initialize();
        ConversationHandler<DefaultContext> conv = registration("late");

        String log = ConversationFlowTest.captureStdErr(() -> app.addHandler(conv));

        assertEquals(Optional.of(Step.AGE), conv.state(key()));
        assertTrue(log.contains("after Application.initialize was called. This is discouraged"), log);
    }

    @Test
    void inReadThroughModeTwoApplicationsOnOneStoreCarryOneConversationBetweenThem() {
        Application<DefaultContext> a = app(true);
        Application<DefaultContext> b = app(true);
        ConversationHandler<DefaultContext> onA = registration("reg");
        ConversationHandler<DefaultContext> onB = registration("reg");
        a.addHandler(onA);
        b.addHandler(onB);
        a.initialize();
        b.initialize();

        say(a, "/start");          // A starts the conversation and writes it right away
        assertEquals(Step.NAME.name(), store.conversations.get("reg").get(key()));
        say(b, "Alice");           // B reads NAME from the store, moves to AGE, writes state and user data
        assertEquals(Step.AGE.name(), store.conversations.get("reg").get(key()));
        assertEquals("Alice", store.users.get(alice.id()).get("name"));
        say(a, "42");              // A's memory still says NAME: it reads AGE, and refreshes the user data

        assertEquals("Hi Alice", store.users.get(alice.id()).get("greeting"));
        assertEquals(Optional.empty(), Optional.ofNullable(store.conversations.get("reg").get(key())), "ended");
        assertEquals(Optional.empty(), onA.state(key()));
        assertTrue(store.calls.contains("getConversation reg " + key()));
    }

    @Test
    void withoutReadThroughTheSecondApplicationDoesNotSeeTheFirstOnesConversation() {
        Application<DefaultContext> a = app(false);
        Application<DefaultContext> b = app(false);
        a.addHandler(registration("reg"));
        ConversationHandler<DefaultContext> onB = registration("reg");
        b.addHandler(onB);
        a.initialize();
        b.initialize();

        say(a, "/start");
        say(b, "Alice");

        assertEquals(Optional.empty(), onB.state(key()), "B never heard of the conversation");
        assertEquals(List.of(), updates(), "nothing written before the interval");
    }

    private List<String> updates() {
        return store.calls.stream().filter(c -> c.startsWith("updateConversation")).toList();
    }
}
