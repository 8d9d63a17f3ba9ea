package dev.telescale.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.PersistenceException;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The stored (JSON) form of user, chat and bot data, conversation keys and conversation states. Data goes through
 * the author's Jackson types; a row that does not parse is an error naming where it was read from.
 */
final class DataJson<U, C, B> {

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
     * The stored form of a conversation key: a JSON object of the parts present, always in the same order
     * ({@code {"chat_id":1,"user_id":2}}), so equal keys are equal strings.
     */
    String keyJson(ConversationKey key) {
        ObjectNode node = mapper.createObjectNode();
        key.chatId().ifPresent(id -> node.put("chat_id", id));
        key.userId().ifPresent(id -> node.put("user_id", id));
        key.messageId().ifPresent(id -> node.put("message_id", id));
        key.inlineMessageId().ifPresent(id -> node.put("inline_message_id", id));
        return node.toString();
    }

    ConversationKey key(String json, String where) {
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || !node.isObject()) {
                throw new PersistenceException(where + ": conversation key " + json + " is not a JSON object");
            }
            return new ConversationKey(optionalLong(node, "chat_id"), optionalLong(node, "user_id"),
                    optionalLong(node, "message_id"),
                    Optional.ofNullable(node.get("inline_message_id")).map(JsonNode::asText));
        } catch (JsonProcessingException e) {
            throw new PersistenceException(where + ": conversation key is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PersistenceException(where + ": conversation key " + json + " is not a valid key: "
                    + e.getMessage(), e);
        }
    }

    private static OptionalLong optionalLong(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " is not an integer");
        }
        return OptionalLong.of(v.asLong());
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
