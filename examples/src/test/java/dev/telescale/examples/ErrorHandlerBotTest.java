package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import org.junit.jupiter.api.Test;

class ErrorHandlerBotTest {

    @Test
    void startShowsTheChatIdAndABadCommandIsReportedToTheDeveloper() throws Exception {
        BotApiEmulator emulator = BotApiEmulator.start();
        EmulatedBot bot = emulator.createBot("ErrorBot");
        EmulatedUser developer = emulator.user("dev");
        EmulatedChat developerChat = developer.chatWith(bot);
        try (var run = RunningExample.start(emulator, bot,
                (token, api) -> ErrorHandlerBot.build(token, api, developerChat.id()))) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);

            ObjectNode start = run.say(alice, "/start");
            RecordedCall hello = run.next("sendMessage");
            assertEquals("Use /bad_command to cause an error.\nYour chat id is <code>" + chat.id() + "</code>.",
                    hello.text());
            assertEquals("HTML", hello.string("parse_mode"));

            ObjectNode bad = alice.sendText(run.bot, "/bad_command");
            RecordedCall report = run.emulator.awaitCall("sendMessage",
                    c -> c.chatId().equals(Long.toString(developerChat.id())), RunningExample.WAIT);
            String text = report.text();
            assertEquals("HTML", report.string("parse_mode"));
            // The JSON is HTML-escaped with quotes, as Python's html.escape does.
            assertTrue(text.startsWith("An exception was raised while handling an update\n<pre>update = {\n"
                    + "  &quot;update_id&quot;: "), text);
            assertTrue(text.contains("\n    &quot;text&quot;: &quot;/bad_command&quot;,\n"), text);
            assertTrue(text.contains("</pre>\n\n<pre>context.chat_data = {}</pre>\n\n"
                    + "<pre>context.user_data = {}</pre>\n\n<pre>java.lang.NoSuchMethodException: "
                    + "dev.telescale.bot.Bot.wrongMethodName()\n\tat "), text);
            assertTrue(text.contains("\tat dev.telescale.examples.ErrorHandlerBot"), text);
            assertTrue(text.endsWith(" more\n</pre>"), text);
            assertTrue(text.length() < 4096, "fits one message: " + text.length());
            assertFalse(text.contains(run.bot.token()));

            ObjectNode probe = alice.sendText(run.bot, "/start");
            RunningExample.assertSilentBefore(chat, bad, probe);
            assertEquals(start.path("chat"), probe.path("chat"));
        }
    }

    @Test
    void writesTheUpdateAsPythonsIndentedJson() {
        Update update = TelegramJson.parse("{\"update_id\":7,\"message\":{\"message_id\":1,\"date\":2,"
                + "\"chat\":{\"id\":3,\"type\":\"private\"},\"text\":\"<x> & ü\"}}", Update.class);
        assertEquals("""
                {
                  "update_id": 7,
                  "message": {
                    "message_id": 1,
                    "date": 2,
                    "chat": {
                      "id": 3,
                      "type": "private"
                    },
                    "text": "<x> & ü"
                  }
                }""", ErrorHandlerBot.updateJson(update));
        assertEquals("\"null\"", ErrorHandlerBot.updateJson(null));
        assertEquals("\"custom\"", ErrorHandlerBot.updateJson("custom"));
    }
}
