package dev.telescale.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.RichText;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import org.junit.jupiter.api.Test;

/** Bad input gives an ApiParseException naming the type, the JSON path and the problem, never anything else. */
class TelegramJsonBadInputTest {

    private static ApiParseException fails(String json, Class<?> type) {
        return assertThrows(ApiParseException.class, () -> TelegramJson.parse(json, type));
    }

    @Test
    void malformedJsonNamesTheProblemAndPosition() {
        ApiParseException e = fails("{\"update_id\": 1, \"message\": {\"message_id\" 2}}", Update.class);
        assertTrue(e.getMessage().startsWith("Cannot parse Message at $.message"), e.getMessage());
        assertTrue(e.problem().contains("malformed JSON"), e.getMessage());
        assertTrue(e.problem().contains("line 1"), e.getMessage());
    }

    @Test
    void truncatedJsonIsReported() {
        ApiParseException e = fails("{\"update_id\": 1, \"message\": {\"message_id\": 2, \"text\": \"hi", Update.class);
        assertTrue(e.problem().contains("end-of-input") || e.problem().contains("end of input"), e.getMessage());
        assertThrows(ApiParseException.class, () -> TelegramJson.parse("{\"update_id\": 1,", Update.class));
        assertThrows(ApiParseException.class, () -> TelegramJson.parse("[{\"update_id\": 1}", Update.class));
    }

    @Test
    void wrongValueTypesNameTypePathAndFoundValue() {
        ApiParseException e = fails("{\"update_id\": \"abc\"}", Update.class);
        assertEquals("Update", e.typeName());
        assertEquals("$.update_id", e.path());
        assertEquals("expected an integer but found the string \"abc\"", e.problem());

        ApiParseException chat = fails("{\"update_id\":1,\"message\":{\"message_id\":1,\"chat\":5}}", Update.class);
        assertEquals("Chat", chat.typeName());
        assertEquals("$.message.chat", chat.path());
        assertTrue(chat.problem().contains("expected a JSON object but found an integer"));

        ApiParseException entity = fails("{\"message_id\":1,\"entities\":[{\"type\":\"bold\",\"offset\":[]}]}", Message.class);
        assertEquals("MessageEntity", entity.typeName());
        assertEquals("$.entities[0].offset", entity.path());

        ApiParseException bool = fails("{\"id\":1,\"is_bot\":\"maybe\",\"first_name\":\"a\"}", User.class);
        assertEquals("$.is_bot", bool.path());
        assertTrue(bool.problem().contains("boolean"));
    }

    @Test
    void nullEmptyAndTrailingInputAreRejected() {
        assertTrue(fails("null", Update.class).problem().contains("found null"));
        assertTrue(fails("", Update.class).problem().contains("empty"));
        assertTrue(fails("{\"update_id\":1} {}", Update.class).problem().contains("after the JSON value"));
        assertTrue(fails("[1]", Update.class).problem().contains("found an array"));
    }

    @Test
    void hugeNumbersAreOutOfRangeNotWrapped() {
        ApiParseException e = fails("{\"update_id\": 123456789012345678901234567890}", Update.class);
        assertTrue(e.problem().contains("out of range"), e.getMessage());
        assertEquals("$.update_id", e.path());
        ApiParseException f = fails("{\"latitude\": 1e999, \"longitude\": 1}", dev.telescale.api.types.Location.class);
        assertTrue(f.problem().contains("out of range"), f.getMessage());
        ApiParseException tooLong = fails("{\"update_id\": " + "9".repeat(5000) + "}", Update.class);
        assertTrue(tooLong.problem().contains("limits") || tooLong.problem().contains("out of range"), tooLong.getMessage());
    }

    @Test
    void deeplyNestedHostileInputIsRejectedCleanly() {
        String deepUnknown = "{\"update_id\":1,\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        ApiParseException e = fails(deepUnknown, Update.class);
        assertTrue(e.problem().contains("limits") || e.problem().contains("deep"), e.getMessage());
        String deepRichText = "[".repeat(50_000) + "]".repeat(50_000);
        assertThrows(ApiParseException.class, () -> TelegramJson.parse(deepRichText, RichText.class));
    }

    @Test
    void lenientFormEncodingValuesParse() {
        Update u = TelegramJson.parse("{\"update_id\":\"12\",\"message\":\"{\\\"message_id\\\":3,\\\"date\\\":\\\"4\\\","
                + "\\\"chat\\\":{\\\"id\\\":5,\\\"type\\\":\\\"private\\\"},\\\"has_media_spoiler\\\":\\\"true\\\"}\"}", Update.class);
        assertEquals(12, u.updateId());
        assertEquals(4, u.message().orElseThrow().date());
        assertTrue(u.message().orElseThrow().hasMediaSpoiler());
        ApiParseException bad = fails("{\"update_id\":1,\"message\":\"{not json\"}", Update.class);
        assertEquals("$.message", bad.path());
        assertTrue(bad.problem().contains("malformed JSON"), bad.getMessage());
        ApiParseException empty = fails("{\"update_id\":1,\"message\":\"\"}", Update.class);
        assertTrue(empty.problem().contains("JSON inside the string"), empty.getMessage());
    }

    @Test
    void nonApiClassesAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TelegramJson.parse("{}", Object.class));
        assertTrue(e.getMessage().contains("java.lang.Object"));
    }
}
