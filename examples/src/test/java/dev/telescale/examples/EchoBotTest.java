package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import org.junit.jupiter.api.Test;

/** The echo bot end to end: long polling against the emulator over HTTP, as a newcomer runs it. */
class EchoBotTest {

    @Test
    void greetsWithAMentionAndAForcedReplyThenEchoesAndHelps() throws Exception {
        try (var run = RunningExample.start("EchoBot", EchoBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);

            ObjectNode start = alice.sendCommand(run.bot, "/start", null);
            chat.awaitBotMessageAfter(start, WAIT);
            RecordedCall greeting = run.next("sendMessage");
            assertEquals("Hi <a href=\"tg://user?id=" + alice.id() + "\">alice</a>!", greeting.text());
            assertEquals("HTML", greeting.string("parse_mode"));
            assertEquals(true, RunningExample.markup(greeting).path("force_reply").asBoolean());
            assertEquals(true, RunningExample.markup(greeting).path("selective").asBoolean());
            assertNull(greeting.param("reply_parameters"), "no quote in a private chat");

            ObjectNode hello = alice.sendText(run.bot, "hello <b>there</b>");
            assertEquals("hello <b>there</b>", chat.awaitBotMessageAfter(hello, WAIT).path("text").asText());
            RecordedCall echo = run.next("sendMessage");
            assertEquals("hello <b>there</b>", echo.text());
            assertNull(echo.param("parse_mode"));
            assertNull(echo.param("reply_markup"));

            alice.sendCommand(run.bot, "/help", null);
            RecordedCall help = run.next("sendMessage");
            assertEquals("Help!", help.text());
            assertNull(help.param("parse_mode"));
        }
    }

    @Test
    void escapesTheNameInTheMention() throws Exception {
        try (var run = RunningExample.start("EchoBot", EchoBot::build)) {
            EmulatedUser odd = run.emulator.user("<Tom & Jerry>");
            odd.sendCommand(run.bot, "/start", null);
            assertEquals("Hi <a href=\"tg://user?id=" + odd.id() + "\">&lt;Tom &amp; Jerry&gt;</a>!",
                    run.next("sendMessage").text());
        }
    }

    @Test
    void unknownCommandsAndNonTextAreNotAnswered() throws Exception {
        try (var run = RunningExample.start("EchoBot", EchoBot::build)) {
            EmulatedUser bob = run.emulator.user("bob");
            EmulatedChat chat = bob.chatWith(run.bot);

            ObjectNode unknown = bob.sendCommand(run.bot, "/unknown", null);
            bob.send(chat, m -> m.putObject("location").put("latitude", 1.5).put("longitude", 2.5));
            ObjectNode probe = bob.sendText(run.bot, "after");
            assertEquals("after", RunningExample.assertSilentBefore(chat, unknown, probe).path("text").asText());
            assertFalse(run.emulator.calls("sendMessage").stream().anyMatch(c -> c.text().startsWith("/unknown")));
        }
    }
}
