package dev.telescale.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Chat;
import dev.telescale.api.types.MessageEntity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Enum-like String fields read documented values as shared constants and anything else as itself. */
class KnownValuesReadTest {

    private static Chat chat(String typeJson) {
        byte[] json = ("{\"id\":1,\"type\":" + typeJson + "}").getBytes(StandardCharsets.UTF_8);
        return TelegramJson.parse(json, Chat.class);
    }

    @Test
    void documentedValueIsEqualAndShared() {
        Chat a = chat("\"private\"");
        Chat b = TelegramJson.parse("{\"id\":1,\"type\":\"private\"}", Chat.class);
        assertEquals("private", a.type());
        assertSame(a.type(), b.type());
        assertEquals("private".hashCode(), a.type().hashCode());
        assertEquals(a, b);
        assertEquals("{\"id\":1,\"type\":\"private\"}", TelegramJson.write(a));
        MessageEntity e = TelegramJson.parse("{\"type\":\"bot_command\",\"offset\":0,\"length\":6}", MessageEntity.class);
        assertEquals("bot_command", e.type());
    }

    @Test
    void unknownAndNearValuesStillParse() {
        assertEquals("forum_channel", chat("\"forum_channel\"").type());
        assertEquals("privat", chat("\"privat\"").type());
        assertEquals("privatee", chat("\"privatee\"").type());
        assertEquals("Private", chat("\"Private\"").type());
        assertEquals("", chat("\"\"").type());
        assertEquals("pr\u00efvate", chat("\"pr\\u00efvate\"").type());
        assertNotSame(chat("\"x\"").type(), chat("\"x\"").type());
    }

    @Test
    void escapedNullAndNonStringValues() {
        assertEquals("private", chat("\"priv\\u0061te\"").type());
        assertNull(chat("null").type());
        assertEquals("7", chat("7").type());
    }
}
