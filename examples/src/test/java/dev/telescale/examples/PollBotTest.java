package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollBotTest {

    @Test
    void explainsOnStartAndHelp() throws Exception {
        try (var run = RunningExample.start("PollBot", PollBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            assertEquals("Please select /poll to get a Poll, /quiz to get a Quiz or /preview to generate a preview for "
                    + "your poll", run.answerTo(alice, "/start"));
            assertEquals("Use /quiz, /poll or /preview to test this bot.", run.answerTo(alice, "/help"));
        }
    }

    @Test
    void aPollSaysWhatEachVoterFeelsAndClosesAfterThree() throws Exception {
        try (var run = RunningExample.start("PollBot", PollBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedUser bob = run.emulator.user("bob");
            EmulatedUser carol = run.emulator.user("carol");
            EmulatedChat group = run.emulator.group("Mood", alice, bob, carol).add(run.bot);

            ObjectNode command = alice.sendCommand(group, "/poll", null);
            ObjectNode poll = group.awaitBotMessageAfter(command, WAIT);
            RecordedCall sent = run.next("sendPoll");
            assertEquals(Long.toString(group.id()), sent.chatId());
            assertEquals("How are you?", sent.string("question"));
            assertEquals(List.of("Good", "Really good", "Fantastic", "Great"), optionTexts(sent.param("options")));
            assertFalse(sent.param("is_anonymous").asBoolean());
            assertTrue(sent.param("allows_multiple_answers").asBoolean());
            assertNull(sent.param("reply_parameters"), "sent to the chat, not as a reply");

            handled(run, group, alice);
            alice.vote(poll, 0, 2);
            assertFeels(run, group, alice, "Good and Fantastic");
            bob.vote(poll, 1);
            assertFeels(run, group, bob, "Really good");
            carol.vote(poll, 3);
            assertFeels(run, group, carol, "Great");
            // Both the answer handler (third answer) and the poll handler (three voters) stop it, as in the original.
            RecordedCall stop = run.next("stopPoll");
            assertEquals(Long.toString(group.id()), stop.chatId());
            assertEquals(poll.path("message_id").asLong(), stop.param("message_id").asLong());
            RunningExample.awaitVersion(group, poll.path("message_id").asLong(),
                    m -> m.path("poll").path("is_closed").asBoolean());
        }
    }

    @Test
    void aQuizIsClosedWhenThreeTookIt() throws Exception {
        try (var run = RunningExample.start("PollBot", PollBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedUser bob = run.emulator.user("bob");
            EmulatedUser carol = run.emulator.user("carol");
            EmulatedChat group = run.emulator.group("Bakers", alice, bob, carol).add(run.bot);

            ObjectNode command = alice.sendCommand(group, "/quiz", null);
            ObjectNode quiz = group.awaitBotMessageAfter(command, WAIT);
            RecordedCall sent = run.next("sendPoll");
            assertEquals("How many eggs do you need for a cake?", sent.string("question"));
            assertEquals(List.of("1", "2", "4", "20"), optionTexts(sent.param("options")));
            assertEquals("quiz", sent.string("type"));
            assertEquals("[2]", sent.param("correct_option_ids").toString());
            assertEquals(command.path("message_id").asLong(), sent.param("reply_parameters").path("message_id").asLong(),
                    "a reply in groups");

            handled(run, group, alice);
            alice.vote(quiz, 2);
            bob.vote(quiz, 0);
            carol.vote(quiz, 2);
            RecordedCall stop = run.next("stopPoll");
            assertEquals(quiz.path("message_id").asLong(), stop.param("message_id").asLong());
            assertEquals(1, run.emulator.calls("sendMessage").size(), "a quiz gets no comments (only /help answered)");
        }
    }

    @Test
    void previewButtonAndAClosedCopyOfTheUsersPoll() throws Exception {
        try (var run = RunningExample.start("PollBot", PollBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);
            run.say(alice, "/preview");
            RecordedCall preview = run.next("sendMessage");
            assertEquals("Press the button to let the bot generate a preview for your poll", preview.text());
            assertEquals("{\"keyboard\":[[{\"text\":\"Press me!\",\"request_poll\":{}}]],\"one_time_keyboard\":true}",
                    RunningExample.markup(preview).toString());

            ObjectNode own = alice.sendPoll(chat, "Tea or coffee?", "Tea", "Coffee", "Both");
            chat.awaitBotMessageAfter(own, WAIT);
            RecordedCall copy = run.next("sendPoll");
            assertEquals("Tea or coffee?", copy.string("question"));
            assertEquals(List.of("Tea", "Coffee", "Both"), optionTexts(copy.param("options")));
            assertTrue(copy.param("is_closed").asBoolean());
            assertTrue(RunningExample.markup(copy).path("remove_keyboard").asBoolean());
            assertNull(copy.param("reply_parameters"), "no quote in private chats");
        }
    }

    @Test
    void anAnswerToAnUnknownPollIsNotAnswered() throws Exception {
        try (var run = RunningExample.start("PollBot", PollBot::build)) {
            EmulatedUser dave = run.emulator.user("dave");
            EmulatedChat chat = dave.chatWith(run.bot);
            ObjectNode before = run.say(dave, "/help");
            run.emulator.injectUpdate(run.bot, "{\"poll_answer\":{\"poll_id\":\"nope\",\"user\":" + dave.user()
                    + ",\"option_ids\":[0]}}");
            ObjectNode probe = dave.sendText(run.bot, "/help");
            RunningExample.assertSilentBefore(chat, before, probe);
            assertEquals(2, run.emulator.calls("sendMessage").size());
        }
    }

    /**
     * Waits until the command that sent the poll has stored it in the bot data: a later command of the same chat
     * runs after it. (Votes before that are not recognised, in the original too.)
     */
    private static void handled(RunningExample run, EmulatedChat group, EmulatedUser user) {
        ObjectNode help = user.sendCommand(group, "/help", null);
        assertEquals("Use /quiz, /poll or /preview to test this bot.",
                group.awaitBotMessageAfter(help, WAIT).path("text").asText());
        run.next("sendMessage");
    }

    private static void assertFeels(RunningExample run, EmulatedChat group, EmulatedUser voter, String feelings) {
        RecordedCall feels = run.next("sendMessage");
        assertEquals(Long.toString(group.id()), feels.chatId());
        assertEquals("<a href=\"tg://user?id=" + voter.id() + "\">" + voter.name() + "</a> feels " + feelings + "!",
                feels.text());
        assertEquals("HTML", feels.string("parse_mode"));
    }

    private static List<String> optionTexts(JsonNode options) {
        List<String> texts = new ArrayList<>();
        options.forEach(option -> texts.add(option.isTextual() ? option.asText() : option.path("text").asText()));
        return texts;
    }
}
