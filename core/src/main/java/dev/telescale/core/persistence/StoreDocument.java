package dev.telescale.core.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Everything an in-memory or single-file store holds, as JSON trees (never the live objects, so nothing handed in
 * or out is shared), and its document form:
 *
 * <pre>{@code
 * {"format": "telescale-persistence", "version": 1,
 *  "userData": {"42": {...}}, "chatData": {"-100123": {...}}, "botData": {...}, "callbackData": ...,
 *  "conversations": {"name": [{"key": {"chatId": 1, "userId": 2}, "state": 3}]}}
 * }</pre>
 *
 * Ids are object keys in decimal; {@code botData} and {@code callbackData} are absent until stored. Entries are
 * written sorted (ids numerically, conversation names and keys by their text), so the same state is the same text.
 * The put/remove methods say whether anything changed, for stores that write only on change. Thread-safe.
 */
final class StoreDocument {

    static final String FORMAT = "telescale-persistence";
    static final int VERSION = 1;
    private static final Set<String> PARTS = Set.of("format", "version", "userData", "chatData", "botData",
            "callbackData", "conversations");

    private final ConcurrentMap<Long, JsonNode> users = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, JsonNode> chats = new ConcurrentHashMap<>();
    private volatile JsonNode bot;
    private volatile JsonNode callbackData;
    private final ConcurrentMap<String, ConcurrentMap<ConversationKey, JsonNode>> conversations =
            new ConcurrentHashMap<>();

    Map<Long, JsonNode> users() {
        return users;
    }

    Map<Long, JsonNode> chats() {
        return chats;
    }

    JsonNode bot() {
        return bot;
    }

    JsonNode callbackData() {
        return callbackData;
    }

    Map<ConversationKey, JsonNode> conversations(String name) {
        Map<ConversationKey, JsonNode> states = conversations.get(name);
        return states == null ? Map.of() : states;
    }

    boolean putUser(long id, JsonNode json) {
        return !json.equals(users.put(id, json));
    }

    boolean putChat(long id, JsonNode json) {
        return !json.equals(chats.put(id, json));
    }

    boolean removeUser(long id) {
        return users.remove(id) != null;
    }

    boolean removeChat(long id) {
        return chats.remove(id) != null;
    }

    boolean putBot(JsonNode json) {
        JsonNode old = bot;
        bot = json;
        return !json.equals(old);
    }

    boolean putCallbackData(JsonNode json) {
        JsonNode old = callbackData;
        callbackData = json;
        return !json.equals(old);
    }

    /** Sets (state present) or removes (null) one conversation's state. */
    boolean putConversation(String name, ConversationKey key, JsonNode state) {
        if (state == null) {
            Map<ConversationKey, JsonNode> states = conversations.get(name);
            return states != null && states.remove(key) != null;
        }
        return !state.equals(conversations.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(key, state));
    }

    // ------------------------------------------------------------------------------------------------- document

    /** The document of the current state (see the class comment). */
    ObjectNode toDocument(DataCodec<?, ?, ?> codec) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode doc = nodes.objectNode();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.set("userData", ids(users));
        doc.set("chatData", ids(chats));
        JsonNode b = bot;
        if (b != null) {
            doc.set("botData", b);
        }
        JsonNode cd = callbackData;
        if (cd != null) {
            doc.set("callbackData", cd);
        }
        ObjectNode convs = nodes.objectNode();
        new TreeMap<>(conversations).forEach((name, states) -> {
            TreeMap<String, ObjectNode> sorted = new TreeMap<>();
            states.forEach((key, state) -> {
                ObjectNode entry = nodes.objectNode();
                ObjectNode k = codec.encodeKey(key);
                entry.set("key", k);
                entry.set("state", state);
                sorted.put(k.toString(), entry);
            });
            if (!sorted.isEmpty()) {
                ArrayNode list = convs.putArray(name);
                sorted.values().forEach(list::add);
            }
        });
        doc.set("conversations", convs);
        return doc;
    }

    private static ObjectNode ids(Map<Long, JsonNode> entries) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(entries).forEach((id, data) -> json.set(Long.toString(id), data));
        return json;
    }

    /**
     * Reads a document, checking its shape (not the data types: those are checked when the data is decoded).
     *
     * @throws IllegalArgumentException naming the part that is wrong and how
     */
    static StoreDocument fromDocument(JsonNode doc, DataCodec<?, ?, ?> codec) {
        Objects.requireNonNull(doc, "doc");
        if (!doc.isObject()) {
            throw new IllegalArgumentException("the top level is " + kind(doc) + ", not a JSON object: this is not a "
                    + "Telescale persistence document");
        }
        JsonNode format = doc.get("format");
        if (format == null || !FORMAT.equals(format.asText(null))) {
            throw new IllegalArgumentException("the format marker is " + (format == null ? "missing" : "wrong ("
                    + format + ")") + ": expected \"format\": \"" + FORMAT + "\" at the top level, so this is not a "
                    + "Telescale persistence document");
        }
        JsonNode version = doc.get("version");
        if (version == null || !version.isInt() || version.intValue() < 1) {
            throw new IllegalArgumentException("\"version\" must be a positive integer, found "
                    + (version == null ? "nothing" : version.toString()));
        }
        if (version.intValue() > VERSION) {
            throw new IllegalArgumentException("format version " + version.intValue() + " was written by a newer "
                    + "Telescale; this one reads version " + VERSION + " (upgrade, or restore an older file)");
        }
        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            String part = it.next();
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("unknown part \"" + part + "\" at the top level (version " + VERSION
                        + " has " + String.join(", ", new TreeSet<>(PARTS)) + ")");
            }
        }
        StoreDocument state = new StoreDocument();
        readIds(doc, "userData", state.users);
        readIds(doc, "chatData", state.chats);
        JsonNode b = doc.get("botData");
        if (b != null && !b.isNull()) {
            state.bot = b;
        }
        JsonNode cd = doc.get("callbackData");
        if (cd != null && !cd.isNull()) {
            state.callbackData = cd;
        }
        JsonNode convs = doc.get("conversations");
        if (convs != null && !convs.isNull()) {
            if (!convs.isObject()) {
                throw new IllegalArgumentException("\"conversations\" must be an object of conversation names, found "
                        + kind(convs));
            }
            for (Map.Entry<String, JsonNode> named : convs.properties()) {
                String where = "conversations[\"" + named.getKey() + "\"]";
                if (!named.getValue().isArray()) {
                    throw new IllegalArgumentException(where + " must be an array of {\"key\", \"state\"} entries, "
                            + "found " + kind(named.getValue()));
                }
                ConcurrentMap<ConversationKey, JsonNode> states = new ConcurrentHashMap<>();
                int i = 0;
                for (JsonNode entry : named.getValue()) {
                    String at = where + "[" + i++ + "]";
                    if (!entry.isObject() || entry.get("key") == null || entry.get("state") == null) {
                        throw new IllegalArgumentException(at + " must be an object with \"key\" and \"state\", found "
                                + abbreviate(entry));
                    }
                    ConversationKey key;
                    try {
                        key = codec.decodeKey(entry.get("key"));
                        codec.decodeState(entry.get("state"));
                    } catch (DataCodecException e) {
                        throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
                    }
                    if (states.put(key, entry.get("state")) != null) {
                        throw new IllegalArgumentException(at + ": the key " + entry.get("key") + " appears twice");
                    }
                }
                state.conversations.put(named.getKey(), states);
            }
        }
        return state;
    }

    private static void readIds(JsonNode doc, String part, Map<Long, JsonNode> into) {
        JsonNode ids = doc.get(part);
        if (ids == null || ids.isNull()) {
            return;
        }
        if (!ids.isObject()) {
            throw new IllegalArgumentException("\"" + part + "\" must be an object of ids, found " + kind(ids));
        }
        for (Map.Entry<String, JsonNode> e : ids.properties()) {
            long id;
            try {
                id = Long.parseLong(e.getKey());
            } catch (NumberFormatException nfe) {
                throw new IllegalArgumentException("\"" + part + "\" has the key \"" + abbreviate(e.getKey())
                        + "\", which is not an id (a 64-bit integer)");
            }
            if (e.getValue().isNull()) {
                throw new IllegalArgumentException("\"" + part + "\"[\"" + id + "\"] is null");
            }
            into.put(id, e.getValue());
        }
    }

    /** "not valid JSON at line 3, column 17: Unexpected character ..." for a parse failure. */
    static String invalidJson(com.fasterxml.jackson.core.JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "not valid JSON" + where + ": " + e.getOriginalMessage();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
