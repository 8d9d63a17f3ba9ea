package dev.telescale.bot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.telescale.api.types.User;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void legacyMarkdownEscapesOnlyItsFourCharacters() {
        assertEquals("\\_a\\*b\\`c\\[d] (e) \\ f.", Markdown.escape("_a*b`c[d] (e) \\ f."));
    }

    @Test
    void markdownV2EscapesEverySpecialCharacterAndTheBackslash() {
        assertEquals("\\\\\\_\\*\\[\\]\\(\\)\\~\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\!", Markdown.escapeV2("\\_*[]()~`>#+-=|{}.!"));
        assertEquals("Hello, world\\!", Markdown.escapeV2("Hello, world!"));
    }

    @Test
    void markdownV2InsideCodeEscapesOnlyBackslashAndBacktick() {
        assertEquals("a_b \\` \\\\ *", Markdown.escapeV2("a_b ` \\ *", "code"));
        assertEquals("a_b \\` \\\\ *", Markdown.escapeV2("a_b ` \\ *", "pre"));
    }

    @Test
    void markdownV2InsideLinksEscapesOnlyBackslashAndClosingParenthesis() {
        assertEquals("https://x.y/(a\\)_\\\\", Markdown.escapeV2("https://x.y/(a)_\\", "text_link"));
        assertEquals("1\\)", Markdown.escapeV2("1)", "custom_emoji"));
    }

    @Test
    void otherEntityTypesAndNullAreOrdinaryText() {
        assertEquals("a\\.b", Markdown.escapeV2("a.b", "bold"));
        assertEquals("a\\.b", Markdown.escapeV2("a.b", null));
    }

    @Test
    void emptyTextStaysEmpty() {
        assertEquals("", Markdown.escape(""));
        assertEquals("", Markdown.escapeV2(""));
    }

    @Test
    void mentions() {
        User user = User.builder().id(5).isBot(false).firstName("J.").lastName("Doe_2").build();
        assertEquals("[J. Doe_2](tg://user?id=5)", Markdown.mention(user));
        assertEquals("[J\\. Doe\\_2](tg://user?id=5)", Markdown.mentionV2(user));
        assertEquals("[x](tg://user?id=-3)", Markdown.mentionV2(-3, "x"));
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> Markdown.escape(null));
        assertThrows(NullPointerException.class, () -> Markdown.escapeV2(null));
        assertThrows(NullPointerException.class, () -> Markdown.mention(1, null));
    }
}
