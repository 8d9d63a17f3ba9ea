package dev.telescale.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import dev.telescale.core.Application;
import dev.telescale.core.ApplicationBuilder;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.ContextTypes;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Application driving a Persistence: load, interval runs, marks, drops, failures, refresh, shutdown. */
class PersistenceWiringTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final AtomicInteger IDS = new AtomicInteger();

    private BotApiEmulator emulator;
    private EmulatedBot bot;
    private Application<?> app;

    @BeforeEach
    void setUp() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("PersistBot");
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            if (app.isRunning()) {
                app.stop();
            }
            app.shutdown();
        }
        emulator.close();
    }

    private ApplicationBuilder<DefaultContext> base() {
        return Application.builder().token(bot.token()).apiBaseUrl(emulator.apiBaseUrl()).noUpdater()
                .shutdownHook(false);
    }

    private Application<DefaultContext> mapApp(RecordingPersistence<Map<String, Object>, Map<String, Object>,
            Map<String, Object>> p) {
        Application<DefaultContext> a = base().contextTypes(ContextTypes.defaults(), p).build();
        app = a;
        return a;
    }

    private static RecordingPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> maps(
            Duration interval) {
        return new RecordingPersistence<>(StoreData.ALL, interval);
    }

    private static Update text(long chatId, long userId, String text) {
        return TelegramJson.parse("{\"update_id\":" + IDS.incrementAndGet() + ",\"message\":{\"message_id\":"
                + IDS.incrementAndGet() + ",\"date\":0,\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"u\"},\"text\":\"" + text
                + "\"}}", Update.class);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private static MessageHandler<DefaultContext> counting() {
        return new MessageHandler<>(Filters.TEXT, (u, c) -> {
            c.userData().merge("count", 1, (a, b) -> (int) a + (int) b);
            c.chatData().put("last", u.message().orElseThrow().text().orElseThrow());
            c.botData().merge("total", 1, (a, b) -> (int) a + (int) b);
        });
    }

    // ------------------------------------------------------------------------------------------------------ load

    @Test
    void initializeLoadsTheStoredKindsAndPlainMapsBecomeConcurrentOnes() {
        var p = maps(LONG);
        p.initialUsers = new HashMap<>(Map.of(7L, new HashMap<>(Map.of("name", "ann"))));
        p.initialChats = new HashMap<>(Map.of(-5L, new HashMap<>(Map.of("topic", "cats"))));
        p.initialBot = Optional.of(new HashMap<>(Map.of("total", 41)));
        Application<DefaultContext> a = mapApp(p);
        assertTrue(p.calls.isEmpty(), "nothing is loaded before initialize");

        a.initialize();

        assertEquals(List.of("getUserData", "getChatData", "getBotData"), p.calls);
        assertEquals("ann", ((Map<?, ?>) a.data().allUserData().get(7L)).get("name"));
        assertInstanceOf(ConcurrentHashMap.class, a.data().allUserData().get(7L));
        assertEquals("cats", ((Map<?, ?>) a.data().allChatData().get(-5L)).get("topic"));
        assertEquals(41, ((Map<?, ?>) a.data().botData()).get("total"));
        assertInstanceOf(ConcurrentHashMap.class, a.data().botData());
        a.addHandler(counting());
        a.processUpdate(text(7, 7, "hi"));
        assertEquals(42, ((Map<?, ?>) a.data().botData()).get("total"));
        a.initialize(); // idempotent: no second load
        assertEquals(3, p.calls.stream().filter(c -> c.startsWith("get")).count());
    }

    @Test
    void onlyTheKindsSwitchedOnAreLoadedWrittenAndRefreshed() {
        var p = new RecordingPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>>(
                StoreData.ALL.withUserData(false).withBotData(false), LONG);
        Application<DefaultContext> a = mapApp(p);
        a.addHandler(counting());
        a.initialize();
        a.processUpdate(text(3, 4, "x"));
        a.updatePersistence();

        assertEquals(List.of("getChatData", "refreshChatData 3", "updateChatData 3"), p.calls);
    }

    @Test
    void typedDataOfACustomContextIsLoadedAndWritten() {
        record Stats(int starts) {
        }
        final class Profile {
            String name = "new";

            @Override
            public String toString() {
                return "Profile[" + name + "]";
            }
        }
        ContextTypes<CallbackContext<Profile, Map<String, Object>, Stats>> types = ContextTypes.of(Profile::new,
                ConcurrentHashMap::new, () -> new Stats(0));
        RecordingPersistence<Profile, Map<String, Object>, Stats> p = new RecordingPersistence<>(StoreData.ALL, LONG);
        Profile stored = new Profile();
        stored.name = "ann";
        p.initialUsers = Map.of(7L, stored);
        p.initialBot = Optional.of(new Stats(3));
        Application<CallbackContext<Profile, Map<String, Object>, Stats>> a = base().contextTypes(types, p).build();
        app = a;
        List<String> seen = new CopyOnWriteArrayList<>();
        a.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            seen.add(c.userData().name + " " + c.botData().starts());
            c.userData().name = "ann2";
        }));
        a.initialize();
        a.processUpdate(text(7, 7, "hi"));
        a.updatePersistence();

        assertEquals(List.of("ann 3"), seen);
        assertEquals("Profile[ann2]", p.storedUsers.get(7L));
        assertEquals("Stats[starts=3]", p.storedBot);
    }

    // ----------------------------------------------------------------------------------------------------- write

    @Test
    void aRunWritesBotDataAndOnlyTheMarkedIds() {
        var p = maps(LONG);
        Application<DefaultContext> a = mapApp(p);
        a.addHandler(counting());
        a.initialize();
        a.processUpdate(text(1, 1, "a"));
        a.processUpdate(text(-20, 2, "b"));
        asMap(a.data().userData(99)).put("untouched", true); // created without a handled update: not marked

        a.updatePersistence();
        assertEquals(List.of("updateBotData", "updateChatData -20", "updateChatData 1", "updateUserData 1",
                "updateUserData 2"), sortedWrites(p));
        assertEquals("{count=1}", p.storedUsers.get(1L));
        assertFalse(p.storedUsers.containsKey(99L));

        p.calls.clear();
        a.updatePersistence();
        assertEquals(List.of("updateBotData"), p.writes(), "marks were drained by the first run");

        p.calls.clear();
        a.markDataForUpdatePersistence(List.of(), List.of(99L));
        a.updatePersistence();
        assertEquals(List.of("updateBotData", "updateUserData 99"), p.writes());
    }

    @Test
    void drophAndMigrationsBecomeDropCallsAndTheMovedDataIsWritten() {
        var p = maps(LONG);
        Application<DefaultContext> a = mapApp(p);
        a.addHandler(counting());
        a.initialize();
        a.processUpdate(text(1, 1, "a"));
        a.processUpdate(text(-5, 2, "b"));
        a.updatePersistence();
        p.calls.clear();

        a.dropUserData(1);
        a.dropChatData(1);
        a.migrateChatData(-5, -1005);
        a.updatePersistence();

        assertEquals(List.of("dropChatData -5", "dropChatData 1", "dropUserData 1", "updateBotData",
                "updateChatData -1005"), sortedWrites(p));
        assertEquals("{last=b}", p.storedChats.get(-1005L));
        assertFalse(p.storedChats.containsKey(-5L));
        assertFalse(p.storedUsers.containsKey(1L));
    }

    @Test
    void aDroppedIdUsedAgainIsDroppedThenWritten() {
        var p = maps(LONG);
        Application<DefaultContext> a = mapApp(p);
        a.addHandler(counting());
        a.initialize();
        a.processUpdate(text(1, 1, "a"));
        a.dropUserData(1);
        a.processUpdate(text(1, 1, "again"));
        a.updatePersistence();

        List<String> w = p.writes();
        assertTrue(w.indexOf("dropUserData 1") < w.indexOf("updateUserData 1"), w.toString());
        assertEquals("{count=1}", p.storedUsers.get(1L));
    }

    @Test
    void runsHappenEveryIntervalWhileRunningAndJobsMarkTheirIds() throws Exception {
        var p = maps(Duration.ofMillis(40));
        Application<DefaultContext> a = mapApp(p);
        a.addHandler(counting());
        a.initialize();
        a.start();
        a.submit(text(11, 12, "hello"));
        await("the interval run writing user 12", () -> p.writes().contains("updateUserData 12"));
        assertEquals("{count=1}", p.storedUsers.get(12L));

        CountDownLatch jobRan = new CountDownLatch(1);
        a.jobQueue().orElseThrow().runOnce(c -> {
            c.chatData().put("job", "done");
            jobRan.countDown();
        }, Duration.ZERO, o -> o.chatId(77L));
        assertTrue(jobRan.await(20, TimeUnit.SECONDS));
        await("a run writing the job's chat", () -> "{job=done}".equals(p.storedChats.get(77L)));
        int botWrites = count(p, "updateBotData");
        await("more runs", () -> count(p, "updateBotData") >= botWrites + 2);

        a.stop();
        int afterStop = p.writes().size();
        Thread.sleep(150); // the loop has ended: no run comes any more (an absence, not a timing)
        assertEquals(afterStop, p.writes().size());
        assertFalse(p.writes().contains("flush"), "flush belongs to shutdown");
    }

    @Test
    void shutdownWritesOnceMoreAndFlushesLast() {
        var p = maps(LONG);
        Application<DefaultContext> a = mapApp(p);
        a.addHandler(counting());
        a.initialize();
        a.start();
        a.submit(text(5, 6, "bye"));
        a.stop(); // processes what was queued
        assertTrue(p.writes().isEmpty(), "the first run is one interval after start");

        a.shutdown();
        app = null;

        assertEquals(List.of("flush", "updateBotData", "updateChatData 5", "updateUserData 6"), sortedWrites(p));
        assertEquals("flush", p.writes().get(p.writes().size() - 1));
        assertEquals("{count=1}", p.storedUsers.get(6L));
        a.shutdown(); // no-op when not initialized: no second flush
        assertEquals(1, count(p, "flush"));
    }

    // --------------------------------------------------------------------------------------------------- failure

    @Test
    void aStoreThatIsDownReachesTheErrorHandlersAndTheNextRunRetries() {
        var p = maps(LONG);
        Application<DefaultContext> a = mapApp(p);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Object> errorUpdates = new ArrayList<>();
        a.addErrorHandler((u, c) -> {
            errors.add(c.error().orElseThrow());
            errorUpdates.add(u == null ? "null" : u);
        });
        a.addHandler(counting());
        a.initialize();
        a.processUpdate(text(1, 2, "a"));
        a.dropChatData(9);
        p.failing = true;

        a.updatePersistence();

        assertEquals(4, errors.size(), errors.toString()); // bot data, drop of chat 9, chat 1, user 2
        errors.forEach(e -> assertInstanceOf(PersistenceException.class, e));
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("updateUserData(2)")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("dropChatData(9)")), errors.toString());
        assertEquals("store is down", errors.get(0).getCause().getMessage());
        assertEquals(List.of("null", "null", "null", "null"), errorUpdates);
        assertEquals(Map.of("count", 1), a.data().allUserData().get(2L), "in-memory data is kept");
        assertFalse(a.data().pendingMarks().isEmpty(), "the failed ids are marked again");

        p.failing = false;
        errors.clear();
        a.processUpdate(text(1, 2, "b"));
        a.updatePersistence();

        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of("dropChatData 9", "updateBotData", "updateChatData 1", "updateUserData 2"),
                sortedWrites(p));
        assertEquals("{count=2}", p.storedUsers.get(2L));
    }

    @Test
    void aFailingFlushAtShutdownReachesTheErrorHandlersAndShutdownCompletes() {
        var p = maps(LONG);
        Application<DefaultContext> a = mapApp(p);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        a.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
        a.initialize();
        p.failing = true;
        a.shutdown();
        app = null;
        assertFalse(a.isInitialized());
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("flush()")), errors.toString());
    }

    @Test
    void aFailingLoadFailsInitialize() {
        var p = maps(LONG);
        p.loadFailure = new IllegalStateException("corrupt store");
        Application<DefaultContext> a = mapApp(p);
        PersistenceException e = assertThrows(PersistenceException.class, a::initialize);
        assertTrue(e.getMessage().contains("getUserData()"), e.getMessage());
        assertEquals("corrupt store", e.getCause().getMessage());
        assertFalse(a.isInitialized());
        app = null;
    }

    @Test
    void aLoadReturningNullIsRefusedClearly() {
        var p = maps(LONG);
        p.initialChats = null;
        Application<DefaultContext> a = mapApp(p);
        PersistenceException e = assertThrows(PersistenceException.class, a::initialize);
        assertTrue(e.getMessage().contains("getChatData() returned null"), e.getMessage());
        app = null;
    }

    // --------------------------------------------------------------------------------------------------- refresh

    @Test
    void refreshHooksRunBeforeTheFirstHandlerOfEachUpdateAndBeforeJobs() throws Exception {
        var p = maps(LONG);
        p.userRefresh = data -> {
            data.put("fromStore", "fresh");
            return data;
        };
        Application<DefaultContext> a = mapApp(p);
        List<String> seen = new CopyOnWriteArrayList<>();
        a.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            seen.add("group0 " + c.userData().get("fromStore"));
            p.calls.add("handler0");
        }));
        a.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> p.calls.add("handler1")), 1);
        a.initialize();
        p.calls.clear();

        a.processUpdate(text(3, 4, "x"));

        assertEquals(List.of("refreshBotData", "refreshChatData 3", "refreshUserData 4", "handler0", "handler1"),
                p.calls, "once per update, before the first callback");
        assertEquals(List.of("group0 fresh"), seen);

        p.calls.clear();
        a.start();
        CountDownLatch ran = new CountDownLatch(1);
        a.jobQueue().orElseThrow().runOnce(c -> {
            p.calls.add("job");
            ran.countDown();
        }, Duration.ZERO, o -> o.chatId(8L).userId(9L));
        assertTrue(ran.await(20, TimeUnit.SECONDS));
        assertEquals(List.of("refreshBotData", "refreshChatData 8", "refreshUserData 9", "job"), p.calls);
    }

    @Test
    void aFailingRefreshReachesTheErrorHandlersWithTheUpdate() {
        var p = maps(LONG);
        p.userRefresh = data -> {
            throw new IllegalStateException("refresh failed");
        };
        Application<DefaultContext> a = mapApp(p);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Object> updates = new CopyOnWriteArrayList<>();
        a.addErrorHandler((u, c) -> {
            errors.add(c.error().orElseThrow());
            updates.add(u);
        });
        List<String> ran = new CopyOnWriteArrayList<>();
        a.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> ran.add("group0")));
        a.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> ran.add("group1")), 1);
        a.initialize();
        Update u = text(3, 4, "x");

        a.processUpdate(u);

        assertInstanceOf(PersistenceException.class, errors.get(0));
        assertTrue(errors.get(0).getMessage().contains("refreshUserData(4)"), errors.get(0).getMessage());
        assertEquals(List.of(u), updates);
        assertEquals(List.of("group1"), ran, "as PTB: the group whose refresh failed is skipped, dispatch goes on");
    }

    @Test
    void callbackDataIsLoadedAtInitializeAndWrittenEveryRunOnlyWhenTheBotHasACache() {
        var p = maps(LONG);
        Application<DefaultContext> a = base().arbitraryCallbackData(true)
                .contextTypes(ContextTypes.defaults(), p).build();
        app = a;
        a.initialize();
        assertEquals(List.of("getUserData", "getChatData", "getBotData", "getCallbackData"), p.calls);
        a.updatePersistence();
        a.updatePersistence();
        assertEquals(List.of("updateBotData", "updateCallbackData", "updateBotData", "updateCallbackData"),
                p.writes(), "every run, as PTB, even when unchanged");
        a.shutdown();
        app = null;

        var plain = maps(LONG);
        Application<DefaultContext> b = mapApp(plain);
        b.initialize();
        b.updatePersistence();
        assertFalse(plain.calls.contains("getCallbackData"), plain.calls.toString());
        assertFalse(plain.calls.contains("updateCallbackData"), plain.calls.toString());
    }

    /** Immutable user data: changed by replacing it, refreshed by the store returning a new one. */
    record Visits(int count) {
    }

    @Test
    void aRecordRefreshedFromASharedStoreReplacesTheLiveOneBeforeTheHandlerReadsIt() {
        Map<Long, Visits> shared = new ConcurrentHashMap<>(); // what other instances wrote
        RecordingPersistence<Visits, Map<String, Object>, Map<String, Object>> p =
                new RecordingPersistence<>(StoreData.ALL, LONG);
        p.userRefresh = live -> shared.getOrDefault(4L, live);
        Application<CallbackContext<Visits, Map<String, Object>, Map<String, Object>>> a = base()
                .contextTypes(ContextTypes.of(() -> new Visits(0), ConcurrentHashMap::new, ConcurrentHashMap::new), p)
                .build();
        app = a;
        List<Integer> seen = new CopyOnWriteArrayList<>();
        a.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            seen.add(c.userData().count());
            c.dataStore().setUserData(4, new Visits(c.userData().count() + 1));
        }));
        a.initialize();

        a.processUpdate(text(3, 4, "x"));          // nothing shared yet: the local record is kept
        a.processUpdate(text(3, 4, "x"));
        shared.put(4L, new Visits(10));             // another instance handled updates of user 4
        a.processUpdate(text(3, 4, "x"));

        assertEquals(List.of(0, 1, 10), seen);
        assertEquals(new Visits(11), a.data().allUserData().get(4L));
        assertTrue(a.data().pendingMarks().updatedUsers().contains(4L), "a replaced record is written next run");
    }

    @Test
    void aRefreshHookReturningNullIsRefusedWithAnErrorNamingTheHookAndTheDataIsKept() {
        var p = maps(LONG);
        p.userRefresh = live -> null;
        Application<DefaultContext> a = mapApp(p);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        a.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
        a.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> c.userData().put("ran", true)));
        a.initialize();
        @SuppressWarnings("unchecked") // the default context types' user data
        Map<String, Object> before = (Map<String, Object>) a.data().userData(4);
        before.put("kept", 1);

        a.processUpdate(text(3, 4, "x"));

        assertEquals(1, errors.size());
        assertInstanceOf(PersistenceException.class, errors.get(0));
        assertTrue(errors.get(0).getMessage().contains("refreshUserData(4) returned null"), errors.get(0).getMessage());
        assertSame(before, a.data().allUserData().get(4L));
        assertEquals(Map.of("kept", 1), before, "the handler's group was skipped");
    }

    @Test
    void withoutPersistenceRefreshDataAndUpdatePersistenceDoNothing() {
        Application<DefaultContext> a = base().build();
        app = a;
        a.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> c.refreshData()));
        a.initialize();
        a.processUpdate(text(1, 1, "x"));
        a.updatePersistence();
        assertTrue(a.persistence().isEmpty());
    }

    // ------------------------------------------------------------------------------------------------- bad input

    @Test
    void badPersistenceOptionsFailAtTheBuilder() {
        assertThrows(NullPointerException.class, () -> base().contextTypes(ContextTypes.defaults(), null));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> base().contextTypes(ContextTypes.defaults(), maps(Duration.ZERO)));
        assertTrue(zero.getMessage().contains("updateInterval() must be a positive duration"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> base().contextTypes(ContextTypes.defaults(), maps(Duration.ofSeconds(-1))));
        assertThrows(IllegalArgumentException.class,
                () -> base().contextTypes(ContextTypes.defaults(), maps(null)));
        var noKinds = new RecordingPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>>(
                null, LONG);
        IllegalArgumentException kinds = assertThrows(IllegalArgumentException.class,
                () -> base().contextTypes(ContextTypes.defaults(), noKinds));
        assertTrue(kinds.getMessage().contains("storeData() returned null"), kinds.getMessage());
    }

    @Test
    void persistenceIsExposedAndTheDefaultsArePtbs() {
        var p = maps(LONG);
        Application<DefaultContext> a = mapApp(p);
        assertEquals(Optional.of(p), a.persistence());
        Persistence<Object, Object, Object> minimal = new Persistence<>() {
            public Map<Long, Object> getUserData() {
                return Map.of();
            }

            public Map<Long, Object> getChatData() {
                return Map.of();
            }

            public Optional<Object> getBotData() {
                return Optional.empty();
            }

            public Map<ConversationKey, Object> getConversations(String name) {
                return Map.of();
            }

            public void updateUserData(long userId, Object data) {
            }

            public void updateChatData(long chatId, Object data) {
            }

            public void updateBotData(Object data) {
            }

            public void updateConversation(String name, ConversationKey key, Optional<Object> newState) {
            }

            public Optional<CallbackDataSnapshot> getCallbackData() {
                return Optional.empty();
            }

            public void updateCallbackData(CallbackDataSnapshot data) {
            }

            public void dropUserData(long userId) {
            }

            public void dropChatData(long chatId) {
            }

            public void flush() {
            }
        };
        assertEquals(Duration.ofSeconds(60), minimal.updateInterval());
        assertEquals(StoreData.ALL, minimal.storeData());
        assertEquals(minimal.getUserData(), minimal.refreshUserData(1, minimal.getUserData()));
    }

    @Test
    void conversationKeysAreValuesAndRefuseNonsense() {
        assertEquals(ConversationKey.of(1, 2), ConversationKey.of(1, 2));
        assertEquals("[1, 2, 3]", ConversationKey.of(1, 2).withMessageId(3).toString());
        assertEquals("[2, \"abc\"]", ConversationKey.ofUser(2).withInlineMessageId("abc").toString());
        assertFalse(ConversationKey.ofChat(1).equals(ConversationKey.ofUser(1)));
        assertThrows(IllegalArgumentException.class, () -> new ConversationKey(java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(), java.util.OptionalLong.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ConversationKey(java.util.OptionalLong.of(1),
                java.util.OptionalLong.empty(), java.util.OptionalLong.of(2), Optional.of("x")));
        assertNull(null);
    }

    @SuppressWarnings("unchecked") // the default context types' data
    private static Map<String, Object> asMap(Object data) {
        return (Map<String, Object>) data;
    }

    private static List<String> sortedWrites(RecordingPersistence<?, ?, ?> p) {
        return p.writes().stream().sorted().toList();
    }

    private static int count(RecordingPersistence<?, ?, ?> p, String call) {
        return (int) p.writes().stream().filter(call::equals).count();
    }
}
