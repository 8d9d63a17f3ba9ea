package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import org.junit.jupiter.api.Test;

class ConversationBot2Test {

    private static final String GREETING = "Hi! My name is Doctor Botter. I will hold a more complex conversation "
            + "with you. Why don't you tell me something about yourself?";
    private static final String CATEGORIES = "[[{\"text\":\"Age\"},{\"text\":\"Favourite colour\"}],"
            + "[{\"text\":\"Number of siblings\"},{\"text\":\"Something else...\"}],[{\"text\":\"Done\"}]]";
    private static final String ASK_CATEGORY =
            "Alright, please send me the category first, for example \"Most impressive skill\"";
    private static final String REMOVE = "{\"remove_keyboard\":true}";

    @Test
    void collectsFactsInTheOrderTheyWereToldAndForgetsThemWhenDone() throws Exception {
        try (var run = RunningExample.start("DoctorBot", ConversationBot2::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);

            assertEquals(GREETING, run.answerTo(alice, "/start"));
            assertCategoriesKeyboard(run.next("sendMessage"));

            assertEquals("Your age? Yes, I would love to hear about that!", run.answerTo(alice, "Age"));
            RecordedCall question = run.next("sendMessage");
            assertNull(question.param("reply_markup"), "the keyboard was one-time; no new one");
            assertEquals("Neat! Just so you know, this is what you already told me:\nAge - 31\n"
                    + "You can tell me more, or change your opinion on something.", run.answerTo(alice, "31"));
            assertCategoriesKeyboard(run.next("sendMessage"));

            assertEquals(ASK_CATEGORY, run.answerTo(alice, "Something else..."));
            run.next("sendMessage");
            assertEquals("Your most impressive skill? Yes, I would love to hear about that!",
                    run.answerTo(alice, "Most impressive skill"));
            run.next("sendMessage");
            assertEquals("Neat! Just so you know, this is what you already told me:\nAge - 31\n"
                    + "Most impressive skill - Juggling\nYou can tell me more, or change your opinion on something.",
                    run.answerTo(alice, "Juggling"));
            run.next("sendMessage");

            assertEquals("Your favourite colour? Yes, I would love to hear about that!",
                    run.answerTo(alice, "Favourite colour"));
            run.next("sendMessage");
            assertEquals("Neat! Just so you know, this is what you already told me:\nAge - 31\n"
                    + "Most impressive skill - Juggling\nFavourite colour - Blue\n"
                    + "You can tell me more, or change your opinion on something.", run.answerTo(alice, "Blue"));
            run.next("sendMessage");

            // Told again, a fact keeps its place (Python's dict), with the new value.
            run.answerTo(alice, "Age");
            run.next("sendMessage");
            assertEquals("Neat! Just so you know, this is what you already told me:\nAge - 32\n"
                    + "Most impressive skill - Juggling\nFavourite colour - Blue\n"
                    + "You can tell me more, or change your opinion on something.", run.answerTo(alice, "32"));
            run.next("sendMessage");

            assertEquals("I learned these facts about you: \nAge - 32\nMost impressive skill - Juggling\n"
                    + "Favourite colour - Blue\nUntil next time!", run.answerTo(alice, "Done"));
            assertEquals(REMOVE, RunningExample.markup(run.next("sendMessage")).toString());
            assertTrue(chat.replyKeyboard().isEmpty());

            // The facts were forgotten and the conversation ended.
            ObjectNode silent = alice.sendText(run.bot, "Age");
            ObjectNode probe = alice.sendText(run.bot, "/start");
            assertEquals(GREETING, RunningExample.assertSilentBefore(chat, silent, probe).path("text").asText());
            assertEquals("I learned these facts about you: \n\nUntil next time!", run.answerTo(alice, "Done"));
        }
    }

    @Test
    void doneEndsFromEveryStepAndDropsAPendingChoice() throws Exception {
        try (var run = RunningExample.start("DoctorBot", ConversationBot2::build)) {
            EmulatedUser bob = run.emulator.user("bob");
            run.answerTo(bob, "/start");
            assertEquals("I learned these facts about you: \n\nUntil next time!", run.answerTo(bob, "Done"));

            run.answerTo(bob, "/start");
            run.answerTo(bob, "Number of siblings");
            assertEquals("I learned these facts about you: \n\nUntil next time!", run.answerTo(bob, "Done"),
                    "the pending choice is not a fact");

            run.answerTo(bob, "/start");
            run.answerTo(bob, "Number of siblings");
            run.answerTo(bob, "2");
            run.answerTo(bob, "Something else...");
            assertEquals("I learned these facts about you: \nNumber of siblings - 2\nUntil next time!",
                    run.answerTo(bob, "Done"));
        }
    }

    @Test
    void ignoresWhatDoesNotFitTheStep() throws Exception {
        try (var run = RunningExample.start("DoctorBot", ConversationBot2::build)) {
            EmulatedUser carol = run.emulator.user("carol");
            EmulatedChat chat = carol.chatWith(run.bot);
            assertSilent(run, carol, "Age", "/start", GREETING);
            // CHOOSING: only the keyboard's texts, exactly.
            assertSilent(run, carol, "age", "Age", "Your age? Yes, I would love to hear about that!");
            // TYPING_REPLY: commands are not answers; /start does not restart.
            assertSilent(run, carol, "/start", "forty", "Neat! Just so you know, this is what you already told me:"
                    + "\nAge - forty\nYou can tell me more, or change your opinion on something.");
            assertSilent(run, carol, "Done!", "Something else...", ASK_CATEGORY);
            // TYPING_CHOICE: a command is not a category, "Done" ends.
            assertSilent(run, carol, "/age", "Done",
                    "I learned these facts about you: \nAge - forty\nUntil next time!");
            assertTrue(chat.replyKeyboard().isEmpty());
        }
    }

    @Test
    void keepsFactsPerUser() throws Exception {
        try (var run = RunningExample.start("DoctorBot", ConversationBot2::build)) {
            EmulatedUser dave = run.emulator.user("dave");
            EmulatedUser erin = run.emulator.user("erin");
            run.answerTo(dave, "/start");
            run.answerTo(erin, "/start");
            run.answerTo(dave, "Age");
            run.answerTo(erin, "Favourite colour");
            run.answerTo(dave, "40");
            run.answerTo(erin, "Red");
            assertEquals("I learned these facts about you: \nFavourite colour - Red\nUntil next time!",
                    run.answerTo(erin, "Done"));
            assertEquals("I learned these facts about you: \nAge - 40\nUntil next time!", run.answerTo(dave, "Done"));
        }
    }

    private static void assertCategoriesKeyboard(RecordedCall call) {
        assertNull(call.param("parse_mode"));
        JsonNode markup = RunningExample.markup(call);
        assertEquals(CATEGORIES, markup.path("keyboard").toString());
        assertTrue(markup.path("one_time_keyboard").asBoolean());
        assertNull(markup.get("input_field_placeholder"));
    }

    /** Sends {@code silent}, then {@code probe}: only the probe is answered, with {@code expected}. */
    private static void assertSilent(RunningExample run, EmulatedUser user, String silent, String probe,
                                     String expected) {
        ObjectNode quiet = user.sendText(run.bot, silent);
        ObjectNode sent = user.sendText(run.bot, probe);
        assertEquals(expected,
                RunningExample.assertSilentBefore(user.chatWith(run.bot), quiet, sent).path("text").asText(), silent);
    }
}
