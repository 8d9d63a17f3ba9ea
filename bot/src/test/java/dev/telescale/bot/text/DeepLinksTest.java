package dev.telescale.bot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeepLinksTest {

    @Test
    void startLinksCarryThePayload() {
        assertEquals("https://t.me/MyBot?start=check-this_out1", DeepLinks.start("MyBot", "check-this_out1"));
        assertEquals("https://t.me/MyBot?startgroup=so-cool", DeepLinks.startGroup("MyBot", "so-cool"));
        assertEquals("https://t.me/MyBot?startgroup=x", DeepLinks.create("MyBot", "x", true));
    }

    @Test
    void withoutPayloadTheLinkOpensTheChat() {
        assertEquals("https://t.me/MyBot", DeepLinks.of("MyBot"));
        assertEquals("https://t.me/MyBot", DeepLinks.create("MyBot", null, true));
        assertEquals("https://t.me/MyBot", DeepLinks.create("MyBot", "", false));
    }

    @Test
    void payloadsUpToSixtyFourCharactersAreAllowed() {
        String longest = "a".repeat(64);
        assertEquals("https://t.me/MyBot?start=" + longest, DeepLinks.start("MyBot", longest));
        var tooLong = assertThrows(IllegalArgumentException.class, () -> DeepLinks.start("MyBot", longest + "a"));
        assertTrue(tooLong.getMessage().contains("64"), tooLong.getMessage());
    }

    @Test
    void refusesCharactersTelegramDoesNotPassOn() {
        for (String bad : new String[] {"a b", "a+b", "ä", "a/b", "a?start=b", "a\nb"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> DeepLinks.start("MyBot", bad), bad);
            assertTrue(e.getMessage().contains("A-Z, a-z, 0-9, _ and -"), e.getMessage());
        }
    }

    @Test
    void refusesShortOrMissingUsernames() {
        assertThrows(IllegalArgumentException.class, () -> DeepLinks.start("abc", "x"));
        assertThrows(IllegalArgumentException.class, () -> DeepLinks.of(""));
        assertThrows(NullPointerException.class, () -> DeepLinks.of(null));
    }
}
