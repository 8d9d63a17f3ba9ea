package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    private BotApiEmulator emulator;
    private EmulatedBot bot;
    private Path file;

    @BeforeEach
    void startEmulator() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("DoctorBot");
        file = dir.resolve("conversationbot.json");
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private PollingRun run() {
        return new PollingRun(PersistentConversationBot.build(bot.token(), emulator.apiBaseUrl(), file));
    }

    @Test
    void aRestartedBotContinuesTheConversationAndKnowsTheFacts() throws Exception {
        EmulatedUser alice = emulator.user("alice");
        EmulatedChat chat = alice.chatWith(bot);
        try (var run = run()) {
            assertEquals(NEW_USER, answer(alice, "/start"));
            assertCategories(next());
            assertEquals("Your number of siblings? Yes, I would love to hear about that!",
                    answer(alice, "Number of siblings"));
            assertNull(next().param("reply_markup"));
            assertEquals("Neat! Just so you know, this is what you already told me:\nnumber of siblings - two\n" + MORE,
                    answer(alice, "Two"));
            assertCategories(next());
            assertEquals("Your age? Yes, I would love to hear about that!", answer(alice, "Age"));
            next();
        }
        // The state and the pending choice are in the file.
        JsonNode stored = new ObjectMapper().readTree(Files.readString(file));
        assertTrue(stored.toString().contains("TYPING_REPLY"), stored.toString());

        try (var run = run()) {
            assertEquals("This is what you already told me: \nnumber of siblings - two\nchoice - age\n",
                    answer(alice, "/show_data"));
            next();
            assertEquals("Neat! Just so you know, this is what you already told me:\nnumber of siblings - two\n"
                    + "age - 31\n" + MORE, answer(alice, "31"), "the conversation went on in TYPING_REPLY");
            assertCategories(next());
            assertEquals("Your number of siblings? I already know the following about that: two",
                    answer(alice, "Number of siblings"));
            next();
            assertEquals("Neat! Just so you know, this is what you already told me:\nnumber of siblings - three\n"
                    + "age - 31\n" + MORE, answer(alice, "THREE"), "a fact told again keeps its place");
            next();
            assertEquals("I learned these facts about you: \nnumber of siblings - three\nage - 31\nUntil next time!",
                    answer(alice, "Done"));
            assertEquals("{\"remove_keyboard\":true}", next().param("reply_markup").toString());
            assertTrue(chat.replyKeyboard().isEmpty());
        }

        try (var run = run()) {
            // Ended before the restart: "Age" is not heard; the facts are still known.
            ObjectNode silent = alice.sendText(bot, "Age");
            ObjectNode probe = alice.sendText(bot, "/start");
            assertEquals("Hi! My name is Doctor Botter. You already told me your number of siblings, age. Why don't you "
                    + "tell me something more about yourself? Or change anything I already know.",
                    RunningExample.assertSilentBefore(chat, silent, probe).path("text").asText());
            assertCategories(next());
        }
    }

    @Test
    void customCategoriesAndShowDataOutsideTheConversation() throws Exception {
        EmulatedUser bob = emulator.user("bob");
        try (var run = run()) {
            assertEquals("This is what you already told me: \n\n", answer(bob, "/show_data"));
            assertEquals(NEW_USER, answer(bob, "/start"));
            assertEquals("Alright, please send me the category first, for example \"Most impressive skill\"",
                    answer(bob, "Something else..."));
            assertEquals("Your most impressive skill? Yes, I would love to hear about that!",
                    answer(bob, "Most Impressive Skill"));
            assertEquals("Neat! Just so you know, this is what you already told me:\nmost impressive skill - juggling\n"
                    + MORE, answer(bob, "Juggling"));
            // The category "choice" collides with the pending choice, as in the original: the fact is lost.
            answer(bob, "Something else...");
            assertEquals("Your choice? I already know the following about that: choice", answer(bob, "Choice"));
            assertEquals("Neat! Just so you know, this is what you already told me:\nmost impressive skill - juggling\n"
                    + MORE, answer(bob, "mine"));
            assertEquals("I learned these facts about you: \nmost impressive skill - juggling\nUntil next time!",
                    answer(bob, "Done"));
            assertEquals("This is what you already told me: \nmost impressive skill - juggling\n",
                    answer(bob, "/show_data"));
        }
    }

    @Test
    void ignoresWhatDoesNotFitTheStep() throws Exception {
        EmulatedUser carol = emulator.user("carol");
        EmulatedChat chat = carol.chatWith(bot);
        try (var run = run()) {
            assertSilent(chat, carol, "Age", "/start", NEW_USER);
            assertSilent(chat, carol, "/start", "Age", "Your age? Yes, I would love to hear about that!");
            assertSilent(chat, carol, "/age", "Done", "I learned these facts about you: \n\nUntil next time!");
        }
    }

    @Test
    void usersAreKeptApart() throws Exception {
        EmulatedUser dave = emulator.user("dave");
        EmulatedUser erin = emulator.user("erin");
        try (var run = run()) {
            answer(dave, "/start");
            answer(dave, "Age");
            answer(dave, "50");
            assertEquals(NEW_USER, answer(erin, "/start"));
        }
        try (var run = run()) {
            assertEquals("Your favourite colour? Yes, I would love to hear about that!",
                    answer(erin, "Favourite colour"));
            assertEquals("This is what you already told me: \nage - 50\n", answer(dave, "/show_data"));
        }
    }

    private String answer(EmulatedUser user, String text) {
        ObjectNode sent = user.sendText(bot, text);
        return user.chatWith(bot).awaitBotMessageAfter(sent, WAIT).path("text").asText();
    }

    private RecordedCall next() {
        return emulator.awaitCall("sendMessage", WAIT);
    }

    private void assertSilent(EmulatedChat chat, EmulatedUser user, String silent, String probe, String expected) {
        ObjectNode quiet = user.sendText(bot, silent);
        ObjectNode sent = user.sendText(bot, probe);
        assertEquals(expected, RunningExample.assertSilentBefore(chat, quiet, sent).path("text").asText(), silent);
    }

    private static void assertCategories(RecordedCall call) {
        assertNull(call.param("parse_mode"));
        assertEquals(CATEGORIES, call.param("reply_markup").path("keyboard").toString());
        assertTrue(call.param("reply_markup").path("one_time_keyboard").asBoolean());
    }
}
