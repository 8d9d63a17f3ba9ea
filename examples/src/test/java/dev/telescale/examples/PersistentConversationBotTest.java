package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentConversationBotTest {

    private static final String NEW_USER = "Hi! My name is Doctor Botter. I will hold a more complex conversation with "
            + "you. Why don't you tell me something about yourself?";
    private static final String CATEGORIES = "[[{\"text\":\"Age\"},{\"text\":\"Favourite colour\"}],"
            + "[{\"text\":\"Number of siblings\"},{\"text\":\"Something else...\"}],[{\"text\":\"Done\"}]]";
    private static final String MORE = "You can tell me more, or change your opinion on something.";

    @TempDir
    Path dir;

    private RunningExample start() {
        Path file = dir.resolve("conversationbot.json");
        return RunningExample.start("DoctorBot", (token, base) -> PersistentConversationBot.build(token, base, file));
    }

    @Test
    void aRestartedBotContinuesTheConversationAndKnowsTheFacts() throws Exception {
        try (var run = start()) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);
            assertEquals(NEW_USER, run.answerTo(alice, "/start"));
            assertCategories(run.next("sendMessage"));
            assertEquals("Your number of siblings? Yes, I would love to hear about that!",
                    run.answerTo(alice, "Number of siblings"));
            assertNull(run.next("sendMessage").param("reply_markup"));
            assertEquals("Neat! Just so you know, this is what you already told me:\nnumber of siblings - two\n" + MORE,
                    run.answerTo(alice, "Two"));
            assertCategories(run.next("sendMessage"));
            assertEquals("Your age? Yes, I would love to hear about that!", run.answerTo(alice, "Age"));
            run.next("sendMessage");

            run.restart();
            // The state and the pending choice are in the file.
            JsonNode stored = new ObjectMapper().readTree(Files.readString(dir.resolve("conversationbot.json")));
            assertTrue(stored.toString().contains("TYPING_REPLY"), stored.toString());
            assertEquals("This is what you already told me: \nnumber of siblings - two\nchoice - age\n",
                    run.answerTo(alice, "/show_data"));
            run.next("sendMessage");
            assertEquals("Neat! Just so you know, this is what you already told me:\nnumber of siblings - two\n"
                    + "age - 31\n" + MORE, run.answerTo(alice, "31"), "the conversation went on in TYPING_REPLY");
            assertCategories(run.next("sendMessage"));
            assertEquals("Your number of siblings? I already know the following about that: two",
                    run.answerTo(alice, "Number of siblings"));
            run.next("sendMessage");
            assertEquals("Neat! Just so you know, this is what you already told me:\nnumber of siblings - three\n"
                    + "age - 31\n" + MORE, run.answerTo(alice, "THREE"), "a fact told again keeps its place");
            run.next("sendMessage");
            assertEquals("I learned these facts about you: \nnumber of siblings - three\nage - 31\nUntil next time!",
                    run.answerTo(alice, "Done"));
            assertEquals("{\"remove_keyboard\":true}", run.next("sendMessage").param("reply_markup").toString());
            assertTrue(chat.replyKeyboard().isEmpty());

            run.restart();
            // Ended before the restart: "Age" is not heard; the facts are still known.
            ObjectNode silent = alice.sendText(run.bot, "Age");
            ObjectNode probe = alice.sendText(run.bot, "/start");
            assertEquals("Hi! My name is Doctor Botter. You already told me your number of siblings, age. Why don't you "
                    + "tell me something more about yourself? Or change anything I already know.",
                    RunningExample.assertSilentBefore(chat, silent, probe).path("text").asText());
            assertCategories(run.next("sendMessage"));
        }
    }

    @Test
    void customCategoriesAndShowDataOutsideTheConversation() throws Exception {
        try (var run = start()) {
            EmulatedUser bob = run.emulator.user("bob");
            assertEquals("This is what you already told me: \n\n", run.answerTo(bob, "/show_data"));
            assertEquals(NEW_USER, run.answerTo(bob, "/start"));
            assertEquals("Alright, please send me the category first, for example \"Most impressive skill\"",
                    run.answerTo(bob, "Something else..."));
            assertEquals("Your most impressive skill? Yes, I would love to hear about that!",
                    run.answerTo(bob, "Most Impressive Skill"));
            assertEquals("Neat! Just so you know, this is what you already told me:\nmost impressive skill - juggling\n"
                    + MORE, run.answerTo(bob, "Juggling"));
            // The category "choice" collides with the pending choice, as in the original: the fact is lost.
            run.answerTo(bob, "Something else...");
            assertEquals("Your choice? I already know the following about that: choice", run.answerTo(bob, "Choice"));
            assertEquals("Neat! Just so you know, this is what you already told me:\nmost impressive skill - juggling\n"
                    + MORE, run.answerTo(bob, "mine"));
            assertEquals("I learned these facts about you: \nmost impressive skill - juggling\nUntil next time!",
                    run.answerTo(bob, "Done"));
            assertEquals("This is what you already told me: \nmost impressive skill - juggling\n",
                    run.answerTo(bob, "/show_data"));
        }
    }

    @Test
    void ignoresWhatDoesNotFitTheStep() throws Exception {
        try (var run = start()) {
            EmulatedUser carol = run.emulator.user("carol");
            assertSilent(run, carol, "Age", "/start", NEW_USER);
            assertSilent(run, carol, "/start", "Age", "Your age? Yes, I would love to hear about that!");
            assertSilent(run, carol, "/age", "Done", "I learned these facts about you: \n\nUntil next time!");
        }
    }

    @Test
    void usersAreKeptApart() throws Exception {
        try (var run = start()) {
            EmulatedUser dave = run.emulator.user("dave");
            EmulatedUser erin = run.emulator.user("erin");
            run.answerTo(dave, "/start");
            run.answerTo(dave, "Age");
            run.answerTo(dave, "50");
            assertEquals(NEW_USER, run.answerTo(erin, "/start"));

            run.restart();
            assertEquals("Your favourite colour? Yes, I would love to hear about that!",
                    run.answerTo(erin, "Favourite colour"));
            assertEquals("This is what you already told me: \nage - 50\n", run.answerTo(dave, "/show_data"));
        }
    }

    private void assertSilent(RunningExample run, EmulatedUser user, String silent, String probe, String expected) {
        ObjectNode quiet = user.sendText(run.bot, silent);
        ObjectNode sent = user.sendText(run.bot, probe);
        assertEquals(expected, RunningExample.assertSilentBefore(user.chatWith(run.bot), quiet, sent)
                .path("text").asText(), silent);
    }

    private static void assertCategories(RecordedCall call) {
        assertNull(call.param("parse_mode"));
        assertEquals(CATEGORIES, call.param("reply_markup").path("keyboard").toString());
        assertTrue(call.param("reply_markup").path("one_time_keyboard").asBoolean());
    }
}
