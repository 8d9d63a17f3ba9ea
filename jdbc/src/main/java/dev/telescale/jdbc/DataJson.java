package dev.telescale.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.DataCodec;
import dev.telescale.core.persistence.PersistenceException;

import java.util.Map;
import java.util.Objects;

/**
 * The stored (JSON) form of user, chat and bot data, conversation keys and conversation states. Data goes through
 * the author's Jackson types; a row that does not parse is an error naming where it was read from.
 */
final class DataJson<U, C, B> {

    /** Conversation keys do not depend on the data types: any codec writes them the same way. */
    private static final DataCodec<?, ?, ?> KEYS = DataCodec.maps();

    final JavaType userType;
    final JavaType chatType;
    final JavaType botType;
    private final ObjectMapper mapper;

    DataJson(ObjectMapper mapper, JavaType userType, JavaType chatType, JavaType botType) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.userType = Objects.requireNonNull(userType, "userType");
        this.chatType = Objects.requireNonNull(chatType, "chatType");
        this.botType = Objects.requireNonNull(botType, "botType");
    }

    /** The JSON of {@code value}; {@code where} names the data in the error when it cannot be written. */
    String write(Object value, String where) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new PersistenceException("cannot store " + where + " as JSON (" + value.getClass().getName()
                    + "): " + e.getOriginalMessage(), e);
        }
    }

    /** {@code json} read as {@code type}; {@code where} names the row in the error. */
    <T> T read(String json, JavaType type, String where) {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new PersistenceException(where + " holds null, not " + type.getRawClass().getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new PersistenceException(where + " is not valid JSON for " + type.getRawClass().getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Brings {@code live} up to the stored {@code json} in place: a map's entries are replaced, another object's
     * properties are set through Jackson (records cannot be refreshed, which the builders refuse up front).
     */
    void refresh(Object live, String json, JavaType type, String where) {
        if (live instanceof Map<?, ?> map) {
            Map<?, ?> stored = read(json, type, where);
            @SuppressWarnings("unchecked")
            Map<Object, Object> target = (Map<Object, Object>) map;
            target.keySet().retainAll(stored.keySet());
            stored.forEach((k, v) -> {
                if (v == null) {
                    target.remove(k);
                } else {
                    target.put(k, v);
                }
            });
            return;
        }
        try {
            mapper.readerForUpdating(live).readValue(json);
        } catch (JsonProcessingException e) {
            throw new PersistenceException(where + " is not valid JSON for " + live.getClass().getSimpleName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Whether objects of this type can be refreshed in place (maps and mutable classes; not records). */
    static boolean refreshable(JavaType type) {
        return !type.getRawClass().isRecord();
    }

    // ------------------------------------------------------------------------------------------------ keys

    /**
     * The stored form of a conversation key: core's canonical JSON ({@code {"chatId":1,"userId":2}}, every part of
     * the key including the topic, in a fixed order), the same as the in-memory and file stores write.
     */
    String keyJson(ConversationKey key) {
        return KEYS.keyToString(key);
    }

    ConversationKey key(String json, String where) {
        try {
            return KEYS.keyFromString(json);
        } catch (PersistenceException e) {
            throw new PersistenceException(where + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- states

    /** The stored form of a state: a JSON number (Integer, Long) or string (String, an enum constant's name). */
    String stateJson(Object state, String where) {
        Objects.requireNonNull(state, "state");
        if (state instanceof Enum<?> e) {
            return mapper.getNodeFactory().textNode(e.name()).toString();
        }
        if (state instanceof Integer || state instanceof Long || state instanceof Short || state instanceof Byte
                || state instanceof String) {
            return write(state, where);
        }
        throw new PersistenceException("cannot store the state of " + where + ": " + state.getClass().getName()
                + " is not an Integer, a String or an enum");
    }

    /** A stored state: an Integer (a Long when it does not fit) or a String. */
    Object state(String json, String where) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node != null && node.isIntegralNumber()) {
                return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
            }
            if (node != null && node.isTextual()) {
                return node.textValue();
            }
            throw new PersistenceException(where + ": state " + json + " is neither a number nor a string");
        } catch (JsonProcessingException e) {
            throw new PersistenceException(where + ": state is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
