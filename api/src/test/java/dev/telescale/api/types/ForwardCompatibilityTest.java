package dev.telescale.api.types;

import static dev.telescale.api.SpecSamples.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.TelegramJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fields and update kinds added to the Bot API later are kept, readable and written back. */
class ForwardCompatibilityTest {

    private static final String UPDATE_WITH_NEW_FIELDS = """
            {"update_id": 1, "future_top": {"a": [1, 2, {"b": null}]},
             "message": {"message_id": 2, "date": 3, "chat": {"id": 4, "type": "private", "future_chat_flag": true},
                         "future_message_field": "x", "entities": [{"type": "bold", "offset": 0, "length": 1, "future_entity": 9}],
                         "text": "t"}}""";

    @Test
    void unknownFieldsAtEveryLevelSurviveARoundTripAndAreReadableByName() {
        Update u = TelegramJson.parse(UPDATE_WITH_NEW_FIELDS, Update.class);
        assertEquals(3, u.unknownField("future_top").orElseThrow().get("a").size());
        Message m = u.message().orElseThrow();
        assertEquals("x", m.unknownField("future_message_field").orElseThrow().asText());
        assertTrue(m.chat().unknownField("future_chat_flag").orElseThrow().asBoolean());
        assertEquals(9, m.entities().get(0).unknownField("future_entity").orElseThrow().asInt());
        assertEquals(tree(UPDATE_WITH_NEW_FIELDS), tree(TelegramJson.write(u)));
        assertTrue(m.unknownFields().keySet().contains("future_message_field"));
    }

    @Test
    void objectsWithoutUnknownFieldsShareTheEmptyMap() {
        User a = TelegramJson.parse("{\"id\":1,\"is_bot\":true,\"first_name\":\"a\"}", User.class);
        assertTrue(a.unknownFields().isEmpty());
        assertTrue(a.unknownField("x").isEmpty());
    }

    @Test
    void updateOfAnUnknownKindParsesAsUnknown() {
        String json = "{\"update_id\": 9, \"space_launch\": {\"rocket\": \"r1\"}}";
        Update u = TelegramJson.parse(json, Update.class);
        assertEquals(UpdateType.UNKNOWN, u.type());
        assertEquals(9, u.updateId());
        assertEquals("r1", u.unknownField("space_launch").orElseThrow().get("rocket").asText());
        assertEquals(tree(json), tree(TelegramJson.write(u)));
    }

    @Test
    void everyUpdateKindIsRecognised() {
        assertEquals("callback_query", UpdateType.CALLBACK_QUERY.jsonName());
        Update u = TelegramJson.parse("{\"update_id\":1,\"callback_query\":{\"id\":\"q\",\"from\":{\"id\":1,\"is_bot\":false,"
                + "\"first_name\":\"a\"},\"chat_instance\":\"c\",\"data\":\"d\"}}", Update.class);
        assertEquals(UpdateType.CALLBACK_QUERY, u.type());
        assertEquals("d", u.callbackQuery().orElseThrow().data().orElseThrow());
    }

    @Test
    void listsOfUpdatesParse() {
        List<Update> updates = TelegramJson.parseList("[{\"update_id\":1},{\"update_id\":2,\"new_kind\":{}}]", Update.class);
        assertEquals(2, updates.size());
        assertEquals(UpdateType.UNKNOWN, updates.get(1).type());
    }
}
