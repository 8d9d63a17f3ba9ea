package dev.telescale.jdbc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.Persistence;
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

/**
 * A {@link Persistence} in a relational database: SQLite (a single file, no server — the default for a bot that
 * wants durability) or PostgreSQL (shared by several instances of one bot). Data are stored as JSON through Jackson
 * in your own types; the module creates and migrates its tables ({@code <prefix>user_data}, {@code chat_data},
 * {@code bot_state}, {@code conversations}, {@code schema_version}).
 * <pre>{@code
 * JdbcPersistence<Profile, Settings, Stats> store = JdbcPersistence.builder()
 *         .sqliteFile(Path.of("bot.db"))                 // or .url("jdbc:postgresql://db/bot", user, password)
 *         .types(Profile.class, Settings.class, Stats.class)
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
    private final DataJson<U, C, B> json;
    private final JavaType callbackType;
    private final StoreData storeData;
    private final Duration updateInterval;
    private final boolean readThrough;

    private JdbcPersistence(Builder<U, C, B> b) {
        ObjectMapper mapper = b.mapper != null ? b.mapper : defaultMapper();
        this.db = new Database(b.dataSource, b.url, b.user, b.password, b.connectionTimeout, b.tablePrefix, b.retry);
        this.json = new DataJson<>(mapper, b.userType, b.chatType, b.botType);
        this.callbackType = mapper.getTypeFactory().constructType(Object.class);
        this.storeData = b.storeData;
        this.updateInterval = b.updateInterval;
        this.readThrough = b.readThrough;
    }

    /** A builder storing map data ({@code Map<String, Object>} for users, chats and the bot). */
    public static Builder<Map<String, Object>, Map<String, Object>, Map<String, Object>> builder() {
        JavaType map = TypeFactory.defaultInstance().constructMapType(HashMap.class, String.class, Object.class);
        return new Builder<>(map, map, map);
    }

    static ObjectMapper defaultMapper() {
        return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).findAndRegisterModules();
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
        return loadAll("user_data", json.userType);
    }

    @Override
    public Map<Long, C> getChatData() {
        return loadAll("chat_data", json.chatType);
    }

    private <T> Map<Long, T> loadAll(String table, JavaType type) {
        String t = db.table(table);
        return db.transaction("loading " + t, c -> {
            Map<Long, T> result = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select id, data from " + t);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    result.put(id, json.read(rs.getString(2), type, "table " + t + ", id " + id));
                }
            }
            return result;
        });
    }

    @Override
    public Optional<B> getBotData() {
        return readState(BOT_DATA).map(s -> json.read(s, json.botType, where(BOT_DATA)));
    }

    @Override
    public Optional<Object> getCallbackData() {
        return readState(CALLBACK_DATA).map(s -> json.read(s, callbackType, where(CALLBACK_DATA)));
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
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String where = "table " + t + ", conversation '" + name + "', key " + rs.getString(1);
                        result.put(json.key(rs.getString(1), where), json.state(rs.getString(2), where));
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
        String k = json.keyJson(key);
        String where = "table " + t + ", conversation '" + name + "', key " + k;
        return db.transaction("reading conversation '" + name + "' " + key + " from " + t,
                c -> Optional.ofNullable(selectString(c, "select state from " + t + " where name = ? and conv_key = ?",
                        name, k))).map(s -> json.state(s, where));
    }

    // ---------------------------------------------------------------------------------------------------- update

    @Override
    public void updateUserData(long userId, U data) {
        upsertId("user_data", userId, json.write(data, "user data of " + userId));
    }

    @Override
    public void updateChatData(long chatId, C data) {
        upsertId("chat_data", chatId, json.write(data, "chat data of " + chatId));
    }

    private void upsertId(String table, long id, String data) {
        String t = db.table(table);
        db.transaction("writing " + t + " id " + id, c -> update(c,
                "insert into " + t + " (id, data) values (?, ?) on conflict (id) do update set data = excluded.data",
                id, data));
    }

    @Override
    public void updateBotData(B data) {
        writeState(BOT_DATA, json.write(data, "bot data"));
    }

    @Override
    public void updateCallbackData(Object data) {
        writeState(CALLBACK_DATA, json.write(data, "callback data"));
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
        String k = json.keyJson(key);
        String what = "writing conversation '" + name + "' " + key + " to " + t;
        if (newState.isEmpty()) {
            db.transaction(what, c -> update(c, "delete from " + t + " where name = ? and conv_key = ?", name, k));
            return;
        }
        String state = json.stateJson(newState.get(), "conversation '" + name + "' " + key);
        db.transaction(what, c -> update(c, "insert into " + t + " (name, conv_key, state) values (?, ?, ?) "
                + "on conflict (name, conv_key) do update set state = excluded.state", name, k, state));
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

    /** With read-through, brings {@code data} up to the stored row in place (no row: left as it is). */
    @Override
    public void refreshUserData(long userId, U data) {
        if (readThrough) {
            refreshId("user_data", userId, data, json.userType);
        }
    }

    @Override
    public void refreshChatData(long chatId, C data) {
        if (readThrough) {
            refreshId("chat_data", chatId, data, json.chatType);
        }
    }

    @Override
    public void refreshBotData(B data) {
        if (readThrough) {
            readState(BOT_DATA).ifPresent(s -> json.refresh(data, s, json.botType, where(BOT_DATA)));
        }
    }

    private void refreshId(String table, long id, Object live, JavaType type) {
        String t = db.table(table);
        String stored = db.transaction("reading " + t + " id " + id,
                c -> selectString(c, "select data from " + t + " where id = ?", id));
        if (stored != null) {
            json.refresh(live, stored, type, "table " + t + ", id " + id);
        }
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
     * and the data types ({@link #types}); everything else has a default.
     *
     * @param <U> user data type
     * @param <C> chat data type
     * @param <B> bot data type
     */
    public static final class Builder<U, C, B> {
        private final JavaType userType;
        private final JavaType chatType;
        private final JavaType botType;
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private String tablePrefix = "telescale_";
        private ObjectMapper mapper;
        private StoreData storeData = StoreData.ALL;
        private Duration updateInterval = Persistence.DEFAULT_UPDATE_INTERVAL;
        private boolean readThrough;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration connectionTimeout = Duration.ofSeconds(5);

        private Builder(JavaType userType, JavaType chatType, JavaType botType) {
            this.userType = userType;
            this.chatType = chatType;
            this.botType = botType;
        }

        private <U2, C2, B2> Builder<U2, C2, B2> withTypes(JavaType u, JavaType c, JavaType b) {
            Builder<U2, C2, B2> n = new Builder<>(u, c, b);
            n.dataSource = dataSource;
            n.url = url;
            n.user = user;
            n.password = password;
            n.tablePrefix = tablePrefix;
            n.mapper = mapper;
            n.storeData = storeData;
            n.updateInterval = updateInterval;
            n.readThrough = readThrough;
            n.retry = retry;
            n.connectionTimeout = connectionTimeout;
            return n;
        }

        /** Your classes (or records) for user, chat and bot data, stored as JSON through Jackson. */
        public <U2, C2, B2> Builder<U2, C2, B2> types(Class<U2> user, Class<C2> chat, Class<B2> bot) {
            TypeFactory f = TypeFactory.defaultInstance();
            return withTypes(f.constructType(Objects.requireNonNull(user, "user")),
                    f.constructType(Objects.requireNonNull(chat, "chat")), f.constructType(Objects.requireNonNull(bot, "bot")));
        }

        /** Generic data types ({@code List<Note>}, ...) as Jackson {@link JavaType}s. */
        public <U2, C2, B2> Builder<U2, C2, B2> types(JavaType user, JavaType chat, JavaType bot) {
            return withTypes(Objects.requireNonNull(user, "user"), Objects.requireNonNull(chat, "chat"),
                    Objects.requireNonNull(bot, "bot"));
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

        /** The Jackson mapper for data (default: unknown properties ignored, modules on the class path registered). */
        public Builder<U, C, B> objectMapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
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
         * each update (and written after it by the Application). Needs data types that can be updated in place:
         * maps or classes with setters or non-final fields, not records.
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
         * @throws IllegalArgumentException when no database was given, or read-through is on with record data
         */
        public JdbcPersistence<U, C, B> build() {
            if (readThrough) {
                for (JavaType t : new JavaType[] {userType, chatType, botType}) {
                    if (!DataJson.refreshable(t)) {
                        throw new IllegalArgumentException("read-through refreshes data in place, and "
                                + t.getRawClass().getSimpleName() + " is a record; use a class with setters (or a "
                                + "Map) for user, chat and bot data, or turn read-through off");
                    }
                }
            }
            return new JdbcPersistence<>(this);
        }
    }
}
