package dev.telescale.jdbc;

import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.PersistenceContract;
import dev.telescale.core.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What JdbcPersistence does on each database: the subclasses give a fresh database per case. */
abstract class JdbcPersistenceCases {

    /** A class with public fields and a no-argument constructor. */
    public static final class Profile {
        public String name;
        public List<String> tags;

        public Profile() {
        }

        Profile(String name, List<String> tags) {
            this.name = name;
            this.tags = tags;
        }
    }

    public record Settings(String language, int volume) {
    }

    protected String url;

    /** A new, empty database. */
    abstract String newDatabaseUrl();

    @BeforeEach
    void freshDatabase() {
        url = newDatabaseUrl();
    }

    JdbcPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> maps() {
        return JdbcPersistence.builder().url(url).build();
    }

    @Test
    void dataWrittenIsReadBackAfterReopening() {
        try (var store = maps()) {
            store.updateUserData(42, Map.of("name", "Ann", "count", 3));
            store.updateChatData(-100123, Map.of("topic", "cats"));
            store.updateBotData(Map.of("started", true));
            store.updateCallbackData(PersistenceContract.callbackSnapshot());
        }
        try (var store = maps()) {
            assertEquals(Map.of(42L, Map.of("name", "Ann", "count", 3)), store.getUserData());
            assertEquals(Map.of(-100123L, Map.of("topic", "cats")), store.getChatData());
            assertEquals(Optional.of(Map.of("started", true)), store.getBotData());
            assertEquals(Optional.of(PersistenceContract.callbackSnapshot()), store.getCallbackData());
        }
    }

    @Test
    void emptyDatabaseHasNoData() {
        try (var store = maps()) {
            assertEquals(Map.of(), store.getUserData());
            assertEquals(Map.of(), store.getChatData());
            assertEquals(Optional.empty(), store.getBotData());
            assertEquals(Optional.empty(), store.getCallbackData());
            assertEquals(Map.of(), store.getConversations("any"));
        }
    }

    @Test
    void writesReplaceTheRowOfTheirIdAndDropsDeleteIt() {
        try (var store = maps()) {
            store.updateUserData(1, Map.of("v", 1));
            store.updateUserData(2, Map.of("v", 2));
            store.updateUserData(1, Map.of("v", 10));
            store.updateChatData(5, Map.of("c", 5));
            store.dropUserData(2);
            store.dropChatData(5);
            store.dropChatData(404); // nothing stored: no error
            store.updateBotData(Map.of("b", 1));
            store.updateBotData(Map.of("b", 2));
            assertEquals(Map.of(1L, Map.of("v", 10)), store.getUserData());
            assertEquals(Map.of(), store.getChatData());
            assertEquals(Optional.of(Map.of("b", 2)), store.getBotData());
        }
    }

    @Test
    void conversationsAreKeyedByNameAndKey() {
        ConversationKey chatUser = ConversationKey.of(-100, 7);
        ConversationKey chatOnly = ConversationKey.ofChat(-100);
        ConversationKey inline = ConversationKey.ofUser(7).withInlineMessageId("AAE-x");
        try (var store = maps()) {
            store.updateConversation("order", chatUser, Optional.of(2));
            store.updateConversation("order", chatOnly, Optional.of("ASK_SIZE"));
            store.updateConversation("order", inline, Optional.of(Thread.State.RUNNABLE));
            store.updateConversation("other", chatUser, Optional.of(5));
            store.updateConversation("other", chatUser.withThreadId(12), Optional.of(6));
            store.updateConversation("order", chatUser, Optional.of(3));
        }
        try (var store = maps()) {
            assertEquals(Map.of(chatUser, 3, chatOnly, "ASK_SIZE", inline, "RUNNABLE"), store.getConversations("order"));
            assertEquals(Optional.of(5), store.getConversation("other", chatUser));
            assertEquals(Optional.of(6), store.getConversation("other", chatUser.withThreadId(12)));
            assertEquals(Optional.empty(), store.getConversation("other", chatOnly));
            store.updateConversation("order", chatUser, Optional.empty());
            assertEquals(Optional.empty(), store.getConversation("order", chatUser));
            assertEquals(2, store.getConversations("order").size());
        }
    }

    @Test
    void typedDataGoThroughJackson() {
        var builder = JdbcPersistence.builder().url(url).types(Profile.class, Settings.class, Settings.class);
        try (var store = builder.build()) {
            store.updateUserData(1, new Profile("Ann", List.of("a", "b")));
            store.updateChatData(2, new Settings("de", 7));
        }
        try (var store = builder.build()) {
            Profile p = store.getUserData().get(1L);
            assertEquals("Ann", p.name);
            assertEquals(List.of("a", "b"), p.tags);
            assertEquals(Map.of(2L, new Settings("de", 7)), store.getChatData());
        }
    }

    @Test
    void readThroughReturnsMapDataAnotherInstanceWrote() {
        try (var a = JdbcPersistence.builder().url(url).readThrough(true).build();
             var b = JdbcPersistence.builder().url(url).readThrough(true).build()) {
            Map<String, Object> liveInB = new ConcurrentHashMap<>(Map.of("stale", 1, "count", 1));
            a.updateUserData(9, Map.of("count", 2));
            a.updateChatData(8, Map.of("x", "y"));
            a.updateBotData(Map.of("total", 5));
            Map<String, Object> fresh = b.refreshUserData(9, liveInB);
            assertEquals(Map.of("count", 2), fresh);
            assertEquals(ConcurrentHashMap.class, fresh.getClass(), "the codec's map type, safe to share");
            assertEquals(Map.of("stale", 1, "count", 1), liveInB, "the object passed in is not changed");
            assertEquals(Map.of("x", "y"), b.refreshChatData(8, new ConcurrentHashMap<>()));
            assertEquals(Map.of("total", 5), b.refreshBotData(new ConcurrentHashMap<>()));
            Map<String, Object> unknown = new ConcurrentHashMap<>(Map.of("new", true));
            assertSame(unknown, b.refreshUserData(404, unknown), "nothing stored: the data passed in stays");
            assertTrue(b.readThrough());
        }
    }

    @Test
    void readThroughReturnsRecordsAndClassesAsStored() {
        var builder = JdbcPersistence.builder().url(url).types(Profile.class, Settings.class, Settings.class)
                .readThrough(true);
        try (var a = builder.build(); var b = builder.build()) {
            a.updateUserData(1, new Profile("new", List.of("t")));
            a.updateChatData(2, new Settings("de", 7));
            a.updateBotData(new Settings("fr", 1));
            Profile user = b.refreshUserData(1, new Profile("old", List.of()));
            assertEquals("new", user.name);
            assertEquals(List.of("t"), user.tags);
            assertEquals(new Settings("de", 7), b.refreshChatData(2, new Settings("en", 0)));
            assertEquals(new Settings("fr", 1), b.refreshBotData(new Settings("en", 0)));
            Settings none = new Settings("it", 3);
            assertSame(none, b.refreshChatData(404, none));
        }
    }

    @Test
    void aCorruptRowFailsTheRefreshNamingTableAndId() throws SQLException {
        try (var store = JdbcPersistence.builder().url(url).readThrough(true).build()) {
            store.updateUserData(5, Map.of("ok", true));
            execute("update telescale_user_data set data = '[1, 2]' where id = 5");
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> store.refreshUserData(5, new ConcurrentHashMap<>()));
            assertTrue(e.getMessage().contains("telescale_user_data") && e.getMessage().contains("id 5"),
                    e.getMessage());
        }
    }

    @Test
    void withoutReadThroughRefreshReadsNothing() {
        try (var store = maps()) {
            store.updateUserData(1, Map.of("v", 2));
            Map<String, Object> live = new HashMap<>(Map.of("v", 1));
            assertSame(live, store.refreshUserData(1, live));
            assertEquals(Map.of("v", 1), live);
        }
    }

    @Test
    void corruptJsonInARowIsAnErrorNamingTableAndId() throws SQLException {
        try (var store = maps()) {
            store.updateUserData(77, Map.of("ok", true));
        }
        execute("update telescale_user_data set data = '{\"broken' where id = 77");
        try (var store = maps()) {
            PersistenceException e = assertThrows(PersistenceException.class, store::getUserData);
            assertTrue(e.getMessage().contains("telescale_user_data") && e.getMessage().contains("id 77"),
                    e.getMessage());
        }
        execute("insert into telescale_conversations (name, conv_key, state) values ('\"c\"', 'nonsense', '1')");
        try (var store = maps()) {
            PersistenceException e = assertThrows(PersistenceException.class, () -> store.getConversations("c"));
            assertTrue(e.getMessage().contains("telescale_conversations"), e.getMessage());
        }
    }

    @Test
    void aNewerSchemaVersionIsRefusedAndLeftAlone() throws SQLException {
        try (var store = maps()) {
            store.updateUserData(1, Map.of("v", 1));
        }
        execute("update telescale_schema_version set version = 99");
        try (var store = maps()) {
            PersistenceException e = assertThrows(PersistenceException.class, store::getUserData);
            assertTrue(e.getMessage().contains("version 99") && e.getMessage().contains("newer Telescale"),
                    e.getMessage());
        }
        execute("update telescale_schema_version set version = " + Schema.LATEST);
        try (var store = maps()) {
            assertEquals(Map.of(1L, Map.of("v", 1)), store.getUserData());
        }
    }

    @Test
    void conversationsWrittenBeforeNamesWereStoredAsJsonSurviveTheMigration() throws SQLException {
        ConversationKey key = ConversationKey.of(-100, 7);
        try (var store = maps()) {
            store.updateConversation("order", key, Optional.of(2));
        }
        // Back to version 2's layout: the name as plain text.
        execute("update telescale_conversations set name = 'order'");
        execute("update telescale_schema_version set version = 2");
        try (var store = maps()) {
            assertEquals(Map.of(key, 2), store.getConversations("order"));
            store.updateConversation("order", key, Optional.of(3));
            assertEquals(Optional.of(3), store.getConversation("order", key));
        }
    }

    @Test
    void tablePrefixesKeepBotsApart() {
        try (var a = JdbcPersistence.builder().url(url).tablePrefix("bot_a_").build();
             var b = JdbcPersistence.builder().url(url).tablePrefix("bot_b_").build()) {
            a.updateUserData(1, Map.of("bot", "a"));
            b.updateUserData(1, Map.of("bot", "b"));
            assertEquals(Map.of(1L, Map.of("bot", "a")), a.getUserData());
            assertEquals(Map.of(1L, Map.of("bot", "b")), b.getUserData());
        }
        assertThrows(IllegalArgumentException.class,
                () -> JdbcPersistence.builder().url(url).tablePrefix("x; drop table y").build());
        assertThrows(IllegalArgumentException.class, () -> JdbcPersistence.builder().url("bot.db").build());
        assertThrows(IllegalArgumentException.class, () -> JdbcPersistence.builder().build());
    }

    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
