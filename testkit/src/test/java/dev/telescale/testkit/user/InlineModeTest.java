package dev.telescale.testkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.methods.AnswerInlineQuery;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import dev.telescale.testkit.TestApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineModeTest {

    private static final String RESULTS = "[{\"type\":\"article\",\"id\":\"caps\",\"title\":\"Caps\","
            + "\"input_message_content\":{\"message_text\":\"HELLO\"}},"
            + "{\"type\":\"article\",\"id\":\"bold\",\"title\":\"Bold\","
            + "\"input_message_content\":{\"message_text\":\"*hello*\",\"parse_mode\":\"Markdown\"},"
            + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"x\",\"callback_data\":\"x\"}]]}}]";

    private static String answer(JsonNode query, String results) {
        return "{\"inline_query_id\":\"" + query.path("id").asText() + "\",\"results\":" + results + "}";
    }

    @Test
    void inlineQueryAnsweredChosenAndSentViaBot() {
        try (BotApiEmulator emulator = TestApi.startEmulator()) {
            EmulatedBot bot = emulator.createBot("Inline");
            EmulatedUser alice = emulator.user("alice");
            BotSide side = new BotSide(emulator, bot);
            ObjectNode query = alice.inlineQuery(bot, "hello");
            JsonNode received = side.single("inline_query");
            assertEquals("hello", received.path("query").asText());
            assertEquals("", received.path("offset").asText());
            assertEquals("sender", received.path("chat_type").asText());
            assertTrue(bot.answerTo(query).isEmpty());

            side.call("answerInlineQuery", answer(query, RESULTS));
            RecordedCall answerCall = bot.awaitAnswerTo(query, Duration.ofSeconds(5));
            AnswerInlineQuery typed = answerCall.as(AnswerInlineQuery.class);
            assertEquals(2, typed.results().size());

            EmulatedChat group = emulator.group("G", alice);
            ObjectNode message = alice.sendInlineResult(group, query, "bold");
            assertEquals("hello", message.path("text").asText());
            assertEquals("bold", message.path("entities").path(0).path("type").asText());
            assertEquals(bot.id(), message.path("via_bot").path("id").asLong());
            assertTrue(message.has("reply_markup"));
            JsonNode chosen = side.single("chosen_inline_result");
            assertEquals("bold", chosen.path("result_id").asText());
            assertEquals("hello", chosen.path("query").asText());
            assertTrue(chosen.has("inline_message_id"));

            ObjectNode caps = alice.chooseInlineResult(query, "caps");
            assertFalse(caps.has("inline_message_id"));
            assertThrows(IllegalArgumentException.class, () -> alice.chooseInlineResult(query, "nope"));
        }
    }

    @Test
    void aSecondAnswerAndAnUnknownQueryAreRefused() {
        try (BotApiEmulator emulator = TestApi.startEmulator()) {
            EmulatedBot bot = emulator.createBot("Inline");
            EmulatedUser alice = emulator.user("alice");
            BotSide side = new BotSide(emulator, bot);
            ObjectNode query = alice.inlineQuery(bot, "q", "", emulator.group("G", alice));
            assertEquals("group", side.single("inline_query").path("chat_type").asText());
            side.call("answerInlineQuery", answer(query, "[]"));
            TestApi.Answer twice = side.answer("answerInlineQuery", answer(query, "[]"));
            assertEquals(400, twice.status());
            assertEquals("Bad Request: query is too old and response timeout expired or query ID is invalid",
                    twice.description());
            assertEquals(400, side.answer("answerInlineQuery", "{\"inline_query_id\":\"123\",\"results\":[]}").status());
            assertThrows(IllegalStateException.class, () -> alice.chooseInlineResult(alice.inlineQuery(bot, "z"), "a"));
        }
    }

    @Test
    void badResultsAreRefused() {
        try (BotApiEmulator emulator = TestApi.startEmulator()) {
            EmulatedBot bot = emulator.createBot("Inline");
            EmulatedUser alice = emulator.user("alice");
            BotSide side = new BotSide(emulator, bot);
            for (String results : List.of(
                    "[{\"type\":\"article\",\"id\":\"a\",\"title\":\"t\",\"input_message_content\":{\"message_text\":\"x\"}},"
                            + "{\"type\":\"article\",\"id\":\"a\",\"title\":\"t\",\"input_message_content\":{\"message_text\":\"y\"}}]",
                    "[{\"type\":\"article\",\"id\":\"\",\"title\":\"t\",\"input_message_content\":{\"message_text\":\"x\"}}]",
                    "[{\"type\":\"hologram\",\"id\":\"a\"}]",
                    "[{\"type\":\"article\",\"id\":\"a\",\"title\":\"t\",\"input_message_content\":"
                            + "{\"message_text\":\"<b>x\",\"parse_mode\":\"HTML\"}}]")) {
                ObjectNode query = alice.inlineQuery(bot, "q");
                assertEquals(400, side.answer("answerInlineQuery", answer(query, results)).status(), results);
            }
        }
    }

    @Test
    void aLateAnswerIsTooOld() {
        MovableClock clock = new MovableClock();
        try (BotApiEmulator emulator = TestApi.builder().clock(clock).answerDeadline(Duration.ofSeconds(10)).start()) {
            EmulatedBot bot = emulator.createBot("Inline");
            ObjectNode query = emulator.user("alice").inlineQuery(bot, "late");
            clock.advance(Duration.ofSeconds(11));
            TestApi.Answer late = new BotSide(emulator, bot).answer("answerInlineQuery", answer(query, "[]"));
            assertEquals("Bad Request: query is too old and response timeout expired or query ID is invalid",
                    late.description());
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
