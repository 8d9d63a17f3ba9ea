package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepLinkingBotTest {

    @Test
    void leadsThroughEveryLevel() throws Exception {
        try (var run = RunningExample.start("DeepBot", DeepLinkingBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");

            run.say(alice, "/start");
            RecordedCall start = run.next("sendMessage");
            assertEquals("Feel free to tell your friends about it:\n\nhttps://t.me/DeepBot?startgroup=check-this-out",
                    start.text());
            assertNull(start.param("parse_mode"));
            assertNull(start.param("reply_markup"));

            EmulatedChat group = run.emulator.group("Friends", alice).add(run.bot);
            ObjectNode inGroup = alice.sendCommand(group, "/start", "check-this-out");
            group.awaitBotMessageAfter(inGroup, RunningExample.WAIT);
            RecordedCall level1 = run.next("sendMessage");
            assertEquals(Long.toString(group.id()), level1.chatId());
            assertEquals("Awesome, you just accessed hidden functionality! Now let's get back to the private chat.",
                    level1.text());
            assertEquals(List.of(List.of("Continue here!->https://t.me/DeepBot?start=so-cool")),
                    RunningExample.inlineKeyboard(level1));
            assertEquals(inGroup.path("message_id").asLong(),
                    level1.param("reply_parameters").path("message_id").asLong(), "quotes in groups");

            run.say(alice, "/start so-cool");
            RecordedCall level2 = run.next("sendMessage");
            assertEquals("You can also mask the deep-linked URLs as links: "
                    + "<a href=\"https://t.me/DeepBot?start=using-entities-here\">▶️ CLICK HERE</a>.", level2.text());
            assertEquals("HTML", level2.string("parse_mode"));
            assertTrue(level2.param("link_preview_options").path("is_disabled").asBoolean());

            ObjectNode level3 = run.say(alice, "/start using-entities-here");
            RecordedCall level3Call = run.next("sendMessage");
            assertEquals("It is also possible to make deep-linking using InlineKeyboardButtons.", level3Call.text());
            assertEquals(List.of(List.of("Like this!=keyboard-callback-data")),
                    RunningExample.inlineKeyboard(level3Call));

            ObjectNode query = alice.pressButton(level3, "keyboard-callback-data");
            RecordedCall answer = run.next("answerCallbackQuery");
            assertEquals(query.path("id").asText(), answer.string("callback_query_id"));
            assertEquals("https://t.me/DeepBot?start=using-keyboard-here", answer.string("url"));

            run.say(alice, "/start using-keyboard-here");
            assertEquals("Congratulations! This is as deep as it gets 👏🏻\n\nThe payload was: [using-keyboard-here]",
                    run.next("sendMessage").text());
        }
    }

    @Test
    void otherPayloadsGetThePlainStartAndOtherTextsNothing() throws Exception {
        try (var run = RunningExample.start("DeepBot", DeepLinkingBot::build)) {
            EmulatedUser bob = run.emulator.user("bob");
            EmulatedChat chat = bob.chatWith(run.bot);
            assertEquals("Feel free to tell your friends about it:\n\nhttps://t.me/DeepBot?startgroup=check-this-out",
                    run.answerTo(bob, "/start something-else"));
            ObjectNode silent = bob.sendText(run.bot, "check-this-out");
            ObjectNode probe = bob.sendText(run.bot, "/start");
            RunningExample.assertSilentBefore(chat, silent, probe);
        }
    }
}
