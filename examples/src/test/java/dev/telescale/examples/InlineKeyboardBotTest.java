package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineKeyboardBotTest {

    @Test
    void offersThreeOptionsAndShowsTheChosenOne() throws Exception {
        try (var run = RunningExample.start("KeyboardBot", InlineKeyboardBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);

            ObjectNode menu = run.say(alice, "/start");
            RecordedCall sent = run.next("sendMessage");
            assertEquals("Please choose:", sent.text());
            assertNull(sent.param("parse_mode"));
            assertEquals(List.of(List.of("Option 1=1", "Option 2=2"), List.of("Option 3=3")),
                    RunningExample.inlineKeyboard(sent));

            ObjectNode query = alice.pressButton(menu, "2");
            RecordedCall answer = run.next("answerCallbackQuery");
            assertEquals(query.path("id").asText(), answer.string("callback_query_id"));
            assertNull(answer.param("text"), "answered without a notification");
            RecordedCall edit = run.next("editMessageText");
            assertEquals("Selected option: 2", edit.text());
            assertEquals(menu.path("message_id").asLong(), edit.param("message_id").asLong());
            assertNull(edit.param("reply_markup"), "the edit drops the keyboard");
            RunningExample.awaitVersion(chat, menu.path("message_id").asLong(),
                    m -> "Selected option: 2".equals(m.path("text").asText()) && !m.has("reply_markup"));
        }
    }

    @Test
    void eachOptionShowsItsOwnData() throws Exception {
        try (var run = RunningExample.start("KeyboardBot", InlineKeyboardBot::build)) {
            EmulatedUser bob = run.emulator.user("bob");
            for (String option : List.of("1", "3")) {
                ObjectNode menu = run.say(bob, "/start");
                bob.pressButton(menu, option);
                run.next("answerCallbackQuery");
                assertEquals("Selected option: " + option, run.emulator.awaitCall("editMessageText",
                        c -> c.param("message_id").asLong() == menu.path("message_id").asLong(), RunningExample.WAIT).text());
            }
        }
    }

    @Test
    void helpsAndIgnoresOtherMessages() throws Exception {
        try (var run = RunningExample.start("KeyboardBot", InlineKeyboardBot::build)) {
            EmulatedUser carol = run.emulator.user("carol");
            EmulatedChat chat = carol.chatWith(run.bot);
            ObjectNode silent = carol.sendText(run.bot, "hello");
            ObjectNode probe = carol.sendCommand(run.bot, "/help", null);
            assertEquals("Use /start to test this bot.",
                    RunningExample.assertSilentBefore(chat, silent, probe).path("text").asText());
            assertFalse(run.emulator.calls("sendMessage").stream().anyMatch(c -> c.text().contains("hello")));
        }
    }
}
