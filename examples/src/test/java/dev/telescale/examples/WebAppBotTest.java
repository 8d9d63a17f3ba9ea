package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import org.junit.jupiter.api.Test;

class WebAppBotTest {

    @Test
    void showsThePickerButtonAndThePickedColor() throws Exception {
        try (var run = RunningExample.start("ColorBot", WebAppBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);
            run.say(alice, "/start");
            RecordedCall start = run.next("sendMessage");
            assertEquals("Please press the button below to choose a color via the WebApp.", start.text());
            JsonNode markup = RunningExample.markup(start);
            assertEquals("{\"keyboard\":[[{\"text\":\"Open the color picker!\",\"web_app\":{\"url\":"
                    + "\"https://python-telegram-bot.org/static/webappbot\"}}]]}", markup.toString());

            ObjectNode data = alice.sendWebAppData(run.bot, "Open the color picker!",
                    "{\"hex\":\"#ff8000\",\"rgb\":{\"r\":255,\"g\":128,\"b\":0}}");
            chat.awaitBotMessageAfter(data, RunningExample.WAIT);
            RecordedCall picked = run.next("sendMessage");
            assertEquals("You selected the color with the HEX value <code>#ff8000</code>. "
                    + "The corresponding RGB value is <code>[255, 128, 0]</code>.", picked.text());
            assertEquals("HTML", picked.string("parse_mode"));
            assertTrue(RunningExample.markup(picked).path("remove_keyboard").asBoolean());
        }
    }

    @Test
    void otherMessagesAndBrokenDataGetNoAnswer() throws Exception {
        try (var run = RunningExample.start("ColorBot", WebAppBot::build)) {
            EmulatedUser bob = run.emulator.user("bob");
            EmulatedChat chat = bob.chatWith(run.bot);
            run.say(bob, "/start");
            ObjectNode text = bob.sendText(run.bot, "red please");
            ObjectNode broken = bob.sendWebAppData(run.bot, "Open the color picker!", "not json");
            ObjectNode probe = bob.sendText(run.bot, "/start");
            RunningExample.assertSilentBefore(chat, text, probe);
            assertTrue(broken.path("message_id").asLong() > text.path("message_id").asLong());
        }
    }
}
