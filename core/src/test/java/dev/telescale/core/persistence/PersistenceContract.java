package dev.telescale.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.ContextTypes;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Persistence} must have, as one JUnit 5 suite that a store's test extends (published in
 * core's test-jar: depend on {@code telescale-core} with {@code <type>test-jar</type>} and {@code <scope>test}, plus
 * {@code telescale-testkit}). The subclass makes a fresh store before each test ({@link #createStore()}) and opens
 * handles on it ({@link #open}); a new handle must see what earlier handles made durable (after their
 * {@code flush()}), which is how the suite proves durability:
 *
 * <pre>{@code
 * class JdbcPersistenceContractTest extends PersistenceContract {
 *     protected void createStore() { schema = "t" + UUID.randomUUID().toString().replace("-", ""); }
 *     protected Persistence<Profile, Settings, Map<String, Object>> open(
 *             DataCodec<Profile, Settings, Map<String, Object>> codec, StoreData storeData) {
 *         return JdbcPersistence.builder(dataSource, codec).schema(schema).storeData(storeData).build();
 *     }
 * }
 * }</pre>
 *
 * The data types are fixed: a record for user data ({@link Profile}), a class for chat data ({@link Settings}) and a
 * map for bot data, all through {@link #CODEC}.
 */
public abstract class PersistenceContract {

    /** User data of the suite: a record. */
    public record Profile(String name, int age, List<String> tags, long balance) {
        public static Profile empty() {
            return new Profile("", 0, List.of(), 0);
        }
    }

    /** Chat data of the suite: a mutable class with private fields and a no-argument constructor. */
    public static final class Settings {
        private String language = "en";
        private Map<String, Long> counters = new LinkedHashMap<>();
        private transient String scratch = "not stored";

        public Settings() {
        }

        public Settings(String language, Map<String, Long> counters) {
            this.language = language;
            this.counters = new LinkedHashMap<>(counters);
        }

        public String language() {
            return language;
        }

        public void language(String language) {
            this.language = language;
        }

        public String scratch() {
            return scratch;
        }

        public void scratch(String scratch) {
            this.scratch = scratch;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Settings s && language.equals(s.language) && counters.equals(s.counters);
        }

        @Override
        public int hashCode() {
            return Objects.hash(language, counters);
        }

        @Override
        public String toString() {
            return "Settings[" + language + ", " + counters + "]";
        }
    }

    /** The codec of the suite's data types. */
    public static final DataCodec<Profile, Settings, Map<String, Object>> CODEC = DataCodec.of(
            new TypeReference<Profile>() { }, new TypeReference<Settings>() { },
            new TypeReference<Map<String, Object>>() { });

    private final List<Persistence<Profile, Settings, Map<String, Object>>> opened = new ArrayList<>();

    // ------------------------------------------------------------------------------------------- the factory

    /** Makes a new, empty store for one test (a temporary file, a fresh schema or key prefix...). */
    protected abstract void createStore() throws Exception;

    /**
     * Opens a new handle on the store {@link #createStore()} made, storing the given kinds. A handle sees what
     * earlier handles wrote and flushed.
     */
    protected abstract Persistence<Profile, Settings, Map<String, Object>> open(
            DataCodec<Profile, Settings, Map<String, Object>> codec, StoreData storeData) throws Exception;

    /** Releases a handle after the suite flushed it (close a pool...). Default: nothing. */
    protected void release(Persistence<Profile, Settings, Map<String, Object>> handle) throws Exception {
    }

    /** Removes what {@link #createStore()} made. Default: nothing. */
    protected void deleteStore() throws Exception {
    }

    /**
     * Whether the refresh hooks read the store (stores meant for several instances of one bot); then a refresh of
     * the bot data map brings in what another handle wrote. Default false: refreshes leave the data alone (PTB).
     */
    protected boolean refreshesFromStore() {
        return false;
    }

    /** The length of the huge string of the hostile-values case (default 4 Mi characters). */
    protected int hugeStringLength() {
        return 4 << 20;
    }

    // --------------------------------------------------------------------------------------------- helpers

    @BeforeEach
    final void freshStore() throws Exception {
        createStore();
    }

    @AfterEach
    final void releaseAll() throws Exception {
        try {
            for (Persistence<Profile, Settings, Map<String, Object>> p : opened) {
                try {
                    p.flush();
                } catch (RuntimeException e) {
                    // A test may have left a handle failing on purpose; releasing it still matters.
                }
                release(p);
            }
        } finally {
            opened.clear();
            deleteStore();
        }
    }

    /** A new handle storing every kind. */
    protected final Persistence<Profile, Settings, Map<String, Object>> open() throws Exception {
        return open(StoreData.ALL);
    }

    /** A new handle storing the given kinds. */
    protected final Persistence<Profile, Settings, Map<String, Object>> open(StoreData storeData) throws Exception {
        Persistence<Profile, Settings, Map<String, Object>> p = Objects.requireNonNull(open(CODEC, storeData),
                "open(...) returned null");
        opened.add(p);
        return p;
    }

    /** Flushes {@code previous} (as shutdown does) and opens a new handle. */
    protected final Persistence<Profile, Settings, Map<String, Object>> reopen(
            Persistence<Profile, Settings, Map<String, Object>> previous) throws Exception {
        previous.flush();
        return open();
    }

    private static Settings settings(String language, long visits) {
        return new Settings(language, Map.of("visits", visits));
    }

    private static Map<String, Object> botMap() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(1, "two", 3.5, false));
        nested.put("empty", Map.of());
        Map<String, Object> bot = new ConcurrentHashMap<>();
        bot.put("int", 42);
        bot.put("long", 9_000_000_000L);
        bot.put("double", 0.25);
        bot.put("bool", true);
        bot.put("text", "hello");
        bot.put("nested", nested);
        return bot;
    }

    // ----------------------------------------------------------------------------------------- round trips

    @Test
    void aFreshStoreIsEmpty() throws Exception {
        var p = open();
        assertEquals(Map.of(), p.getUserData());
        assertEquals(Map.of(), p.getChatData());
        assertEquals(Optional.empty(), p.getBotData());
        assertEquals(Optional.empty(), p.getCallbackData());
        assertEquals(Map.of(), p.getConversations("any"));
    }

    @Test
    void userDataRoundTripsAsTheAuthorsRecord() throws Exception {
        var p = open();
        Profile ann = new Profile("ann", 31, List.of("admin", "beta"), 1_000L);
        Profile bob = new Profile("bob", 0, List.of(), -5L);
        p.updateUserData(1, ann);
        p.updateUserData(2, bob);
        assertEquals(Map.of(1L, ann, 2L, bob), p.getUserData(), "the same handle");

        var q = reopen(p);
        Map<Long, Profile> loaded = q.getUserData();
        assertEquals(Map.of(1L, ann, 2L, bob), loaded);
        assertNotSame(loaded.get(1L), q.getUserData().get(1L), "each load makes new objects");
    }

    @Test
    void chatDataRoundTripsAsTheAuthorsClassWithoutTransientFields() throws Exception {
        var p = open();
        Settings live = settings("de", 3);
        live.scratch("in memory only");
        p.updateChatData(-100123, live);
        p.updateChatData(7, settings("en", 0));

        var q = reopen(p);
        Map<Long, Settings> loaded = q.getChatData();
        assertEquals(Map.of(-100123L, settings("de", 3), 7L, settings("en", 0)), loaded);
        assertEquals("not stored", loaded.get(-100123L).scratch(), "transient fields are not stored");
    }

    @Test
    void botDataRoundTripsAsAMapWithJsonsNaturalTypes() throws Exception {
        var p = open();
        p.updateBotData(botMap());
        var q = reopen(p);
        Map<String, Object> loaded = q.getBotData().orElseThrow();
        assertEquals(botMap(), loaded);
        assertEquals(Integer.class, loaded.get("int").getClass());
        assertEquals(Long.class, loaded.get("long").getClass());
    }

    @Test
    void anUpdateReplacesTheStoredValue() throws Exception {
        var p = open();
        p.updateUserData(1, new Profile("old", 1, List.of(), 0));
        p.updateUserData(1, new Profile("new", 2, List.of(), 0));
        p.updateBotData(Map.of("v", 1));
        p.updateBotData(Map.of("w", 2));
        var q = reopen(p);
        assertEquals(Map.of(1L, new Profile("new", 2, List.of(), 0)), q.getUserData());
        assertEquals(Map.of("w", 2), q.getBotData().orElseThrow(), "keys gone from the map are gone from the store");
    }

    @Test
    void theStoreKeepsNoReferenceToTheLiveObjects() throws Exception {
        var p = open();
        Settings live = settings("fr", 1);
        Map<String, Object> bot = botMap();
        p.updateChatData(5, live);
        p.updateBotData(bot);
        live.language("changed after the call");
        bot.put("added", "after the call");

        Settings returned = p.getChatData().get(5L);
        returned.language("changed by the caller");
        assertEquals(settings("fr", 1), p.getChatData().get(5L));
        assertEquals(botMap(), p.getBotData().orElseThrow());
        assertEquals(settings("fr", 1), reopen(p).getChatData().get(5L));
    }

    @Test
    void theKindsToStoreAreReportedAsConfigured() throws Exception {
        StoreData chatsOnly = StoreData.NONE.withChatData(true);
        assertEquals(chatsOnly, open(chatsOnly).storeData());
        assertEquals(StoreData.ALL, open().storeData());
    }

    @Test
    void anApplicationLoadsOnlyTheKindsTheStoreStores() throws Exception {
        var writer = open();
        writer.updateUserData(1, new Profile("ann", 1, List.of(), 0));
        writer.updateChatData(2, settings("de", 1));
        writer.updateBotData(Map.of("total", 7));
        writer.flush();
        var store = open(StoreData.ALL.withUserData(false).withBotData(false));
        ContextTypes<CallbackContext<Profile, Settings, Map<String, Object>>> types =
                ContextTypes.of(Profile::empty, Settings::new, ConcurrentHashMap::new);
        try (BotApiEmulator emulator = BotApiEmulator.start()) {
            EmulatedBot bot = emulator.createBot("ContractBot");
            Application<CallbackContext<Profile, Settings, Map<String, Object>>> app = Application.builder()
                    .token(bot.token()).apiBaseUrl(emulator.apiBaseUrl()).noUpdater().shutdownHook(false)
                    .contextTypes(types, store).build();
            app.initialize();
            try {
                assertEquals(Map.of(), app.data().allUserData(), "user data is not stored here: not loaded");
                assertEquals(Map.of(), app.data().botData(), "bot data is not stored here: not loaded");
                assertEquals(settings("de", 1), app.data().allChatData().get(2L));
            } finally {
                app.shutdown();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- drop

    @Test
    void dropsDeleteTheStoredDataOfThatIdOnly() throws Exception {
        var p = open();
        p.updateUserData(1, Profile.empty());
        p.updateUserData(2, Profile.empty());
        p.updateChatData(-1, settings("a", 1));
        p.updateChatData(-2, settings("b", 2));
        p.dropUserData(1);
        p.dropChatData(-2);
        p.dropUserData(404);
        p.dropChatData(404);

        var q = reopen(p);
        assertEquals(Map.of(2L, Profile.empty()), q.getUserData());
        assertEquals(Map.of(-1L, settings("a", 1)), q.getChatData());
        q.updateUserData(1, new Profile("back", 1, List.of(), 0));
        assertEquals("back", reopen(q).getUserData().get(1L).name(), "a dropped id can be stored again");
    }

    // ---------------------------------------------------------------------------------------- conversations

    @Test
    void conversationStatesAreSetOverwrittenAndEndedPerName() throws Exception {
        var p = open();
        ConversationKey a = ConversationKey.of(-100, 1);
        ConversationKey b = ConversationKey.of(-100, 2);
        p.updateConversation("order", a, Optional.of(1));
        p.updateConversation("order", b, Optional.of("ASK_NAME"));
        p.updateConversation("order", a, Optional.of(2));
        p.updateConversation("survey", a, Optional.of(7));
        p.updateConversation("survey", b, Optional.of(8));
        p.updateConversation("survey", b, Optional.empty());
        p.updateConversation("survey", ConversationKey.ofUser(99), Optional.empty());

        var q = reopen(p);
        assertEquals(Map.of(a, 2, b, "ASK_NAME"), q.getConversations("order"));
        assertEquals(Map.of(a, 7), q.getConversations("survey"));
        assertEquals(Map.of(), q.getConversations("unknown"));
        assertEquals(Optional.of(2), q.getConversation("order", a));
        assertEquals(Optional.of("ASK_NAME"), q.getConversation("order", b));
        assertEquals(Optional.empty(), q.getConversation("survey", b));
        assertEquals(Optional.empty(), q.getConversation("unknown", a));
    }

    private enum Step { ASK_AGE }

    @Test
    void conversationKeysOfEveryShapeAndEnumStatesRoundTrip() throws Exception {
        var p = open();
        List<ConversationKey> keys = List.of(
                ConversationKey.of(-1001234567890L, 42),
                ConversationKey.ofChat(-5),
                ConversationKey.ofUser(Long.MAX_VALUE),
                ConversationKey.of(1, 2).withMessageId(3),
                ConversationKey.ofUser(7).withInlineMessageId("AAE-inline_ÿ\"id"),
                ConversationKey.of(-1001234567890L, 42).withThreadId(7),
                ConversationKey.ofChat(-1001234567890L).withThreadId(Long.MAX_VALUE),
                new ConversationKey(OptionalLong.of(8), OptionalLong.empty(), OptionalLong.of(9), Optional.empty()));
        Map<ConversationKey, Object> expected = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            p.updateConversation("shapes", keys.get(i), Optional.of(i));
            expected.put(keys.get(i), i);
        }
        p.updateConversation("enum", ConversationKey.ofChat(1), Optional.of(Step.ASK_AGE));

        var q = reopen(p);
        assertEquals(expected, q.getConversations("shapes"));
        assertEquals(Map.of(ConversationKey.ofChat(1), "ASK_AGE"), q.getConversations("enum"),
                "enum states are stored by name");
    }

    // ---------------------------------------------------------------------------------------- callback data

    /** A keyboard id and button ids of the callback data cases (32 lowercase hex characters each). */
    private static final String KEYBOARD = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_KEYBOARD = "fedcba9876543210fedcba9876543210";

    /** A cache snapshot whose buttons hold objects of several types: a record, a string, a number, a list, a map. */
    public static CallbackDataSnapshot callbackSnapshot() {
        Map<String, Object> buttons = new LinkedHashMap<>();
        buttons.put("00000000000000000000000000000001", new Profile("button", 7, List.of("a", "b"), 9));
        buttons.put("00000000000000000000000000000002", "plain string");
        buttons.put("00000000000000000000000000000003", 42);
        buttons.put("00000000000000000000000000000004", List.of(1, 2, 3));
        buttons.put("00000000000000000000000000000005", Map.of("k", "v"));
        return new CallbackDataSnapshot(List.of(
                new CallbackDataSnapshot.Keyboard(OTHER_KEYBOARD, Instant.ofEpochMilli(1_600_000_000_000L),
                        Map.of("0000000000000000000000000000000a", "old")),
                new CallbackDataSnapshot.Keyboard(KEYBOARD, Instant.ofEpochMilli(1_700_000_000_123L), buttons)),
                Map.of("query-1", KEYBOARD, "query-2", OTHER_KEYBOARD));
    }

    @Test
    void callbackDataRoundTripsWithEachButtonObjectOfItsOwnType() throws Exception {
        var p = open();
        CallbackDataSnapshot first = callbackSnapshot();
        p.updateCallbackData(first);
        CallbackDataSnapshot read = reopen(p).getCallbackData().orElseThrow();
        assertEquals(first, read);
        assertInstanceOf(Profile.class, read.keyboards().get(1).buttons().get("00000000000000000000000000000001"));
        var q = open();
        q.updateCallbackData(CallbackDataSnapshot.empty());
        assertEquals(Optional.of(CallbackDataSnapshot.empty()), reopen(q).getCallbackData(), "replaced, not merged");
    }

    @Test
    void anApplicationRestoresTheBotsCallbackDataCacheAndWritesItOnEachRun() throws Exception {
        var p = open();
        p.updateCallbackData(callbackSnapshot());
        p.flush();
        try (BotApiEmulator emulator = BotApiEmulator.start()) {
            EmulatedBot bot = emulator.createBot("CacheBot");
            Persistence<Profile, Settings, Map<String, Object>> store = open();
            Application<CallbackContext<Profile, Settings, Map<String, Object>>> app = Application.builder()
                    .token(bot.token()).apiBaseUrl(emulator.apiBaseUrl()).noUpdater().shutdownHook(false)
                    .arbitraryCallbackData(true)
                    .contextTypes(ContextTypes.of(Profile::empty, Settings::new, HashMap::new), store)
                    .build();
            app.initialize();
            var cache = app.bot().callbackDataCache().orElseThrow();
            assertEquals(callbackSnapshot(), cache.snapshot());
            cache.clear();
            app.updatePersistence();
            app.shutdown();
        }
        assertEquals(List.of(), open().getCallbackData().orElseThrow().keyboards(), "the run wrote the cache");
    }

    // -------------------------------------------------------------------------------------------- refresh

    @Test
    void refreshHooksEitherLeaveTheDataOrBringInWhatAnotherHandleWrote() throws Exception {
        var first = open();
        first.updateBotData(Map.of("v", 1));
        first.updateUserData(1, new Profile("old", 1, List.of(), 1));
        first.flush();
        var second = open();
        second.updateBotData(Map.of("v", 2));
        second.updateUserData(1, new Profile("new", 2, List.of("x"), 2));
        second.flush();

        Map<String, Object> live = new ConcurrentHashMap<>(Map.of("v", 1));
        Map<String, Object> bot = first.refreshBotData(live);
        assertEquals(Map.of("v", refreshesFromStore() ? 2 : 1), bot, "the bot data to use");
        Profile stale = new Profile("old", 1, List.of(), 1);
        Profile user = first.refreshUserData(1, stale);
        if (refreshesFromStore()) {
            assertEquals(new Profile("new", 2, List.of("x"), 2), user, "a record is replaced by the stored one");
        } else {
            assertSame(stale, user, "a store that does not refresh returns the data passed in");
        }
        Settings chat = new Settings();
        assertSame(chat, first.refreshChatData(404, chat), "no stored entry: the data passed in is kept");
        Profile unknown = Profile.empty();
        assertSame(unknown, first.refreshUserData(404, unknown), "no stored entry: the data passed in is kept");
    }

    // ---------------------------------------------------------------------------------------------- flush

    @Test
    void everythingIsDurableAfterFlush() throws Exception {
        var p = open();
        p.updateUserData(1, new Profile("u", 1, List.of("t"), 1));
        p.updateChatData(2, settings("c", 2));
        p.updateBotData(botMap());
        p.updateCallbackData(callbackSnapshot());
        p.updateConversation("conv", ConversationKey.of(2, 1), Optional.of(3));
        p.flush();

        var q = open();
        assertEquals(Map.of(1L, new Profile("u", 1, List.of("t"), 1)), q.getUserData());
        assertEquals(Map.of(2L, settings("c", 2)), q.getChatData());
        assertEquals(Optional.of(botMap()), q.getBotData());
        assertEquals(Optional.of(callbackSnapshot()), q.getCallbackData());
        assertEquals(Map.of(ConversationKey.of(2, 1), 3), q.getConversations("conv"));
        q.flush();
        q.flush();
        assertEquals(Map.of(2L, settings("c", 2)), open().getChatData(), "flushing twice changes nothing");
    }

    @Test
    void dataWrittenAfterAReopenAddsToWhatWasThere() throws Exception {
        var p = open();
        p.updateUserData(1, new Profile("one", 1, List.of(), 1));
        p.updateConversation("c", ConversationKey.ofChat(1), Optional.of(1));
        var q = reopen(p);
        q.updateUserData(2, new Profile("two", 2, List.of(), 2));
        q.updateConversation("c", ConversationKey.ofChat(2), Optional.of(2));
        q.dropUserData(1);
        q.updateUserData(3, new Profile("three", 3, List.of(), 3));

        var r = reopen(q);
        assertEquals(Map.of(2L, new Profile("two", 2, List.of(), 2), 3L, new Profile("three", 3, List.of(), 3)),
                r.getUserData());
        assertEquals(Map.of(ConversationKey.ofChat(1), 1, ConversationKey.ofChat(2), 2), r.getConversations("c"));
    }

    // ------------------------------------------------------------------------------------------- hostile

    @Test
    void hostileValuesRoundTrip() throws Exception {
        var p = open();
        String unicode = "emoji 🤖👩‍💻 rtl שלום العربية nul \u0000 quote \" backslash \\ newline \n tab \t "
                + "line-sep \u2028 bom \uFEFF cjk 漢字 </script>{\"a\":1}";
        String huge = "x".repeat(hugeStringLength() - 1) + "é";
        long[] ids = {Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, -1001234567890L};
        for (long id : ids) {
            p.updateUserData(id, new Profile(unicode, Integer.MIN_VALUE, List.of(unicode, ""), Long.MIN_VALUE));
            p.updateChatData(id, new Settings(unicode, Map.of(unicode, Long.MAX_VALUE)));
            p.updateConversation(unicode, new ConversationKey(OptionalLong.of(id), OptionalLong.of(id),
                    OptionalLong.empty(), Optional.of(unicode)), Optional.of(unicode));
        }
        Map<String, Object> bot = new HashMap<>();
        bot.put("huge", huge);
        bot.put(unicode, unicode);
        bot.put("", "empty key");
        p.updateBotData(bot);

        var q = reopen(p);
        Map<Long, Profile> users = q.getUserData();
        Map<Long, Settings> chats = q.getChatData();
        Map<ConversationKey, Object> conversations = q.getConversations(unicode);
        assertEquals(ids.length, users.size());
        for (long id : ids) {
            assertEquals(new Profile(unicode, Integer.MIN_VALUE, List.of(unicode, ""), Long.MIN_VALUE), users.get(id),
                    "user " + id);
            assertEquals(new Settings(unicode, Map.of(unicode, Long.MAX_VALUE)), chats.get(id), "chat " + id);
            assertEquals(unicode, conversations.get(new ConversationKey(OptionalLong.of(id), OptionalLong.of(id),
                    OptionalLong.empty(), Optional.of(unicode))));
        }
        Map<String, Object> loaded = q.getBotData().orElseThrow();
        assertEquals(huge.length(), ((String) loaded.get("huge")).length());
        assertEquals(bot, loaded);
    }

    @Test
    void dataThatCannotBeWrittenFailsTheCallAndTheStoreGoesOn() throws Exception {
        var p = open();
        p.updateBotData(Map.of("good", 1));
        Map<String, Object> bad = new HashMap<>();
        bad.put("thread", new Unwritable());
        RuntimeException e = assertThrows(RuntimeException.class, () -> p.updateBotData(bad));
        assertTrue(String.valueOf(e.getMessage()).contains("bot data"), e.getMessage());
        p.updateUserData(1, Profile.empty());
        var q = reopen(p);
        assertEquals(Optional.of(Map.of("good", 1)), q.getBotData());
        assertEquals(Map.of(1L, Profile.empty()), q.getUserData());
    }

    /** Jackson cannot write it: its only property fails. */
    static final class Unwritable {
        @com.fasterxml.jackson.annotation.JsonProperty
        Object boom() {
            throw new IllegalStateException("this value refuses to be serialised");
        }
    }

    // ---------------------------------------------------------------------------------------- concurrency

    @Test
    void concurrentUpdatesOfDifferentIdsFromSeveralThreadsAreAllStored() throws Exception {
        var p = open();
        int threads = 8;
        int perThread = 25;
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long id = thread * 1_000L + i;
                        p.updateUserData(id, new Profile("u" + id, i, List.of(), id));
                        p.updateChatData(-id, settings("c" + id, id));
                        p.updateConversation("conc", ConversationKey.of(-id, id), Optional.of(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        var q = reopen(p);
        Map<Long, Profile> users = q.getUserData();
        Map<Long, Settings> chats = q.getChatData();
        assertEquals(threads * perThread, users.size());
        assertEquals(threads * perThread, chats.size());
        assertEquals(threads * perThread, q.getConversations("conc").size());
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                long id = t * 1_000L + i;
                assertEquals(new Profile("u" + id, i, List.of(), id), users.get(id));
                assertEquals(settings("c" + id, id), chats.get(-id));
            }
        }
    }
}
