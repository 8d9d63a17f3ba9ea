package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InlineBotTest {

    @Test
    void offersCapsBoldAndItalicWithTheQueryEscaped() throws Exception {
        try (var run = RunningExample.start("InlineBot", InlineBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            ObjectNode query = alice.inlineQuery(run.bot, "Tom & <Jerry>");
            RecordedCall answer = run.bot.awaitAnswerTo(query, WAIT);
            JsonNode results = answer.param("results");
            assertEquals(3, results.size());
            assertArticle(results.get(0), "Caps", "TOM & <JERRY>", null);
            assertArticle(results.get(1), "Bold", "<b>Tom &amp; &lt;Jerry&gt;</b>", "HTML");
            assertArticle(results.get(2), "Italic", "<i>Tom &amp; &lt;Jerry&gt;</i>", "HTML");
            Set<String> ids = new HashSet<>();
            results.forEach(r -> ids.add(UUID.fromString(r.path("id").asText()).toString()));
            assertEquals(3, ids.size(), "a fresh UUID per result");

            EmulatedChat group = run.emulator.group("Friends", alice);
            ObjectNode sent = alice.sendInlineResult(group, query, results.get(1).path("id").asText());
            assertEquals("Tom & <Jerry>", sent.path("text").asText());
            assertEquals("bold", sent.path("entities").get(0).path("type").asText());
        }
    }

    @Test
    void anEmptyQueryGetsNoAnswer() throws Exception {
        try (var run = RunningExample.start("InlineBot", InlineBot::build)) {
            EmulatedUser bob = run.emulator.user("bob");
            ObjectNode empty = bob.inlineQuery(run.bot, "");
            ObjectNode later = bob.inlineQuery(run.bot, "x");
            run.bot.awaitAnswerTo(later, WAIT);
            // Inline queries of one user are handled in order, so the empty one was done before.
            assertEquals(1, run.emulator.calls("answerInlineQuery").size());
            assertEquals(true, run.bot.answerTo(empty).isEmpty());
        }
    }

    @Test
    void greetsAndHelps() throws Exception {
        try (var run = RunningExample.start("InlineBot", InlineBot::build)) {
            EmulatedUser carol = run.emulator.user("carol");
            assertEquals("Hi!", run.answerTo(carol, "/start"));
            assertEquals("Help!", run.answerTo(carol, "/help"));
            EmulatedChat chat = carol.chatWith(run.bot);
            ObjectNode silent = carol.sendText(run.bot, "text");
            RunningExample.assertSilentBefore(chat, silent, carol.sendText(run.bot, "/help"));
        }
    }

    private static void assertArticle(JsonNode result, String title, String text, String parseMode) {
        assertEquals("article", result.path("type").asText());
        assertEquals(title, result.path("title").asText());
        assertEquals(text, result.path("input_message_content").path("message_text").asText());
        JsonNode mode = result.path("input_message_content").get("parse_mode");
        if (parseMode == null) {
            assertNull(mode);
        } else {
            assertEquals(parseMode, mode.asText());
        }
    }
}
