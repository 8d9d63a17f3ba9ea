package dev.telescale.testkit.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.json.Json;
import org.junit.jupiter.api.Test;

class TextFormattingTest {

    private static final JsonNode ALICE = Json.object().put("id", 42).put("is_bot", false).put("first_name", "Alice");

    private static FormattedText parse(String text, String mode) {
        return TextFormatting.parse(text, mode, id -> id == 42 ? ALICE : null);
    }

    private static String entities(FormattedText formatted) {
        return formatted.entities().toString();
    }

    private static String error(String text, String mode) {
        return assertThrows(BotApiError.class, () -> parse(text, mode)).getMessage();
    }

    @Test
    void htmlTagsBecomeEntitiesWithUtf16Offsets() {
        FormattedText f = parse("<b>bold</b> <i>it</i> <u>u</u> <s>s</s> <tg-spoiler>sp</tg-spoiler> 😀<code>c</code>", "HTML");
        assertEquals("bold it u s sp 😀c", f.text());
        assertEquals("[{\"offset\":0,\"length\":4,\"type\":\"bold\"},{\"offset\":5,\"length\":2,\"type\":\"italic\"},"
                + "{\"offset\":8,\"length\":1,\"type\":\"underline\"},{\"offset\":10,\"length\":1,\"type\":\"strikethrough\"},"
                + "{\"offset\":12,\"length\":2,\"type\":\"spoiler\"},{\"offset\":17,\"length\":1,\"type\":\"code\"}]", entities(f));
    }

    @Test
    void htmlLinksMentionsPreWithLanguageBlockquoteAndCustomEmoji() {
        FormattedText f = parse("<a href=\"https://x.org/?a=1&amp;b=2\">x</a> <a href=\"tg://user?id=42\">Alice</a> "
                + "<pre><code class=\"language-java\">int a;</code></pre><blockquote expandable>q</blockquote>"
                + "<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>", "html");
        assertEquals("x Alice int a;q👍", f.text());
        JsonNode e = f.entities();
        assertEquals("text_link", e.get(0).path("type").asText());
        assertEquals("https://x.org/?a=1&b=2", e.get(0).path("url").asText());
        assertEquals("text_mention", e.get(1).path("type").asText());
        assertEquals(42, e.get(1).path("user").path("id").asLong());
        assertEquals("pre", e.get(2).path("type").asText());
        assertEquals("java", e.get(2).path("language").asText());
        assertEquals("expandable_blockquote", e.get(3).path("type").asText());
        assertEquals("5368324170671202286", e.get(4).path("custom_emoji_id").asText());
    }

    @Test
    void htmlEntitiesAreDecodedAndUnknownOnesKept() {
        assertEquals("<a> & \" é &nbsp;", parse("&lt;a&gt; &amp; &quot; &#233; &nbsp;", "HTML").text());
    }

    @Test
    void mentionOfAnUnknownUserIsDropped() {
        assertEquals("[]", entities(parse("<a href=\"tg://user?id=7\">x</a>", "HTML")));
    }

    @Test
    void malformedHtmlIsRejectedWithTelegramsMessages() {
        assertEquals("Bad Request: can't parse entities: Unsupported start tag \"foo\" at byte offset 2",
                error("é<foo>x</foo>", "HTML"));
        assertEquals("Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
                error("<b>open", "HTML"));
        assertEquals("Bad Request: can't parse entities: Unexpected end tag at byte offset 1", error("a</b>", "HTML"));
        assertEquals("Bad Request: can't parse entities: Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"",
                error("<b><i>x</b></i>", "HTML"));
        assertEquals(400, assertThrows(BotApiError.class, () -> parse("a < b", "HTML")).code());
    }

    @Test
    void markdownV2EntitiesNestingAndEscapes() {
        FormattedText f = parse("*bold _it_* __u__ ~s~ ||sp|| `c\\`` [l](https://t.me/x?a=\\)) 1\\.5", "MarkdownV2");
        assertEquals("bold it u s sp c` l 1.5", f.text());
        assertEquals("[{\"offset\":0,\"length\":7,\"type\":\"bold\"},{\"offset\":5,\"length\":2,\"type\":\"italic\"},"
                + "{\"offset\":8,\"length\":1,\"type\":\"underline\"},{\"offset\":10,\"length\":1,\"type\":\"strikethrough\"},"
                + "{\"offset\":12,\"length\":2,\"type\":\"spoiler\"},{\"offset\":15,\"length\":2,\"type\":\"code\"},"
                + "{\"offset\":18,\"length\":1,\"type\":\"text_link\",\"url\":\"https://t.me/x?a=)\"}]", entities(f));
    }

    @Test
    void markdownV2PreBlockquoteAndCustomEmoji() {
        FormattedText f = parse("```python\nprint(1)\n```\n>quoted\n>more\nafter ![👍](tg://emoji?id=123)", "MarkdownV2");
        assertEquals("print(1)\n\nquoted\nmore\nafter 👍", f.text());
        assertEquals("pre", f.entities().get(0).path("type").asText());
        assertEquals("python", f.entities().get(0).path("language").asText());
        assertEquals("blockquote", f.entities().get(1).path("type").asText());
        assertEquals(10, f.entities().get(1).path("offset").asInt());
        assertEquals(11, f.entities().get(1).path("length").asInt());
        assertEquals("123", f.entities().get(2).path("custom_emoji_id").asText());
    }

    @Test
    void malformedMarkdownV2IsRejected() {
        assertEquals("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
                error("Hello.", "MarkdownV2"));
        assertEquals("Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 3",
                error("ab *bold", "MarkdownV2"));
        assertEquals("Bad Request: can't parse entities: Can't find end of Code entity at byte offset 0",
                error("`code", "MarkdownV2"));
    }

    @Test
    void legacyMarkdown() {
        FormattedText f = parse("*b* _i_ `c` [l](http://x.y) \\*lit ```js\nx```", "Markdown");
        assertEquals("b i c l *lit x", f.text());
        assertEquals("[{\"offset\":0,\"length\":1,\"type\":\"bold\"},{\"offset\":2,\"length\":1,\"type\":\"italic\"},"
                + "{\"offset\":4,\"length\":1,\"type\":\"code\"},{\"offset\":6,\"length\":1,\"type\":\"text_link\",\"url\":\"http://x.y\"},"
                + "{\"offset\":13,\"length\":1,\"type\":\"pre\",\"language\":\"js\"}]", entities(f));
        assertEquals("Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 2",
                error("a *b", "Markdown"));
    }

    @Test
    void unknownParseModeIsRejected() {
        assertEquals("Bad Request: unsupported parse_mode", error("x", "BBCode"));
    }
}
