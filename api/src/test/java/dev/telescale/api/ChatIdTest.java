package dev.telescale.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChatIdTest {

    @Test
    void numericAndUsernameIdsWriteAsNumberAndString() {
        assertEquals("-100123", TelegramJson.write(ChatId.of(-100123)));
        assertEquals("\"@channel\"", TelegramJson.write(ChatId.of("@channel")));
    }

    @Test
    void numericTextBecomesANumericId() {
        assertEquals(new ChatId.Numeric(-1001), assertInstanceOf(ChatId.Numeric.class, ChatId.of("-1001")));
    }

    @Test
    void invalidUsernamesAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatId.of("not a name"));
        assertTrue(e.getMessage().contains("\"not a name\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChatId.of("@"));
        assertThrows(IllegalArgumentException.class, () -> ChatId.of((String) null));
        assertThrows(IllegalArgumentException.class, () -> ChatId.of("99999999999999999999"));
    }

    @Test
    void readsFromNumbersAndStrings() {
        assertEquals(ChatId.of(5), TelegramJson.parse("5", ChatId.class));
        assertEquals(ChatId.of(5), TelegramJson.parse("\"5\"", ChatId.class));
        assertEquals(ChatId.of("@x_y"), TelegramJson.parse("\"@x_y\"", ChatId.class));
        ApiParseException e = assertThrows(ApiParseException.class, () -> TelegramJson.parse("\"bad id\"", ChatId.class));
        assertTrue(e.getMessage().contains("bad id"));
        assertThrows(ApiParseException.class, () -> TelegramJson.parse("true", ChatId.class));
    }
}
