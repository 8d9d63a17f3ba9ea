package dev.telescale.redis;

import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.PersistenceContract;
import dev.telescale.core.persistence.PersistenceException;
import dev.telescale.core.persistence.RetryPolicy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RedisPersistence against a real redis-server (one per class; a new key prefix per case). */
class RedisPersistenceTest {

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

    private static RedisServer server;
    private String prefix;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void freshPrefix() {
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    RedisPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> maps() {
        return RedisPersistence.builder().uri(server.uri()).keyPrefix(prefix).build();
    }

    void redis(Consumer<io.lettuce.core.api.sync.RedisCommands<String, String>> commands) {
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            commands.accept(c.sync());
        } finally {
            client.shutdown();
        }
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
    void emptyStoreHasNoData() {
        try (var store = maps()) {
            assertEquals(Map.of(), store.getUserData());
            assertEquals(Optional.empty(), store.getBotData());
            assertEquals(Optional.empty(), store.getCallbackData());
            assertEquals(Map.of(), store.getConversations("any"));
        }
    }

    @Test
    void writesReplaceTheValueOfTheirIdAndDropsDeleteIt() {
        try (var store = maps()) {
            store.updateUserData(1, Map.of("v", 1));
            store.updateUserData(2, Map.of("v", 2));
            store.updateUserData(1, Map.of("v", 10));
            store.updateChatData(5, Map.of("c", 5));
            store.dropUserData(2);
            store.dropChatData(5);
            store.dropChatData(404);
            assertEquals(Map.of(1L, Map.of("v", 10)), store.getUserData());
            assertEquals(Map.of(), store.getChatData());
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
        }
    }

    @Test
    void typedDataGoThroughJackson() {
        var builder = RedisPersistence.builder().uri(server.uri()).keyPrefix(prefix)
                .types(Profile.class, Settings.class, Settings.class);
        try (var store = builder.build()) {
            store.updateUserData(1, new Profile("Ann", List.of("a")));
            store.updateChatData(2, new Settings("de", 7));
        }
        try (var store = builder.build()) {
            assertEquals("Ann", store.getUserData().get(1L).name);
            assertEquals(Map.of(2L, new Settings("de", 7)), store.getChatData());
        }
    }

    @Test
    void readThroughReturnsWhatAnotherInstanceWrote() {
        try (var a = RedisPersistence.builder().uri(server.uri()).keyPrefix(prefix).readThrough(true).build();
             var b = RedisPersistence.builder().uri(server.uri()).keyPrefix(prefix).readThrough(true)
                     .types(Profile.class, Settings.class, Settings.class).build()) {
            a.updateUserData(9, Map.of("name", "new", "tags", List.of("t")));
            a.updateChatData(8, Map.of("language", "de", "volume", 7));
            Profile user = b.refreshUserData(9, new Profile("old", List.of()));
            assertEquals("new", user.name);
            assertEquals(new Settings("de", 7), b.refreshChatData(8, new Settings("en", 0)), "records work");
            Settings none = new Settings("it", 1);
            assertSame(none, b.refreshChatData(404, none), "nothing stored: the data passed in stays");
            Map<String, Object> stale = new ConcurrentHashMap<>(Map.of("stale", 1));
            a.updateBotData(Map.of("total", 5));
            assertEquals(Map.of("total", 5), a.refreshBotData(stale));
            assertEquals(Map.of("stale", 1), stale, "the object passed in is not changed");
        }
        try (var off = maps()) {
            Map<String, Object> live = new ConcurrentHashMap<>();
            assertSame(live, off.refreshUserData(9, live), "without read-through nothing is read");
        }
    }

    @Test
    void corruptJsonIsAnErrorNamingKeyAndId() {
        try (var store = maps()) {
            store.updateUserData(77, Map.of("ok", true));
        }
        redis(r -> r.hset(prefix + "user_data", "77", "{\"broken"));
        try (var store = maps()) {
            PersistenceException e = assertThrows(PersistenceException.class, store::getUserData);
            assertTrue(e.getMessage().contains(prefix + "user_data") && e.getMessage().contains("id 77"),
                    e.getMessage());
        }
        redis(r -> r.hset(prefix + "conversations:c", "nonsense", "1"));
        try (var store = maps()) {
            PersistenceException e = assertThrows(PersistenceException.class, () -> store.getConversations("c"));
            assertTrue(e.getMessage().contains(prefix + "conversations:c"), e.getMessage());
        }
    }

    @Test
    void aNewerLayoutVersionIsRefused() {
        try (var store = maps()) {
            store.updateUserData(1, Map.of("v", 1));
        }
        redis(r -> r.set(prefix + "schema_version", "9"));
        try (var store = maps()) {
            PersistenceException e = assertThrows(PersistenceException.class, store::getUserData);
            assertTrue(e.getMessage().contains("version 9") && e.getMessage().contains("newer Telescale"),
                    e.getMessage());
        }
    }

    @Test
    void aServerThatIsDownFailsAfterRetriesAndTheNextWriteAfterItsReturnSucceeds() {
        try (var store = RedisPersistence.builder().uri(server.uri()).keyPrefix(prefix)
                .retry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5)))
                .commandTimeout(Duration.ofSeconds(2)).build()) {
            store.updateUserData(1, Map.of("before", true));
            server.stop();
            try {
                PersistenceException down = assertThrows(PersistenceException.class,
                        () -> store.updateUserData(2, Map.of("while", "down")));
                assertTrue(down.getMessage().contains(prefix + "user_data id 2")
                        && down.getMessage().contains("after 3 tries"), down.getMessage());
            } finally {
                server.startAgain();
            }
            // Lettuce reconnects by itself; the retries cover the moments until it has.
            RedisPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> again =
                    RedisPersistence.builder().uri(server.uri()).keyPrefix(prefix)
                            .retry(new RetryPolicy(50, Duration.ofMillis(100), Duration.ofSeconds(5))).build();
            try (again) {
                again.updateUserData(2, Map.of("while", "down"));
                assertEquals(Map.of(1L, Map.of("before", true), 2L, Map.of("while", "down")), again.getUserData());
            }
            // The same store, as the Application's next persistence runs would: it gets through once Lettuce has
            // reconnected in the background.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    store.updateUserData(3, Map.of("after", true));
                    break;
                } catch (PersistenceException stillReconnecting) {
                    if (System.nanoTime() > deadline) {
                        throw stillReconnecting;
                    }
                }
            }
            assertEquals(3, store.getUserData().size());
        }
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RedisPersistence.builder().build());
        assertThrows(IllegalArgumentException.class, () -> RedisPersistence.builder().keyPrefix("a b"));
        assertThrows(IllegalArgumentException.class, () -> RedisPersistence.builder().uri("http://x"));
        assertThrows(IllegalArgumentException.class,
                () -> RedisPersistence.builder().retry(new RetryPolicy(0, Duration.ZERO, Duration.ZERO)));
    }
}
