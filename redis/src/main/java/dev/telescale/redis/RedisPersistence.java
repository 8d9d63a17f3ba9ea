package dev.telescale.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.DataCodec;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.persistence.PersistenceException;
import dev.telescale.core.persistence.RetryPolicy;
import dev.telescale.core.persistence.StoreData;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A {@link Persistence} on Redis, through Lettuce: user and chat data in one hash each ({@code <prefix>user_data},
 * {@code <prefix>chat_data}, field = id, value = JSON), the bot data and the callback data as strings, and each
 * conversation handler's states in a hash {@code <prefix>conversations:<name>} (field = the key as JSON), all JSON
 * made by core's {@link DataCodec} (the same as the in-memory and file stores write). Several
 * instances of one bot can share it; with {@link Builder#readThrough(boolean) readThrough} each update reads its
 * chat's and user's data and conversation state first.
 * <pre>{@code
 * RedisPersistence<Profile, Settings, Stats> store = RedisPersistence.builder()
 *         .uri("redis://localhost:6379/0")
 *         .types(Profile.class, Settings.class, Stats.class)   // or .codec(DataCodec.of(...)) shared by all stores
 *         .build();
 * }</pre>
 * A command that fails because the connection is down is tried again with back-off (Lettuce reconnects by
 * itself), then thrown as a {@link PersistenceException} naming the key and field; the Application hands it to the
 * error handlers and writes the data again on its next run. Durability is Redis's: run it with AOF
 * ({@code appendonly yes}) when the data matter.
 *
 * @param <U> user data type
 * @param <C> chat data type
 * @param <B> bot data type
 */
public final class RedisPersistence<U, C, B> implements Persistence<U, C, B>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisPersistence.class);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_:.\\-]{0,64}");
    /** The layout of keys this code writes; a newer one in the database is refused. */
    static final int SCHEMA_VERSION = 1;

    private final RedisURI uri;
    private final String prefix;
    private final DataCodec<U, C, B> codec;
    private final StoreData storeData;
    private final Duration updateInterval;
    private final boolean readThrough;
    private final RetryPolicy retry;
    private final Duration commandTimeout;

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private volatile boolean schemaChecked;

    private RedisPersistence(Builder<U, C, B> b) {
        this.uri = b.uri;
        this.prefix = b.prefix;
        this.codec = b.codec;
        this.storeData = b.storeData;
        this.updateInterval = b.updateInterval;
        this.readThrough = b.readThrough;
        this.retry = b.retry;
        this.commandTimeout = b.commandTimeout;
    }

    /** A builder storing map data ({@link DataCodec#maps()}: the default context types' data). */
    public static Builder<Map<String, Object>, Map<String, Object>, Map<String, Object>> builder() {
        return new Builder<>(DataCodec.maps());
    }

    @Override
    public StoreData storeData() {
        return storeData;
    }

    @Override
    public Duration updateInterval() {
        return updateInterval;
    }

    /** Whether the refresh hooks and {@link #getConversation} read Redis before each update. */
    @Override
    public boolean readThrough() {
        return readThrough;
    }

    // ------------------------------------------------------------------------------------------------------ keys

    private String key(String name) {
        return prefix + name;
    }

    private String conversationKey(String name) {
        return prefix + "conversations:" + name;
    }

    // ------------------------------------------------------------------------------------------------------ load

    @Override
    public Map<Long, U> getUserData() {
        return loadAll("user_data", codec::decodeUserData);
    }

    @Override
    public Map<Long, C> getChatData() {
        return loadAll("chat_data", codec::decodeChatData);
    }

    private <T> Map<Long, T> loadAll(String name, BiFunction<Long, JsonNode, T> decode) {
        String k = key(name);
        Map<String, String> all = call("loading " + k, r -> r.hgetall(k));
        Map<Long, T> result = new HashMap<>();
        all.forEach((field, value) -> {
            long id;
            try {
                id = Long.parseLong(field);
            } catch (NumberFormatException e) {
                throw new PersistenceException("hash " + k + ": field '" + field + "' is not a numeric id", e);
            }
            String where = "hash " + k + ", id " + id;
            result.put(id, DataCodec.decodeAt(where, () -> decode.apply(id, codec.parseText(value, where))));
        });
        return result;
    }

    @Override
    public Optional<B> getBotData() {
        String k = key("bot_data");
        return Optional.ofNullable(call("reading " + k, r -> r.get(k)))
                .map(s -> DataCodec.decodeAt("key " + k, () -> codec.decodeBotData(codec.parseText(s, "key " + k))));
    }

    @Override
    public Optional<CallbackDataSnapshot> getCallbackData() {
        String k = key("callback_data");
        return Optional.ofNullable(call("reading " + k, r -> r.get(k)))
                .map(s -> DataCodec.decodeAt("key " + k,
                        () -> codec.decodeCallbackData(codec.parseText(s, "key " + k))));
    }

    @Override
    public Map<ConversationKey, Object> getConversations(String name) {
        Objects.requireNonNull(name, "name");
        String k = conversationKey(name);
        Map<String, String> all = call("loading " + k, r -> r.hgetall(k));
        Map<ConversationKey, Object> result = new HashMap<>();
        all.forEach((field, state) -> {
            String where = "hash " + k + ", field " + field;
            result.put(DataCodec.decodeAt(where, () -> codec.keyFromString(field)),
                    DataCodec.decodeAt(where, () -> codec.decodeState(codec.parseText(state, where))));
        });
        return result;
    }

    /** The stored state of one conversation (read-through: read before each update of that conversation). */
    @Override
    public Optional<Object> getConversation(String name, ConversationKey key) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        String k = conversationKey(name);
        String field = codec.keyToString(key);
        String where = "hash " + k + ", field " + field;
        return Optional.ofNullable(call("reading " + k + " field " + field, r -> r.hget(k, field)))
                .map(s -> DataCodec.decodeAt(where, () -> codec.decodeState(codec.parseText(s, where))));
    }

    // ---------------------------------------------------------------------------------------------------- update

    @Override
    public void updateUserData(long userId, U data) {
        String k = key("user_data");
        String value = codec.toText(codec.encodeUserData(userId, data));
        call("writing " + k + " id " + userId, r -> r.hset(k, Long.toString(userId), value));
    }

    @Override
    public void updateChatData(long chatId, C data) {
        String k = key("chat_data");
        String value = codec.toText(codec.encodeChatData(chatId, data));
        call("writing " + k + " id " + chatId, r -> r.hset(k, Long.toString(chatId), value));
    }

    @Override
    public void updateBotData(B data) {
        String k = key("bot_data");
        String value = codec.toText(codec.encodeBotData(data));
        call("writing " + k, r -> r.set(k, value));
    }

    @Override
    public void updateCallbackData(CallbackDataSnapshot data) {
        String k = key("callback_data");
        String value = codec.toText(codec.encodeCallbackData(data));
        call("writing " + k, r -> r.set(k, value));
    }

    @Override
    public void updateConversation(String name, ConversationKey key, Optional<Object> newState) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(newState, "newState");
        String k = conversationKey(name);
        String field = codec.keyToString(key);
        if (newState.isEmpty()) {
            call("deleting " + k + " field " + field, r -> r.hdel(k, field));
            return;
        }
        String state = codec.toText(codec.encodeState(newState.get()));
        call("writing " + k + " field " + field, r -> r.hset(k, field, state));
    }

    @Override
    public void dropUserData(long userId) {
        String k = key("user_data");
        call("deleting " + k + " id " + userId, r -> r.hdel(k, Long.toString(userId)));
    }

    @Override
    public void dropChatData(long chatId) {
        String k = key("chat_data");
        call("deleting " + k + " id " + chatId, r -> r.hdel(k, Long.toString(chatId)));
    }

    // --------------------------------------------------------------------------------------------------- refresh

    /**
     * With read-through, this user's data as stored now: a new object decoded from Redis (records work as well as
     * classes and maps), which the application puts in place of {@code data}. Nothing stored, or read-through off:
     * {@code data} itself.
     */
    @Override
    public U refreshUserData(long userId, U data) {
        return readThrough ? refreshField(key("user_data"), userId, data, codec::decodeUserData) : data;
    }

    /** As {@link #refreshUserData} for a chat's data. */
    @Override
    public C refreshChatData(long chatId, C data) {
        return readThrough ? refreshField(key("chat_data"), chatId, data, codec::decodeChatData) : data;
    }

    /** As {@link #refreshUserData} for the bot data. */
    @Override
    public B refreshBotData(B data) {
        return readThrough ? getBotData().orElse(data) : data;
    }

    private <T> T refreshField(String k, long id, T data, BiFunction<Long, JsonNode, T> decode) {
        String stored = call("reading " + k + " id " + id, r -> r.hget(k, Long.toString(id)));
        if (stored == null) {
            return data;
        }
        String where = "hash " + k + ", id " + id;
        return DataCodec.decodeAt(where, () -> decode.apply(id, codec.parseText(stored, where)));
    }

    // ----------------------------------------------------------------------------------------------------- flush

    /** Every write is done when it returns; this closes the connection (reopened on a later call). */
    @Override
    public void flush() {
        close();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                connection.close();
                connection = null;
            }
            if (client != null) {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
                client = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "RedisPersistence[prefix=" + prefix + ", readThrough=" + readThrough + "]";
    }

    // ---------------------------------------------------------------------------------------------- connection

    private RedisCommands<String, String> commands() {
        lock.lock();
        try {
            if (connection == null) {
                if (client == null) {
                    client = RedisClient.create(uri);
                    client.setOptions(ClientOptions.builder()
                            .autoReconnect(true)
                            // Fail at once while disconnected (and retry here) instead of queueing commands.
                            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                            .build());
                }
                connection = client.connect();
                connection.setTimeout(commandTimeout);
            }
            return connection.sync();
        } finally {
            lock.unlock();
        }
    }

    private void checkSchema(RedisCommands<String, String> r) {
        String k = key("schema_version");
        r.setnx(k, Integer.toString(SCHEMA_VERSION));
        String stored = r.get(k);
        int version;
        try {
            version = Integer.parseInt(stored);
        } catch (NumberFormatException e) {
            throw new PersistenceException("key " + k + " holds '" + stored + "', not a schema version number; "
                    + "is another program using the prefix '" + prefix + "'?", e);
        }
        if (version > SCHEMA_VERSION) {
            throw new PersistenceException("key " + k + " says the layout is at version " + version + ", but this "
                    + "telescale-redis knows versions up to " + SCHEMA_VERSION + ": the data were written by a newer "
                    + "Telescale. Upgrade telescale-redis, or give this bot another key prefix; nothing was touched.");
        }
        schemaChecked = true;
    }

    /** Runs one command, retrying connection failures with back-off; {@code what} names it in errors. */
    private <T> T call(String what, Function<RedisCommands<String, String>, T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                RedisCommands<String, String> r = commands();
                if (!schemaChecked) {
                    checkSchema(r);
                }
                return command.apply(r);
            } catch (RedisCommandExecutionException e) {
                throw new PersistenceException(what + " failed: " + e.getMessage(), e); // the server refused it
            } catch (RedisException e) {
                if (attempt >= retry.attempts()) {
                    String tries = attempt > 1 ? " (after " + attempt + " tries)" : "";
                    throw new PersistenceException(what + " failed" + tries + ": " + e.getMessage(), e);
                }
                Duration wait = retry.backoffAfter(attempt);
                log.warn("{} failed (try {} of {}): {}; retrying in {} ms", what, attempt, retry.attempts(),
                        e.getMessage(), wait.toMillis());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    PersistenceException p = new PersistenceException(what + " interrupted while waiting to retry",
                            interrupted);
                    p.addSuppressed(e);
                    throw p;
                }
            }
        }
    }

    /**
     * Builds a {@link RedisPersistence}. Give the server ({@link #uri}) and the data types ({@link #types});
     * everything else has a default.
     *
     * @param <U> user data type
     * @param <C> chat data type
     * @param <B> bot data type
     */
    public static final class Builder<U, C, B> {
        private final DataCodec<U, C, B> codec;
        private RedisURI uri;
        private String prefix = "telescale:";
        private StoreData storeData = StoreData.ALL;
        private Duration updateInterval = Persistence.DEFAULT_UPDATE_INTERVAL;
        private boolean readThrough;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration commandTimeout = Duration.ofSeconds(5);

        private Builder(DataCodec<U, C, B> codec) {
            this.codec = codec;
        }

        /**
         * How data, conversation states, keys and the callback data become JSON: the application's one
         * {@link DataCodec}, shared with any other store. Returns a builder for the codec's data types, with every
         * option set so far.
         */
        public <U2, C2, B2> Builder<U2, C2, B2> codec(DataCodec<U2, C2, B2> codec) {
            Builder<U2, C2, B2> n = new Builder<>(Objects.requireNonNull(codec, "codec"));
            n.uri = uri;
            n.prefix = prefix;
            n.storeData = storeData;
            n.updateInterval = updateInterval;
            n.readThrough = readThrough;
            n.retry = retry;
            n.commandTimeout = commandTimeout;
            return n;
        }

        /**
         * Your classes (or records) for user, chat and bot data: a shortcut for
         * {@code codec(DataCodec.of(user, chat, bot))}. Generic types: {@code codec(DataCodec.of(TypeReference...))}.
         */
        public <U2, C2, B2> Builder<U2, C2, B2> types(Class<U2> user, Class<C2> chat, Class<B2> bot) {
            return codec(DataCodec.of(user, chat, bot));
        }

        /** The server, e.g. {@code redis://localhost:6379/0} or {@code rediss://:password@host:6380/1}. */
        public Builder<U, C, B> uri(String uri) {
            this.uri = RedisUris.parse(uri);
            return this;
        }

        /** The server as a Lettuce {@link RedisURI} (sentinel, TLS, credentials, client name, ...). */
        public Builder<U, C, B> uri(RedisURI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Prefix of every key (default {@code telescale:}); lets several bots share one database. */
        public Builder<U, C, B> keyPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("key prefix '" + prefix + "' may have up to 64 letters, digits "
                        + "and _ : . -");
            }
            this.prefix = prefix;
            return this;
        }

        /** Which kinds of data are stored (default all). */
        public Builder<U, C, B> storeData(StoreData storeData) {
            this.storeData = Objects.requireNonNull(storeData, "storeData");
            return this;
        }

        /** How often the Application writes changed data (default 60 s). */
        public Builder<U, C, B> updateInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("update interval must be positive, got " + interval);
            }
            this.updateInterval = interval;
            return this;
        }

        /**
         * Read-through for several instances (see {@link Persistence#readThrough()}): each refresh decodes a new
         * object from Redis, so any data type works, records included.
         */
        public Builder<U, C, B> readThrough(boolean on) {
            this.readThrough = on;
            return this;
        }

        /**
         * Retries on connection failure (default {@link RetryPolicy#DEFAULT}: 4 tries, 200 ms doubling up to 5 s); a
         * command the server refused is thrown at once.
         */
        public Builder<U, C, B> retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** How long one command may take (default 5 s). */
        public Builder<U, C, B> commandTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("command timeout must be positive, got " + timeout);
            }
            this.commandTimeout = timeout;
            return this;
        }

        /**
         * The persistence; connects on first use.
         *
         * @throws IllegalArgumentException when no URI was given
         */
        public RedisPersistence<U, C, B> build() {
            if (uri == null) {
                throw new IllegalArgumentException("give the Redis server with uri(\"redis://host:port/db\")");
            }
            return new RedisPersistence<>(this);
        }
    }
}
