package dev.telescale.api.types;

import static dev.telescale.api.SpecSamples.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.ApiObject;
import dev.telescale.api.SpecSamples;
import dev.telescale.api.TelegramJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every API type, fully populated from the spec, parses and writes back the same JSON. */
class TypesRoundTripTest {

    static List<String> objectTypes() {
        return SpecSamples.get().objectTypeNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectTypes")
    void fullyPopulatedObjectRoundTrips(String typeName) throws Exception {
        Class<?> type = Class.forName("dev.telescale.api.types." + typeName);
        ObjectNode sample = SpecSamples.get().type(typeName);
        Object parsed = TelegramJson.parse(sample.toString(), type);
        assertInstanceOf(ApiObject.class, parsed);
        assertEquals(tree(sample.toString()), tree(TelegramJson.write(parsed)), typeName);
        assertEquals(parsed, TelegramJson.parse(TelegramJson.write(parsed), type), typeName + " equals after a round trip");
        assertEquals(parsed.hashCode(), TelegramJson.parse(TelegramJson.write(parsed), type).hashCode());
        assertTrue(((ApiObject) parsed).unknownFields().isEmpty(), typeName + " has no unknown fields");
    }

    @Test
    void thereIsOneClassPerSpecObjectType() {
        assertEquals(333, objectTypes().size());
    }

    @Test
    void accessorsExposeTheParsedValues() {
        Update u = TelegramJson.parse("""
                {"update_id": 5, "message": {"message_id": 7, "date": 1700000000,
                  "from": {"id": 42, "is_bot": false, "first_name": "Ann"},
                  "chat": {"id": -100, "type": "group", "title": "T"},
                  "text": "/start hi", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}
                """, Update.class);
        assertEquals(UpdateType.MESSAGE, u.type());
        Message m = u.message().orElseThrow();
        assertEquals(7, m.messageId());
        assertEquals("Ann", m.from().orElseThrow().firstName());
        assertEquals(false, m.from().orElseThrow().isBot());
        assertEquals(-100, m.chat().id());
        assertEquals("/start hi", m.text().orElseThrow());
        assertEquals("bot_command", m.entities().get(0).type());
        assertTrue(m.photo().isEmpty(), "absent arrays read as empty lists");
        assertTrue(m.editDate().isEmpty());
        assertTrue(m.caption().isEmpty());
        assertEquals(false, m.hasProtectedContent());
    }

    @Test
    void absentAndFalseOptionalBooleansStayDistinct() {
        User absent = TelegramJson.parse("{\"id\":1,\"is_bot\":false,\"first_name\":\"a\"}", User.class);
        User explicitFalse = TelegramJson.parse("{\"id\":1,\"is_bot\":false,\"first_name\":\"a\",\"is_premium\":false}", User.class);
        assertEquals(absent.isPremium(), explicitFalse.isPremium());
        assertTrue(!absent.equals(explicitFalse));
        assertEquals("{\"id\":1,\"is_bot\":false,\"first_name\":\"a\",\"is_premium\":false}", TelegramJson.write(explicitFalse));
    }

    @Test
    void buildersRequireRequiredFieldsAndNameTheMissingOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> User.builder().id(1).firstName("A").build());
        assertEquals("User: required field 'is_bot' is not set", e.getMessage());
        IllegalStateException chat = assertThrows(IllegalStateException.class, () -> Message.builder().messageId(1).date(2).build());
        assertEquals("Message: required field 'chat' is not set", chat.getMessage());
        User ok = User.builder().id(1).isBot(false).firstName("A").build();
        assertEquals(ok, ok.toBuilder().build());
        assertEquals("B", ok.toBuilder().firstName("B").build().firstName());
    }

    @Test
    void missingRequiredFieldsInReceivedJsonAreTolerated() {
        Message m = TelegramJson.parse("{\"message_id\": 3}", Message.class);
        assertEquals(3, m.messageId());
        assertEquals(null, m.chat());
        assertEquals("{\"message_id\":3,\"date\":0}", TelegramJson.write(m));
    }

    @Test
    void toStringShowsSetFieldsOnly() {
        User u = User.builder().id(1).isBot(true).firstName("Bot").build();
        assertEquals("User{id=1, isBot=true, firstName=Bot}", u.toString());
    }

    @Test
    void rarelyPresentFieldsBehaveLikeAnyOther() {
        String json = "{\"message_id\":1,\"date\":2,\"chat\":{\"id\":3,\"type\":\"private\"},"
                + "\"dice\":{\"emoji\":\"🎲\",\"value\":6},\"has_media_spoiler\":true,\"sender_boost_count\":4}";
        Message m = TelegramJson.parse(json, Message.class);
        assertEquals(6, m.dice().orElseThrow().value());
        assertTrue(m.hasMediaSpoiler());
        assertEquals(4, m.senderBoostCount().orElseThrow());
        assertEquals(tree(json), tree(TelegramJson.write(m)));
        assertEquals(m, m.toBuilder().build());
        assertEquals(m.hashCode(), m.toBuilder().build().hashCode());
        Message withoutDice = m.toBuilder().dice(null).build();
        assertTrue(withoutDice.dice().isEmpty());
        assertTrue(!withoutDice.equals(m));
        Message plain = TelegramJson.parse("{\"message_id\":1,\"date\":2,\"dice\":null}", Message.class);
        assertEquals(TelegramJson.parse("{\"message_id\":1,\"date\":2}", Message.class), plain);
        assertTrue(m.toString().contains("dice=Dice{"), m.toString());
    }
}
