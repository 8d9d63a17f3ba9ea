package dev.telescale.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.DataCodec;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.persistence.PersistenceException;
import dev.telescale.core.persistence.RetryPolicy;
import dev.telescale.core.persistence.StoreData;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A {@link Persistence} in a relational database: SQLite (a single file, no server — the default for a bot that
 * wants durability) or PostgreSQL (shared by several instances of one bot). Data are stored as JSON through Jackson
 * in your own types through core's {@link DataCodec} (the same JSON as the in-memory and file stores); the module
 * creates and migrates its tables ({@code <prefix>user_data}, {@code chat_data},
 * {@code bot_state}, {@code conversations}, {@code schema_version}).
 * <pre>{@code
 * JdbcPersistence<Profile, Settings, Stats> store = JdbcPersistence.builder()
 *         .sqliteFile(Path.of("bot.db"))                 // or .url("jdbc:postgresql://db/bot", user, password)
 *         .types(Profile.class, Settings.class, Stats.class)   // or .codec(DataCodec.of(...)) shared by all stores
 *         .build();
 * Application.builder().token(token).contextTypes(ContextTypes.of(Profile::new, Settings::new, Stats::new), store)...
 * }</pre>
 * Each write is one upsert per id in its own transaction; a connection failure is retried with back-off
 * ({@link RetryPolicy}) and then thrown as a {@code PersistenceException}, which the Application hands to the error
 * handlers and retries on its next run. With {@link Builder#readThrough(boolean) readThrough} the refresh hooks and
 * {@code getConversation} read the current row before each update, so instances sharing a database never work on
 * stale data.
 *
 * @param <U> user data type
 * @param <C> chat data type
 * @param <B> bot data type
 */
public final class JdbcPersistence<U, C, B> implements Persistence<U, C, B>, AutoCloseable {

    private static final String BOT_DATA = "bot_data";
    private static final String CALLBACK_DATA = "callback_data";

    private final Database db;
    private final DataCodec<U, C, B> codec;
    private final StoreData storeData;
    private final Duration updateInterval;
    private final boolean readThrough;

    private JdbcPersistence(Builder<U, C, B> b) {
        this.db = new Database(b.dataSource, b.url, b.user, b.password, b.connectionTimeout, b.tablePrefix, b.retry);
        this.codec = b.codec;
        this.storeData = b.storeData;
        this.updateInterval = b.updateInterval;
        this.readThrough = b.readThrough;
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

    /** Whether the refresh hooks and {@link #getConversation} read the database before each update. */
    @Override
    public boolean readThrough() {
        return readThrough;
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

    private <T> Map<Long, T> loadAll(String table, BiFunction<Long, JsonNode, T> decode) {
        String t = db.table(table);
        return db.transaction("loading " + t, c -> {
            Map<Long, T> result = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select id, data from " + t);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String where = "table " + t + ", id " + id;
                    String data = rs.getString(2);
                    result.put(id, DataCodec.decodeAt(where, () -> decode.apply(id, codec.parseText(data, where))));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<B> getBotData() {
        String where = where(BOT_DATA);
        return readState(BOT_DATA)
                .map(s -> DataCodec.decodeAt(where, () -> codec.decodeBotData(codec.parseText(s, where))));
    }

    @Override
    public Optional<CallbackDataSnapshot> getCallbackData() {
        String where = where(CALLBACK_DATA);
        return readState(CALLBACK_DATA)
                .map(s -> DataCodec.decodeAt(where, () -> codec.decodeCallbackData(codec.parseText(s, where))));
    }

    private String where(String kind) {
        return "table " + db.table("bot_state") + ", kind " + kind;
    }

    private Optional<String> readState(String kind) {
        String t = db.table("bot_state");
        return db.transaction("reading " + kind + " from " + t,
                c -> Optional.ofNullable(selectString(c, "select data from " + t + " where kind = ?", kind)));
    }

    @Override
    public Map<ConversationKey, Object> getConversations(String name) {
        Objects.requireNonNull(name, "name");
        String t = db.table("conversations");
        return db.transaction("loading conversation '" + name + "' from " + t, c -> {
            Map<ConversationKey, Object> result = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select conv_key, state from " + t + " where name = ?")) {
                ps.setString(1, nameJson(name));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        String where = "table " + t + ", conversation '" + name + "', key " + key;
                        String state = rs.getString(2);
                        result.put(DataCodec.decodeAt(where, () -> codec.keyFromString(key)),
                                DataCodec.decodeAt(where, () -> codec.decodeState(codec.parseText(state, where))));
                    }
                }
            }
            return result;
        });
    }

    /** The stored state of one conversation (read-through: read before each update of that conversation). */
    @Override
    public Optional<Object> getConversation(String name, ConversationKey key) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        String t = db.table("conversations");
        String k = codec.keyToString(key);
        String where = "table " + t + ", conversation '" + name + "', key " + k;
        return db.transaction("reading conversation '" + name + "' " + key + " from " + t,
                c -> Optional.ofNullable(selectString(c, "select state from " + t + " where name = ? and conv_key = ?",
                        nameJson(name), k)))
                .map(s -> DataCodec.decodeAt(where, () -> codec.decodeState(codec.parseText(s, where))));
    }

    // ---------------------------------------------------------------------------------------------------- update

    @Override
    public void updateUserData(long userId, U data) {
        upsertId("user_data", userId, codec.toText(codec.encodeUserData(userId, data)));
    }

    @Override
    public void updateChatData(long chatId, C data) {
        upsertId("chat_data", chatId, codec.toText(codec.encodeChatData(chatId, data)));
    }

    private void upsertId(String table, long id, String data) {
        String t = db.table(table);
        db.transaction("writing " + t + " id " + id, c -> update(c,
                "insert into " + t + " (id, data) values (?, ?) on conflict (id) do update set data = excluded.data",
                id, data));
    }

    @Override
    public void updateBotData(B data) {
        writeState(BOT_DATA, codec.toText(codec.encodeBotData(data)));
    }

    @Override
    public void updateCallbackData(CallbackDataSnapshot data) {
        writeState(CALLBACK_DATA, codec.toText(codec.encodeCallbackData(data)));
    }

    private void writeState(String kind, String data) {
        String t = db.table("bot_state");
        db.transaction("writing " + kind + " to " + t, c -> update(c,
                "insert into " + t + " (kind, data) values (?, ?) on conflict (kind) do update set data = excluded.data",
                kind, data));
    }

    @Override
    public void updateConversation(String name, ConversationKey key, Optional<Object> newState) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(newState, "newState");
        String t = db.table("conversations");
        String k = codec.keyToString(key);
        String what = "writing conversation '" + name + "' " + key + " to " + t;
        if (newState.isEmpty()) {
            db.transaction(what, c -> update(c, "delete from " + t + " where name = ? and conv_key = ?",
                    nameJson(name), k));
            return;
        }
        String state = codec.toText(codec.encodeState(newState.get()));
        db.transaction(what, c -> update(c, "insert into " + t + " (name, conv_key, state) values (?, ?, ?) "
                + "on conflict (name, conv_key) do update set state = excluded.state", nameJson(name), k, state));
    }

    // ------------------------------------------------------------------------------------------------------ drop

    @Override
    public void dropUserData(long userId) {
        deleteId("user_data", userId);
    }

    @Override
    public void dropChatData(long chatId) {
        deleteId("chat_data", chatId);
    }

    private void deleteId(String table, long id) {
        String t = db.table(table);
        db.transaction("deleting " + t + " id " + id, c -> update(c, "delete from " + t + " where id = ?", id));
    }

    // --------------------------------------------------------------------------------------------------- refresh

    /**
     * With read-through, this user's data as stored now: a new object decoded from the row (records work as well
     * as classes and maps), which the application puts in place of {@code data}. No row, or read-through off:
     * {@code data} itself.
     */
    @Override
    public U refreshUserData(long userId, U data) {
        return readThrough ? refreshId("user_data", userId, data, codec::decodeUserData) : data;
    }

    /** As {@link #refreshUserData} for a chat's data. */
    @Override
    public C refreshChatData(long chatId, C data) {
        return readThrough ? refreshId("chat_data", chatId, data, codec::decodeChatData) : data;
    }

    /** As {@link #refreshUserData} for the bot data. */
    @Override
    public B refreshBotData(B data) {
        return readThrough ? getBotData().orElse(data) : data;
    }

    private <T> T refreshId(String table, long id, T data, BiFunction<Long, JsonNode, T> decode) {
        String t = db.table(table);
        String stored = db.transaction("reading " + t + " id " + id,
                c -> selectString(c, "select data from " + t + " where id = ?", id));
        if (stored == null) {
            return data;
        }
        String where = "table " + t + ", id " + id;
        return DataCodec.decodeAt(where, () -> decode.apply(id, codec.parseText(stored, where)));
    }

    // ----------------------------------------------------------------------------------------------------- flush

    /** Every write is committed when it returns; this closes the pool made from the URL (reopened on a later call). */
    @Override
    public void flush() {
        db.close();
    }

    /** As {@link #flush()}. */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "JdbcPersistence[prefix=" + db.prefix() + ", readThrough=" + readThrough + "]";
    }

    // ------------------------------------------------------------------------------------------------------ json

    /**
     * The stored form of a conversation handler's name: a JSON string, like the key beside it (PostgreSQL's text
     * cannot hold the NUL character a name may contain; JSON escapes it).
     */
    private String nameJson(String name) {
        return codec.toText(JsonNodeFactory.instance.textNode(name));
    }


    // ------------------------------------------------------------------------------------------------------- sql

    private static String selectString(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Integer update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setString(i + 1, (String) args[i]);
            }
        }
    }

    /**
     * Builds a {@link JdbcPersistence}. Give the database ({@link #sqliteFile}, {@link #url} or {@link #dataSource})
     * and the data types ({@link #codec} or its shortcut {@link #types}); everything else has a default.
     *
     * @param <U> user data type
     * @param <C> chat data type
     * @param <B> bot data type
     */
    public static final class Builder<U, C, B> {
        private final DataCodec<U, C, B> codec;
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private String tablePrefix = "telescale_";
        private StoreData storeData = StoreData.ALL;
        private Duration updateInterval = Persistence.DEFAULT_UPDATE_INTERVAL;
        private boolean readThrough;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration connectionTimeout = Duration.ofSeconds(5);

        private Builder(DataCodec<U, C, B> codec) {
            this.codec = codec;
        }

        /**
         * How data, conversation states, keys and the callback data become JSON: the application's one
         * {@link DataCodec}, shared with any other store (the JSON is the same as the in-memory and file stores').
         * Returns a builder for the codec's data types, with every option set so far.
         */
        public <U2, C2, B2> Builder<U2, C2, B2> codec(DataCodec<U2, C2, B2> codec) {
            Builder<U2, C2, B2> n = new Builder<>(Objects.requireNonNull(codec, "codec"));
            n.dataSource = dataSource;
            n.url = url;
            n.user = user;
            n.password = password;
            n.tablePrefix = tablePrefix;
            n.storeData = storeData;
            n.updateInterval = updateInterval;
            n.readThrough = readThrough;
            n.retry = retry;
            n.connectionTimeout = connectionTimeout;
            return n;
        }

        /**
         * Your classes (or records) for user, chat and bot data: a shortcut for
         * {@code codec(DataCodec.of(user, chat, bot))}. Generic types: {@code codec(DataCodec.of(TypeReference...))}.
         */
        public <U2, C2, B2> Builder<U2, C2, B2> types(Class<U2> user, Class<C2> chat, Class<B2> bot) {
            return codec(DataCodec.of(user, chat, bot));
        }

        /** A SQLite database in one file (created when missing), in WAL mode with durable commits. */
        public Builder<U, C, B> sqliteFile(Path file) {
            return url("jdbc:sqlite:" + Objects.requireNonNull(file, "file").toAbsolutePath());
        }

        /** A JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}); a small HikariCP pool is made for it. */
        public Builder<U, C, B> url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            this.dataSource = null;
            return this;
        }

        /** A JDBC URL with credentials (never logged). */
        public Builder<U, C, B> url(String url, String user, String password) {
            url(url);
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Your own connections (a pool you configure and close); SQLite should then be in WAL mode. */
        public Builder<U, C, B> dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.url = null;
            return this;
        }

        /** Prefix of every table (default {@code telescale_}); lets several bots share one database. */
        public Builder<U, C, B> tablePrefix(String prefix) {
            this.tablePrefix = Objects.requireNonNull(prefix, "prefix");
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
         * Read-through for several instances sharing the database: data and conversation state are read before
         * each update (and written after it by the Application); each refresh decodes a new object, so any data
         * type works, records included.
         */
        public Builder<U, C, B> readThrough(boolean on) {
            this.readThrough = on;
            return this;
        }

        /** Retries on connection failure (default {@link RetryPolicy#DEFAULT}). */
        public Builder<U, C, B> retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** How long to wait for a connection from the pool made for a URL (default 5 s, at least 250 ms). */
        public Builder<U, C, B> connectionTimeout(Duration timeout) {
            this.connectionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The persistence. Connects on first use, not here.
         *
         * @throws IllegalArgumentException when no database was given or an option is invalid
         */
        public JdbcPersistence<U, C, B> build() {
            return new JdbcPersistence<>(this);
        }
    }
}
