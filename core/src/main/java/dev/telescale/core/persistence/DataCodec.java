package dev.telescale.core.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an application's data into JSON and back for every store (in memory, JSON file, JDBC, Redis): the author's
 * own user, chat and bot data types through Jackson, conversation states and {@link ConversationKey}s, and the
 * callback-data cache (the bot's {@link CallbackDataSnapshot}, whose button objects are written with their class
 * name, see there). One codec per application, shared by whatever store it uses:
 *
 * <pre>{@code
 * DataCodec<Profile, Settings, Stats> codec = DataCodec.of(Profile.class, Settings.class, Stats.class);
 * DataCodec<Map<String, Object>, Map<String, Object>, Map<String, Object>> maps = DataCodec.maps(); // the defaults
 * }</pre>
 *
 * <p>The default mapper reads and writes <b>fields</b> of any visibility (not getters: what the object holds, as
 * PTB's pickle does; {@code transient} fields are skipped), records through their components, and ignores
 * properties it does not know when reading (a field removed from a class drops its stored value on the next write
 * instead of failing the load). Classes need a no-argument constructor (private is fine) or a Jackson creator;
 * inner (non-static) and local classes that capture their enclosing instance cannot be read. Jackson modules on
 * the class path (e.g. {@code jackson-datatype-jsr310} for {@code java.time}) are registered; strings have no
 * length limit, so whatever was written can be read back. Use {@link #withMapper} for a mapper of your own.
 *
 * <p>Map data ({@link #maps()}) reads into {@code ConcurrentHashMap}s; values come back as JSON's natural Java
 * types ({@code Integer}/{@code Long}, {@code Double}, {@code String}, {@code Boolean}, {@code List},
 * {@code Map}): a record put into map data is read back as a {@code Map}, as PTB's {@code DictPersistence}. Use
 * typed data for anything richer.
 *
 * <p>Failures are {@link DataCodecException}s naming what was converted, its type and the field path.
 *
 * @param <U> user data type
 * @param <C> chat data type
 * @param <B> bot data type
 */
public final class DataCodec<U, C, B> {

    private static final ObjectMapper DEFAULT_MAPPER = newDefaultMapper();
    private static final KeyShape KEY_SHAPE = new KeyShape();

    private final ObjectMapper mapper;
    private final JavaType userType;
    private final JavaType chatType;
    private final JavaType botType;
    private final JavaType callbackDataType;

    private DataCodec(ObjectMapper mapper, JavaType userType, JavaType chatType, JavaType botType) {
        this.mapper = mapper;
        this.userType = userType;
        this.chatType = chatType;
        this.botType = botType;
        this.callbackDataType = mapper.constructType(CallbackDataSnapshot.class);
    }

    /**
     * A new copy of the mapper the codecs use unless {@link #withMapper} says otherwise (see the class comment), to
     * configure further and pass to {@link #withMapper}.
     */
    public static ObjectMapper defaultMapper() {
        return DEFAULT_MAPPER.copy();
    }

    private static ObjectMapper newDefaultMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        return JsonMapper.builder(factory)
                .findAndAddModules()
                .visibility(PropertyAccessor.ALL, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, Visibility.ANY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /** A codec for the default context types' data: a {@code ConcurrentHashMap<String, Object>} of each kind. */
    public static DataCodec<Map<String, Object>, Map<String, Object>, Map<String, Object>> maps() {
        JavaType map = DEFAULT_MAPPER.getTypeFactory().constructMapType(ConcurrentHashMap.class, String.class,
                Object.class);
        return new DataCodec<>(DEFAULT_MAPPER, map, map, map);
    }

    /** A codec for data of these classes (records, classes with fields, maps, collections). */
    public static <U, C, B> DataCodec<U, C, B> of(Class<U> userData, Class<C> chatData, Class<B> botData) {
        Objects.requireNonNull(userData, "userData");
        Objects.requireNonNull(chatData, "chatData");
        Objects.requireNonNull(botData, "botData");
        return new DataCodec<>(DEFAULT_MAPPER, DEFAULT_MAPPER.constructType(userData),
                DEFAULT_MAPPER.constructType(chatData), DEFAULT_MAPPER.constructType(botData));
    }

    /** A codec for generic data types, e.g. {@code new TypeReference<Map<String, List<Long>>>() {}}. */
    public static <U, C, B> DataCodec<U, C, B> of(TypeReference<U> userData, TypeReference<C> chatData,
                                                  TypeReference<B> botData) {
        Objects.requireNonNull(userData, "userData");
        Objects.requireNonNull(chatData, "chatData");
        Objects.requireNonNull(botData, "botData");
        return new DataCodec<>(DEFAULT_MAPPER, DEFAULT_MAPPER.constructType(userData),
                DEFAULT_MAPPER.constructType(chatData), DEFAULT_MAPPER.constructType(botData));
    }

    /** This codec with another Jackson mapper (its configuration decides how data types map to JSON). */
    public DataCodec<U, C, B> withMapper(ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new DataCodec<>(mapper, mapper.constructType(userType), mapper.constructType(chatType),
                mapper.constructType(botType));
    }

    /** The Jackson mapper (for stores turning trees into bytes or text). */
    public ObjectMapper mapper() {
        return mapper;
    }

    // ----------------------------------------------------------------------------------------- stored text

    /**
     * The text of an encoded value, for a store that keeps JSON as text (a database column, a Redis value).
     *
     * @throws DataCodecException when the mapper cannot write it
     */
    public String toText(JsonNode json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new DataCodecException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A stored text parsed back into the tree the {@code decode...} methods take.
     *
     * @param what names where the text was stored (e.g. {@code "telescale_user_data id 42"}), for the error
     * @throws DataCodecException "{@code <what>} is not valid JSON: ..." when it is not JSON
     */
    public JsonNode parseText(String text, String what) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DataCodecException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Runs {@code decode} (typically {@link #parseText} and a {@code decode...} method) on the value stored at
     * {@code where}, so a failure names where the value was: a {@link PersistenceException} whose message does not
     * already start with {@code where} comes back as one prefixed with {@code "<where>: "}.
     */
    public static <T> T decodeAt(String where, Supplier<T> decode) {
        try {
            return decode.get();
        } catch (PersistenceException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new PersistenceException(where + ": " + e.getMessage(), e);
        }
    }

    // -------------------------------------------------------------------------------------------- typed data

    /** The JSON of one user's data. */
    public JsonNode encodeUserData(long userId, U data) {
        return encode(data, userType, "the user data of user " + userId);
    }

    /** One user's data read from JSON: a new object. */
    public U decodeUserData(long userId, JsonNode json) {
        return decode(json, userType, "the user data of user " + userId);
    }

    /** The JSON of one chat's data. */
    public JsonNode encodeChatData(long chatId, C data) {
        return encode(data, chatType, "the chat data of chat " + chatId);
    }

    /** One chat's data read from JSON: a new object. */
    public C decodeChatData(long chatId, JsonNode json) {
        return decode(json, chatType, "the chat data of chat " + chatId);
    }

    /** The JSON of the bot data. */
    public JsonNode encodeBotData(B data) {
        return encode(data, botType, "the bot data");
    }

    /** The bot data read from JSON: a new object. */
    public B decodeBotData(JsonNode json) {
        return decode(json, botType, "the bot data");
    }

    /**
     * The JSON of the callback-data cache. Every button object must be writable as JSON; it is written with its
     * class name so it is read back as the same type.
     */
    public JsonNode encodeCallbackData(CallbackDataSnapshot data) {
        return encode(data, callbackDataType, "the callback data");
    }

    /** The callback-data cache read from JSON: a new snapshot, each button object of its stored class. */
    public CallbackDataSnapshot decodeCallbackData(JsonNode json) {
        return decode(json, callbackDataType, "the callback data");
    }

    private JsonNode encode(Object data, JavaType type, String what) {
        Objects.requireNonNull(data, () -> what + " is null");
        try {
            return mapper.valueToTree(data);
        } catch (IllegalArgumentException e) {
            throw failure("Cannot write " + what + " (" + data.getClass().getName() + ") as JSON", e);
        }
    }

    private <T> T decode(JsonNode json, JavaType type, String what) {
        Objects.requireNonNull(json, () -> "the JSON of " + what + " is null");
        if (json.isNull() || json.isMissingNode()) {
            throw new DataCodecException("Cannot read " + what + " as " + type.toCanonical() + ": the stored JSON is "
                    + "null");
        }
        try {
            T value = mapper.treeToValue(json, type);
            if (value == null) {
                throw new DataCodecException("Cannot read " + what + " as " + type.toCanonical()
                        + ": Jackson made null of " + abbreviate(json.toString()));
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw failure("Cannot read " + what + " as " + type.toCanonical() + " from " + abbreviate(json.toString()),
                    e);
        }
    }

    private static DataCodecException failure(String what, Exception e) {
        Throwable t = e;
        while (t != null && !(t instanceof JsonMappingException)) {
            t = t.getCause();
        }
        if (t instanceof JsonMappingException m) {
            String path = m.getPath().isEmpty() ? "" : " at " + m.getPathReference();
            return new DataCodecException(what + path + ": " + m.getOriginalMessage(), e);
        }
        return new DataCodecException(what + ": " + e.getMessage(), e);
    }

    private static String abbreviate(String json) {
        return json.length() <= 200 ? json : json.substring(0, 200) + "... (" + json.length() + " characters)";
    }

    // ------------------------------------------------------------------------------------------- conversations

    /**
     * The JSON of a conversation state: a number for an {@code Integer} or {@code Long}, a string for a
     * {@code String}, the constant's name for an enum (the conversation handler maps names back).
     */
    public JsonNode encodeState(Object state) {
        Objects.requireNonNull(state, "state");
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (state instanceof Integer i) {
            return nodes.numberNode(i);
        }
        if (state instanceof Long l) {
            return nodes.numberNode(l);
        }
        if (state instanceof String s) {
            return nodes.textNode(s);
        }
        if (state instanceof Enum<?> e) {
            return nodes.textNode(e.name());
        }
        throw new DataCodecException("A conversation state must be an Integer, a Long, a String or an enum constant "
                + "to be stored; got a " + state.getClass().getName() + " (" + state + ")");
    }

    /** A conversation state read from JSON: an {@code Integer} (or {@code Long} when too big) or a {@code String}. */
    public Object decodeState(JsonNode json) {
        if (json != null && json.isInt()) {
            return json.intValue();
        }
        if (json != null && json.isIntegralNumber() && json.canConvertToLong()) {
            return json.longValue();
        }
        if (json != null && json.isTextual()) {
            return json.textValue();
        }
        throw new DataCodecException("A stored conversation state must be an integer or a string; found "
                + (json == null ? "nothing" : abbreviate(json.toString())));
    }

    /**
     * The JSON object of a conversation key: one property per present part, named as {@link ConversationKey}'s
     * components, in their order (e.g. {@code {"chatId":-100123,"userId":42}}). Parts added to the key later are
     * written the same way, so stores need no change.
     */
    public ObjectNode encodeKey(ConversationKey key) {
        return KEY_SHAPE.encode(Objects.requireNonNull(key, "key"));
    }

    /** A conversation key read from its JSON object (unknown parts, wrong types and nonsense keys are refused). */
    public ConversationKey decodeKey(JsonNode json) {
        return KEY_SHAPE.decode(json);
    }

    /**
     * The key as a compact, canonical JSON string (same key, same string), e.g. for a database column, a Redis
     * field or a map key in a JSON document.
     */
    public String keyToString(ConversationKey key) {
        return encodeKey(key).toString();
    }

    /** A key read back from {@link #keyToString}. */
    public ConversationKey keyFromString(String key) {
        Objects.requireNonNull(key, "key");
        JsonNode json;
        try {
            json = mapper.readTree(key);
        } catch (JsonProcessingException e) {
            throw new DataCodecException("A stored conversation key is not valid JSON: " + abbreviate(key) + " ("
                    + e.getOriginalMessage() + ")", e);
        }
        return decodeKey(json);
    }

    @Override
    public String toString() {
        return "DataCodec[user=" + userType.toCanonical() + ", chat=" + chatType.toCanonical() + ", bot="
                + botType.toCanonical() + "]";
    }

    /**
     * The JSON shape of {@link ConversationKey}, derived from its record components, so that a new part (e.g. a
     * thread id) needs no change here. Supported component types: {@code OptionalLong}, {@code OptionalInt},
     * {@code Optional<String|Long|Integer>}, {@code long}, {@code int}, {@code Long}, {@code Integer},
     * {@code String} (nullable references are absent when null).
     */
    private static final class KeyShape {

        private final RecordComponent[] parts = ConversationKey.class.getRecordComponents();
        private final Constructor<ConversationKey> constructor;
        private final List<String> names = new ArrayList<>();

        KeyShape() {
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                names.add(parts[i].getName());
            }
            try {
                constructor = ConversationKey.class.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("ConversationKey has no canonical constructor", e);
            }
        }

        ObjectNode encode(ConversationKey key) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            for (RecordComponent part : parts) {
                Object value;
                try {
                    value = part.getAccessor().invoke(key);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Cannot read the " + part.getName() + " of a ConversationKey", e);
                }
                put(json, part.getName(), value);
            }
            return json;
        }

        private static void put(ObjectNode json, String name, Object value) {
            Object plain = switch (value) {
                case null -> null;
                case OptionalLong o -> o.isPresent() ? o.getAsLong() : null;
                case OptionalInt o -> o.isPresent() ? o.getAsInt() : null;
                case Optional<?> o -> o.orElse(null);
                default -> value;
            };
            switch (plain) {
                case null -> { }
                case Long l -> json.put(name, l);
                case Integer i -> json.put(name, i);
                case String s -> json.put(name, s);
                default -> throw new IllegalStateException("A ConversationKey part of type " + plain.getClass()
                        + " cannot be stored (" + name + ")");
            }
        }

        ConversationKey decode(JsonNode json) {
            if (json == null || !json.isObject()) {
                throw new DataCodecException("A stored conversation key must be a JSON object like "
                        + "{\"chatId\":1,\"userId\":2}; found " + (json == null ? "nothing" : abbreviate(json.toString())));
            }
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!names.contains(name)) {
                    throw new DataCodecException("The stored conversation key " + abbreviate(json.toString())
                            + " has an unknown part \"" + name + "\" (parts: " + String.join(", ", names) + ")");
                }
            }
            Object[] args = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                args[i] = read(parts[i], json.get(parts[i].getName()), json);
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new DataCodecException("The stored conversation key " + abbreviate(json.toString())
                        + " is not a valid key: " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create a ConversationKey", e);
            }
        }

        private static Object read(RecordComponent part, JsonNode value, JsonNode key) {
            Class<?> type = part.getType();
            boolean absent = value == null || value.isNull();
            if (type == OptionalLong.class) {
                return absent ? OptionalLong.empty() : OptionalLong.of(longValue(part, value, key));
            }
            if (type == OptionalInt.class) {
                return absent ? OptionalInt.empty() : OptionalInt.of(Math.toIntExact(longValue(part, value, key)));
            }
            if (type == Optional.class) {
                return absent ? Optional.empty() : Optional.of(plain(part, optionalArgument(part), value, key));
            }
            if (absent) {
                if (type.isPrimitive()) {
                    throw new DataCodecException("The stored conversation key " + abbreviate(key.toString())
                            + " lacks its \"" + part.getName() + "\" part");
                }
                return null;
            }
            return plain(part, type, value, key);
        }

        private static Class<?> optionalArgument(RecordComponent part) {
            Type generic = part.getGenericType();
            if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            throw new IllegalStateException("ConversationKey." + part.getName() + " has an unsupported Optional type");
        }

        private static Object plain(RecordComponent part, Class<?> type, JsonNode value, JsonNode key) {
            if (type == String.class) {
                if (!value.isTextual()) {
                    throw wrongType(part, "a string", key);
                }
                return value.textValue();
            }
            if (type == Long.class || type == long.class) {
                return longValue(part, value, key);
            }
            if (type == Integer.class || type == int.class) {
                long l = longValue(part, value, key);
                if (l != (int) l) {
                    throw wrongType(part, "a 32-bit integer", key);
                }
                return (int) l;
            }
            throw new IllegalStateException("ConversationKey." + part.getName() + " has an unsupported type " + type);
        }

        private static long longValue(RecordComponent part, JsonNode value, JsonNode key) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw wrongType(part, "an integer", key);
            }
            return value.longValue();
        }

        private static DataCodecException wrongType(RecordComponent part, String expected, JsonNode key) {
            return new DataCodecException("The \"" + part.getName() + "\" part of the stored conversation key "
                    + abbreviate(key.toString()) + " must be " + expected);
        }
    }
}
