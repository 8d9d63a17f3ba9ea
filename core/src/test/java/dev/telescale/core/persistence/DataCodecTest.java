package dev.telescale.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Typed data, states, keys and callback data through {@link DataCodec}, and its errors. */
class DataCodecTest {

    record Profile(String name, int age, List<String> tags) {
    }

    static final class Settings {
        private String language = "en";
        private final Map<String, Integer> counters = new ConcurrentHashMap<>();
        private transient int cached = 7;

        private Settings() {
        }
    }

    private enum State { ASK_NAME }

    private final DataCodec<Profile, Settings, Map<String, Object>> codec = DataCodec.of(
            new TypeReference<Profile>() { }, new TypeReference<Settings>() { },
            new TypeReference<Map<String, Object>>() { });
    private final ObjectMapper mapper = DataCodec.defaultMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void recordsRoundTripThroughTheirComponents() {
        Profile ann = new Profile("ann", 3, List.of("a"));
        JsonNode json = codec.encodeUserData(1, ann);
        assertEquals("{\"name\":\"ann\",\"age\":3,\"tags\":[\"a\"]}", json.toString());
        assertEquals(ann, codec.decodeUserData(1, json));
    }

    @Test
    void classesRoundTripThroughTheirPrivateFieldsButNotTransientOnes() {
        Settings s = new Settings();
        s.language = "de";
        s.counters.put("visits", 2);
        s.cached = 99;
        JsonNode json = codec.encodeChatData(-5, s);
        assertEquals("{\"language\":\"de\",\"counters\":{\"visits\":2}}", json.toString());
        Settings back = codec.decodeChatData(-5, json);
        assertNotSame(s, back);
        assertEquals("de", back.language);
        assertEquals(Map.of("visits", 2), back.counters);
        assertEquals(7, back.cached);
    }

    @Test
    void mapDataIsReadIntoConcurrentHashMaps() throws Exception {
        var maps = DataCodec.maps();
        Map<String, Object> bot = maps.decodeBotData(json("{\"a\":1,\"b\":[1,2],\"c\":{\"d\":null}}"));
        assertInstanceOf(ConcurrentHashMap.class, bot);
        assertEquals(List.of(1, 2), bot.get("b"));
        assertInstanceOf(ConcurrentHashMap.class, maps.decodeUserData(1, json("{}")));
    }

    @Test
    void unknownPropertiesAreIgnoredSoARemovedFieldDoesNotFailTheLoad() throws Exception {
        assertEquals(new Profile("x", 1, List.of()), codec.decodeUserData(1,
                json("{\"name\":\"x\",\"age\":1,\"tags\":[],\"removedField\":true}")));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheDataTheTypeAndTheField() throws Exception {
        DataCodecException e = assertThrows(DataCodecException.class, () -> codec.decodeUserData(42,
                json("{\"name\":\"x\",\"age\":\"old\",\"tags\":[]}")));
        assertTrue(e.getMessage().contains("the user data of user 42"), e.getMessage());
        assertTrue(e.getMessage().contains("DataCodecTest$Profile"), e.getMessage());
        assertTrue(e.getMessage().contains("[\"age\"]"), e.getMessage());
        DataCodecException nested = assertThrows(DataCodecException.class, () -> codec.decodeChatData(-1,
                json("{\"counters\":{\"visits\":\"many\"}}")));
        assertTrue(nested.getMessage().contains("the chat data of chat -1"), nested.getMessage());
        assertTrue(nested.getMessage().contains("[\"counters\"]"), nested.getMessage());
        DataCodecException isNull = assertThrows(DataCodecException.class,
                () -> codec.decodeBotData(JsonNodeFactory.instance.nullNode()));
        assertTrue(isNull.getMessage().contains("null"), isNull.getMessage());
    }

    @Test
    void dataThatCannotBeWrittenNamesTheDataTheTypeAndTheField() {
        Map<String, Object> bad = new ConcurrentHashMap<>(Map.of("ok", 1, "bad", new PersistenceContract.Unwritable()));
        DataCodecException e = assertThrows(DataCodecException.class, () -> codec.encodeBotData(bad));
        assertTrue(e.getMessage().contains("Cannot write the bot data (java.util.concurrent.ConcurrentHashMap)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("[\"bad\"]"), e.getMessage());
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
        assertThrows(NullPointerException.class, () -> codec.encodeUserData(1, null));
    }

    @Test
    void statesAreNumbersOrStringsAndEnumsAreStoredByName() {
        assertEquals(3, codec.decodeState(codec.encodeState(3)));
        assertEquals(5_000_000_000L, codec.decodeState(codec.encodeState(5_000_000_000L)));
        assertEquals("ASK", codec.decodeState(codec.encodeState("ASK")));
        assertEquals("ASK_NAME", codec.decodeState(codec.encodeState(State.ASK_NAME)));
        DataCodecException e = assertThrows(DataCodecException.class, () -> codec.encodeState(List.of(1)));
        assertTrue(e.getMessage().contains("must be an Integer, a Long, a String or an enum"), e.getMessage());
        assertThrows(DataCodecException.class, () -> codec.decodeState(JsonNodeFactory.instance.booleanNode(true)));
        assertThrows(DataCodecException.class, () -> codec.decodeState(JsonNodeFactory.instance.numberNode(1.5)));
    }

    @Test
    void keysOfEveryShapeRoundTripAndTheirStringIsCanonical() {
        List<ConversationKey> keys = List.of(ConversationKey.of(-100, 42), ConversationKey.ofChat(1),
                ConversationKey.ofUser(Long.MIN_VALUE), ConversationKey.of(1, 2).withMessageId(3),
                ConversationKey.ofUser(1).withInlineMessageId("AAE\"ü"),
                new ConversationKey(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(5), Optional.empty()));
        for (ConversationKey key : keys) {
            assertEquals(key, codec.decodeKey(codec.encodeKey(key)));
            assertEquals(key, codec.keyFromString(codec.keyToString(key)));
            assertEquals(codec.keyToString(key), codec.keyToString(codec.keyFromString(codec.keyToString(key))));
        }
        assertEquals("{\"chatId\":-100,\"userId\":42}", codec.keyToString(ConversationKey.of(-100, 42)));
        assertEquals("{\"userId\":1,\"inlineMessageId\":\"x\"}",
                codec.keyToString(ConversationKey.ofUser(1).withInlineMessageId("x")));
    }

    @Test
    void badKeysAreRefusedNamingWhatIsWrong() {
        assertKeyRefused("{\"chatId\":1,\"topic\":2}", "unknown part \"topic\"");
        assertKeyRefused("{\"chatId\":\"1\"}", "\"chatId\" part");
        assertKeyRefused("{\"chatId\":1.5}", "must be an integer");
        assertKeyRefused("{\"chatId\":18446744073709551616}", "must be an integer");
        assertKeyRefused("{}", "not a valid key");
        assertKeyRefused("{\"messageId\":1,\"inlineMessageId\":\"x\"}", "not both");
        assertKeyRefused("[1,2]", "must be a JSON object");
        assertKeyRefused("{\"chatId\":1", "not valid JSON");
    }

    private void assertKeyRefused(String key, String expected) {
        DataCodecException e = assertThrows(DataCodecException.class, () -> codec.keyFromString(key));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void callbackDataIsTheBotsSnapshotWithButtonObjectsOfTheirOwnTypes() {
        CallbackDataSnapshot s = new CallbackDataSnapshot(List.of(new CallbackDataSnapshot.Keyboard(
                "0123456789abcdef0123456789abcdef", Instant.ofEpochMilli(5),
                Map.of("00000000000000000000000000000001", new Profile("a", 1, List.of("x")),
                        "00000000000000000000000000000002", List.of(1, 2)))),
                Map.of("q", "0123456789abcdef0123456789abcdef"));
        CallbackDataSnapshot back = codec.decodeCallbackData(codec.encodeCallbackData(s));
        assertEquals(s, back);
        assertInstanceOf(Profile.class, back.keyboards().get(0).buttons().get("00000000000000000000000000000001"));
        DataCodecException e = assertThrows(DataCodecException.class,
                () -> codec.decodeCallbackData(codec.mapper().valueToTree(List.of(1))));
        assertTrue(e.getMessage().contains("the callback data"), e.getMessage());
    }

    @Test
    void anotherMapperDecidesTheMapping() {
        ObjectMapper getters = new ObjectMapper();
        var custom = codec.withMapper(getters);
        assertEquals(getters, custom.mapper());
        Profile p = new Profile("a", 1, List.of());
        assertEquals(p, custom.decodeUserData(1, custom.encodeUserData(1, p)));
        assertNotSame(DataCodec.defaultMapper(), DataCodec.defaultMapper(), "each call a copy to configure");
    }
}
