package dev.telescale.core.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A persistence that keeps everything in memory (PTB's {@code DictPersistence}): for tests, for bots whose state
 * may be lost on restart, and for moving state between stores with {@link #exportJson()} and
 * {@link #fromJson(String, DataCodec)}. Data is held as JSON, encoded by the {@link DataCodec} during each update
 * call, so what it returns are always new objects and no live object is ever shared; data that cannot be
 * written as JSON fails here just as it would in a durable store.
 *
 * <pre>{@code
 * InMemoryPersistence<Profile, Settings, Stats> store =
 *         InMemoryPersistence.builder(DataCodec.of(Profile.class, Settings.class, Stats.class)).build();
 * ...
 * Files.writeString(backup, store.exportJson());      // the same document a JsonFilePersistence file holds
 * }</pre>
 *
 * {@link #flush()} does nothing; the refresh hooks are PTB's no-ops (nothing else writes to this store).
 *
 * @param <U> user data type
 * @param <C> chat data type
 * @param <B> bot data type
 */
public final class InMemoryPersistence<U, C, B> extends DocumentPersistence<U, C, B> {

    private final StoreDocument document;

    private InMemoryPersistence(Builder<U, C, B> b, StoreDocument document) {
        super(b.codec, b.storeData, b.updateInterval);
        this.document = document;
    }

    /** An empty store for the default map data, storing every kind. */
    public static InMemoryPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> create() {
        return builder(DataCodec.maps()).build();
    }

    /** A builder for data encoded by {@code codec}. */
    public static <U, C, B> Builder<U, C, B> builder(DataCodec<U, C, B> codec) {
        return new Builder<>(Objects.requireNonNull(codec, "codec"));
    }

    /**
     * A store holding what {@code json} holds: a document made by {@link #exportJson()} (or a
     * {@code JsonFilePersistence} file).
     *
     * @throws PersistenceException naming the part of the document that is wrong and how
     */
    public static <U, C, B> InMemoryPersistence<U, C, B> fromJson(String json, DataCodec<U, C, B> codec) {
        return builder(codec).json(json).build();
    }

    /** Everything stored, as one JSON document (compact), sorted so the same state gives the same text. */
    public String exportJson() {
        try {
            return codec.mapper().writeValueAsString(document.toDocument(codec));
        } catch (JsonProcessingException e) {
            throw new PersistenceException("Cannot write the in-memory store as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    StoreDocument document() {
        return document;
    }

    @Override
    void modify(String call, Function<StoreDocument, Boolean> change) {
        change.apply(document);
    }

    @Override
    String source() {
        return "the in-memory store";
    }

    @Override
    public void flush() {
        // Nothing to make durable: PTB's DictPersistence does nothing here either.
    }

    @Override
    public String toString() {
        return "InMemoryPersistence[" + document.users().size() + " users, " + document.chats().size() + " chats, "
                + storeData() + "]";
    }

    /**
     * Options of an {@link InMemoryPersistence}: which kinds are stored, the update interval, and initial content.
     *
     * @param <U> user data type
     * @param <C> chat data type
     * @param <B> bot data type
     */
    public static final class Builder<U, C, B> {
        private final DataCodec<U, C, B> codec;
        private StoreData storeData = StoreData.ALL;
        private Duration updateInterval = DEFAULT_UPDATE_INTERVAL;
        private String json;

        private Builder(DataCodec<U, C, B> codec) {
            this.codec = codec;
        }

        /** Which kinds of data the application stores here (default all). */
        public Builder<U, C, B> storeData(StoreData storeData) {
            this.storeData = Objects.requireNonNull(storeData, "storeData");
            return this;
        }

        /** How often the application writes (default 60 s). */
        public Builder<U, C, B> updateInterval(Duration interval) {
            this.updateInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Initial content: a document as {@link #exportJson()} makes it. */
        public Builder<U, C, B> json(String json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * The store. Initial content is checked here, data types included (each entry is decoded once).
         *
         * @throws PersistenceException naming the part of the initial JSON that is wrong and how
         */
        public InMemoryPersistence<U, C, B> build() {
            StoreDocument doc = json == null ? new StoreDocument() : parse(json);
            InMemoryPersistence<U, C, B> store = new InMemoryPersistence<>(this, doc);
            if (json != null) {
                store.getUserData();
                store.getChatData();
                store.getBotData();
                store.getCallbackData();
            }
            return store;
        }

        private StoreDocument parse(String text) {
            JsonNode tree;
            try {
                tree = codec.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw new PersistenceException("Cannot import the in-memory store: " + StoreDocument.invalidJson(e), e);
            }
            if (tree == null || tree.isMissingNode()) {
                throw new PersistenceException("Cannot import the in-memory store: the JSON is empty");
            }
            try {
                return StoreDocument.fromDocument(tree, codec);
            } catch (IllegalArgumentException e) {
                throw new PersistenceException("Cannot import the in-memory store: " + e.getMessage(), e);
            }
        }
    }
}
