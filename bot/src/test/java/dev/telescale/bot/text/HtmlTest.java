package dev.telescale.bot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.telescale.api.types.User;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveCharactersAsPythonsHtmlEscapeWithQuotes() {
        assertEquals("&lt;b&gt;Tom &amp; &quot;Jerry&quot; &#x27;s&lt;/b&gt;", Html.escape("<b>Tom & \"Jerry\" 's</b>"));
    }

    @Test
    void leavesPlainTextAsItIs() {
        String text = "plain text, ünïcode 👍";
        assertSame(text, Html.escape(text));
        assertEquals("", Html.escape(""));
    }

    @Test
    void escapesAlreadyEscapedTextAgain() {
        assertEquals("&amp;amp;", Html.escape("&amp;"));
    }

    @Test
    void mentionsByIdWithTheNameEscaped() {
        assertEquals("<a href=\"tg://user?id=42\">A &lt;b&gt;</a>", Html.mention(42, "A <b>"));
    }

    @Test
    void mentionsAUserWithTheFullName() {
        User user = User.builder().id(7).isBot(false).firstName("Ada").lastName("Love & Lace").build();
        assertEquals("<a href=\"tg://user?id=7\">Ada Love &amp; Lace</a>", Html.mention(user));
        User first = User.builder().id(8).isBot(false).firstName("Bo").build();
        assertEquals("<a href=\"tg://user?id=8\">Bo</a>", Html.mention(first));
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> Html.escape(null));
        assertThrows(NullPointerException.class, () -> Html.mention(1, null));
    }
}
