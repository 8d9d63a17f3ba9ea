package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineKeyboard2BotTest {

    private static final String START = "Start handler, Choose a route";
    private static final List<List<String>> START_MENU = List.of(List.of("1=0", "2=1"));
    private static final String AGAIN = "Third CallbackQueryHandler. Do want to start over?";
    private static final List<List<String>> AGAIN_MENU =
            List.of(List.of("Yes, let's do it again!=0", "Nah, I've had enough ...=1"));

    @Test
    void followsEveryRouteToTheEnd() throws Exception {
        try (var run = RunningExample.start("RoutesBot", InlineKeyboard2Bot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);

            ObjectNode menu = run.say(alice, "/start");
            RecordedCall sent = run.next("sendMessage");
            assertEquals(START, sent.text());
            assertNull(sent.param("parse_mode"));
            assertEquals(START_MENU, RunningExample.inlineKeyboard(sent));

            run.pressEdits(alice, menu, "0", "First CallbackQueryHandler, Choose a route",
                    List.of(List.of("3=2", "4=3")));
            run.pressEdits(alice, menu, "3", "Fourth CallbackQueryHandler, Choose a route",
                    List.of(List.of("2=1", "3=2")));
            run.pressEdits(alice, menu, "1", "Second CallbackQueryHandler, Choose a route",
                    List.of(List.of("1=0", "3=2")));
            run.pressEdits(alice, menu, "2", AGAIN, AGAIN_MENU);
            run.pressEdits(alice, menu, "0", START, START_MENU);
            run.pressEdits(alice, menu, "1", "Second CallbackQueryHandler, Choose a route",
                    List.of(List.of("1=0", "3=2")));
            run.pressEdits(alice, menu, "2", AGAIN, AGAIN_MENU);
            run.pressEdits(alice, menu, "1", "See you next time!", null);
            RunningExample.awaitVersion(chat, menu.path("message_id").asLong(),
                    m -> "See you next time!".equals(m.path("text").asText()) && !m.has("reply_markup"));
        }
    }

    @Test
    void afterTheEndButtonsAreNotAnsweredAndStartBeginsAgain() throws Exception {
        try (var run = RunningExample.start("RoutesBot", InlineKeyboard2Bot::build)) {
            EmulatedUser bob = run.emulator.user("bob");
            ObjectNode first = run.say(bob, "/start");
            run.next("sendMessage");
            ObjectNode second = run.say(bob, "/start");
            run.next("sendMessage");
            run.pressEdits(bob, second, "1", "Second CallbackQueryHandler, Choose a route",
                    List.of(List.of("1=0", "3=2")));
            run.pressEdits(bob, second, "2", AGAIN, AGAIN_MENU);
            run.pressEdits(bob, second, "1", "See you next time!", null);

            // No conversation: the first message's buttons are not answered.
            pressIgnored(bob, first, "0", "1");
            ObjectNode again = run.say(bob, "/start");
            assertEquals(START, run.next("sendMessage").text());
            run.pressEdits(bob, again, "0", "First CallbackQueryHandler, Choose a route",
                    List.of(List.of("3=2", "4=3")));
        }
    }

    @Test
    void pressesThatDoNotFitTheMenuAreNotAnswered() throws Exception {
        try (var run = RunningExample.start("RoutesBot", InlineKeyboard2Bot::build)) {
            EmulatedUser carol = run.emulator.user("carol");
            ObjectNode first = run.say(carol, "/start");
            run.next("sendMessage");
            ObjectNode second = run.say(carol, "/start");
            run.next("sendMessage");
            run.pressEdits(carol, first, "0", "First CallbackQueryHandler, Choose a route",
                    List.of(List.of("3=2", "4=3")));
            run.pressEdits(carol, second, "1", "Second CallbackQueryHandler, Choose a route",
                    List.of(List.of("1=0", "3=2")));
            run.pressEdits(carol, second, "2", AGAIN, AGAIN_MENU);
            // END_ROUTES: the first message's "3" and "4" (data "2" and "3") are no routes here.
            pressIgnored(carol, first, "2", "3");
            run.pressEdits(carol, second, "0", START, START_MENU);
            // START_ROUTES again: they are.
            run.pressEdits(carol, first, "3", "Fourth CallbackQueryHandler, Choose a route",
                    List.of(List.of("2=1", "3=2")));
        }
    }

    @Test
    void startDuringTheConversationSendsANewMenu() throws Exception {
        try (var run = RunningExample.start("RoutesBot", InlineKeyboard2Bot::build)) {
            EmulatedUser dave = run.emulator.user("dave");
            ObjectNode menu = run.say(dave, "/start");
            run.next("sendMessage");
            run.pressEdits(dave, menu, "0", "First CallbackQueryHandler, Choose a route",
                    List.of(List.of("3=2", "4=3")));
            run.pressEdits(dave, menu, "2", AGAIN, AGAIN_MENU);
            ObjectNode fresh = run.say(dave, "/start");
            RecordedCall sent = run.next("sendMessage");
            assertEquals(START, sent.text());
            assertEquals(START_MENU, RunningExample.inlineKeyboard(sent));
            // Back in START_ROUTES: the fresh menu's "2" is a route.
            run.pressEdits(dave, fresh, "1", "Second CallbackQueryHandler, Choose a route",
                    List.of(List.of("1=0", "3=2")));
        }
    }

    /**
     * Presses buttons the bot must ignore. The proof is the next {@link RunningExample#pressEdits}: the same user's
     * updates are handled in order, and it asserts that the next answer and edit are its own.
     */
    private static void pressIgnored(EmulatedUser user, ObjectNode message, String... data) {
        for (String d : data) {
            user.pressButton(message, d);
        }
    }
}
