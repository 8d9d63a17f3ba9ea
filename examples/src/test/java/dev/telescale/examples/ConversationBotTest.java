package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationBotTest {

    private static final String GREETING = "Hi! My name is Professor Bot. I will hold a conversation with you. "
            + "Send /cancel to stop talking to me.\n\nAre you a boy or a girl?";
    private static final String ASK_PHOTO = "I see! Please send me a photo of yourself, so I know what you look like, "
            + "or send /skip if you don't want to.";
    private static final String GOT_PHOTO = "Gorgeous! Now, send me your location please, or send /skip if you don't "
            + "want to.";
    private static final String NO_PHOTO = "I bet you look great! Now, send me your location please, or send /skip.";
    private static final String GOT_LOCATION = "Maybe I can visit you sometime! At last, tell me something about "
            + "yourself.";
    private static final String NO_LOCATION = "You seem a bit paranoid! At last, tell me something about yourself.";
    private static final String THANKS = "Thank you! I hope we can talk again some day.";
    private static final String BYE = "Bye! I hope we can talk again some day.";
    private static final String REMOVE = "{\"remove_keyboard\":true}";

    @TempDir
    Path dir;

    private RunningExample start() {
        Path photo = dir.resolve("user_photo.jpg");
        return RunningExample.start("ProfessorBot", (token, base) -> ConversationBot.build(token, base, photo));
    }

    @Test
    void walksThroughEveryStepWithPhotoAndLocation() throws Exception {
        try (var run = start()) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);

            assertEquals(GREETING, run.answerTo(alice, "/start"));
            RecordedCall greeting = run.next("sendMessage");
            assertNull(greeting.param("parse_mode"));
            JsonNode keyboard = RunningExample.markup(greeting);
            assertEquals("[[{\"text\":\"Boy\"},{\"text\":\"Girl\"},{\"text\":\"Other\"}]]",
                    keyboard.path("keyboard").toString());
            assertTrue(keyboard.path("one_time_keyboard").asBoolean());
            assertEquals("Boy or Girl?", keyboard.path("input_field_placeholder").asText());
            assertFalse(keyboard.has("resize_keyboard"));
            assertTrue(chat.replyKeyboard().isPresent(), "the gender keyboard is shown");

            assertEquals(ASK_PHOTO, run.answerTo(alice, "Boy"));
            assertEquals(REMOVE, RunningExample.markup(run.next("sendMessage")).toString());
            assertTrue(chat.replyKeyboard().isEmpty(), "the keyboard is removed");

            byte[] jpeg = "a JPEG of alice".getBytes(StandardCharsets.UTF_8);
            ObjectNode photo = alice.sendPhoto(chat, jpeg, null);
            assertEquals(GOT_PHOTO, chat.awaitBotMessageAfter(photo, WAIT).path("text").asText());
            assertNull(RunningExample.markup(run.next("sendMessage")));
            assertArrayEquals(jpeg, Files.readAllBytes(dir.resolve("user_photo.jpg")), "the largest size is saved");

            ObjectNode location = alice.sendLocation(chat, 52.52, 13.405);
            assertEquals(GOT_LOCATION, chat.awaitBotMessageAfter(location, WAIT).path("text").asText());
            run.next("sendMessage");

            assertEquals(THANKS, run.answerTo(alice, "I like trains."));
            RecordedCall thanks = run.next("sendMessage");
            assertNull(RunningExample.markup(thanks));
            assertNull(thanks.param("reply_parameters"), "no quote in a private chat");

            ObjectNode silent = alice.sendText(run.bot, "Boy");
            ObjectNode probe = alice.sendText(run.bot, "/start");
            assertEquals(GREETING, RunningExample.assertSilentBefore(chat, silent, probe).path("text").asText(),
                    "the conversation ended; /start begins a new one");
        }
    }

    @Test
    void skipsPhotoAndLocation() throws Exception {
        try (var run = start()) {
            EmulatedUser bob = run.emulator.user("bob");
            assertEquals(GREETING, run.answerTo(bob, "/start"));
            assertEquals(ASK_PHOTO, run.answerTo(bob, "Other"));
            assertEquals(NO_PHOTO, run.answerTo(bob, "/skip"));
            assertEquals(NO_LOCATION, run.answerTo(bob, "/skip"));
            assertEquals(THANKS, run.answerTo(bob, "Nothing to tell."));
            assertFalse(Files.exists(dir.resolve("user_photo.jpg")));
        }
    }

    @Test
    void ignoresWhatDoesNotFitTheStep() throws Exception {
        try (var run = start()) {
            EmulatedUser carol = run.emulator.user("carol");
            EmulatedChat chat = carol.chatWith(run.bot);
            byte[] jpeg = {1, 2, 3};

            // No conversation yet: only /start is heard.
            assertSilent(run, carol, carol.sendText(run.bot, "Girl"), "/start", GREETING);
            // GENDER: only Boy, Girl or Other, exactly; /start does not restart a running conversation.
            assertSilent(run, carol, carol.sendText(run.bot, "girl"), "Girl", ASK_PHOTO);
            // PHOTO: texts and locations are not photos.
            assertSilent(run, carol, carol.sendText(run.bot, "here it is"), "/skip", NO_PHOTO);
            // LOCATION: a photo is not a location.
            assertSilent(run, carol, carol.sendPhoto(chat, jpeg, "me"), "/skip", NO_LOCATION);
            // BIO: commands are not a bio (not even /skip or /start).
            assertSilent(run, carol, carol.sendText(run.bot, "/skip"), "A bio.", THANKS);
            assertSilent(run, carol, carol.sendText(run.bot, "/cancel"), "/start", GREETING);
        }
    }

    @Test
    void startDoesNotRestartARunningConversation() throws Exception {
        try (var run = start()) {
            EmulatedUser dave = run.emulator.user("dave");
            assertEquals(GREETING, run.answerTo(dave, "/start"));
            assertSilent(run, dave, dave.sendText(run.bot, "/start"), "Boy", ASK_PHOTO);
        }
    }

    @Test
    void cancelEndsTheConversationFromEveryStep() throws Exception {
        try (var run = start()) {
            EmulatedUser erin = run.emulator.user("erin");
            EmulatedChat chat = erin.chatWith(run.bot);
            String[][] paths = {{}, {"Boy"}, {"Girl", "/skip"}, {"Other", "/skip", "/skip"}};
            assertEquals(GREETING, run.answerTo(erin, "/start"));
            run.next("sendMessage");
            for (String[] path : paths) {
                for (String step : path) {
                    run.answerTo(erin, step);
                    run.next("sendMessage");
                }
                assertEquals(BYE, run.answerTo(erin, "/cancel"));
                RecordedCall bye = run.next("sendMessage");
                assertEquals(REMOVE, RunningExample.markup(bye).toString());
                assertTrue(chat.replyKeyboard().isEmpty());
                // Ended: /skip is not heard, /start begins again (and answers the greeting for the next path).
                assertSilent(run, erin, erin.sendText(run.bot, "/skip"), "/start", GREETING);
                run.next("sendMessage");
            }
        }
    }

    @Test
    void anEditedMessageIsNotAnAnswer() throws Exception {
        try (var run = start()) {
            EmulatedUser frank = run.emulator.user("frank");
            EmulatedChat chat = frank.chatWith(run.bot);
            run.answerTo(frank, "/start");
            run.answerTo(frank, "Boy");
            run.answerTo(frank, "/skip");
            ObjectNode old = frank.sendText(run.bot, "not a location");
            ObjectNode probe = frank.sendText(run.bot, "/skip");
            assertEquals(NO_LOCATION, RunningExample.assertSilentBefore(chat, old, probe).path("text").asText());
            // BIO: the original reads update.message, which an edit lacks: it fails without a reply, state kept.
            ObjectNode lastAnswer = chat.lastMessage().orElseThrow();
            frank.editMessage(chat, old, "my bio, edited");
            assertSilent(run, frank, lastAnswer, "My real bio.", THANKS);
        }
    }

    @Test
    void keepsAConversationPerUser() throws Exception {
        try (var run = start()) {
            EmulatedUser gina = run.emulator.user("gina");
            EmulatedUser hank = run.emulator.user("hank");
            assertEquals(GREETING, run.answerTo(gina, "/start"));
            assertEquals(GREETING, run.answerTo(hank, "/start"));
            assertEquals(ASK_PHOTO, run.answerTo(gina, "Girl"));
            assertEquals(NO_PHOTO, run.answerTo(gina, "/skip"));
            assertEquals(ASK_PHOTO, run.answerTo(hank, "Boy"), "hank is still at the gender step");
        }
    }

    @Test
    void inAGroupEachMemberHasTheirOwnConversationAndRepliesQuote() throws Exception {
        try (var run = start()) {
            EmulatedUser ivy = run.emulator.user("ivy");
            EmulatedUser jack = run.emulator.user("jack");
            EmulatedChat group = run.emulator.group("Family", ivy, jack).add(run.bot);

            ObjectNode start = ivy.sendText(group, "/start");
            assertEquals(GREETING, group.awaitBotMessageAfter(start, WAIT).path("text").asText());
            RecordedCall greeting = run.next("sendMessage");
            assertEquals(start.path("message_id").asLong(), greeting.param("reply_parameters").path("message_id")
                    .asLong(), "replies quote in groups");

            // jack has no conversation: his "Boy" is not heard; ivy's is.
            ObjectNode silent = jack.sendText(group, "Boy");
            ObjectNode probe = ivy.sendText(group, "Boy");
            assertEquals(ASK_PHOTO, RunningExample.assertSilentBefore(group, silent, probe).path("text").asText());
            RecordedCall askPhoto = run.next("sendMessage");
            assertEquals(probe.path("message_id").asLong(), askPhoto.param("reply_parameters").path("message_id")
                    .asLong());
            assertEquals(REMOVE, RunningExample.markup(askPhoto).toString());

            ObjectNode jacks = jack.sendText(group, "/start");
            assertEquals(GREETING, group.awaitBotMessageAfter(jacks, WAIT).path("text").asText());
            ObjectNode skip = ivy.sendText(group, "/skip");
            assertEquals(NO_PHOTO, group.awaitBotMessageAfter(skip, WAIT).path("text").asText(),
                    "ivy is at the photo step, jack at the gender step");
        }
    }

    /** Asserts that the bot says nothing to {@code silent}: the next text, {@code probe}, gets {@code expected}. */
    private static void assertSilent(RunningExample run, EmulatedUser user, JsonNode silent, String probe,
                                     String expected) {
        EmulatedChat chat = user.chatWith(run.bot);
        ObjectNode sent = user.sendText(run.bot, probe);
        assertEquals(expected, RunningExample.assertSilentBefore(chat, silent, sent).path("text").asText());
    }
}
