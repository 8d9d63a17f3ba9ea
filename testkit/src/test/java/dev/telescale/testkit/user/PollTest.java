package dev.telescale.testkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.TestApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollTest {

    private final BotApiEmulator emulator = TestApi.startEmulator();
    private final EmulatedBot bot = emulator.createBot("Poll");
    private final EmulatedUser alice = emulator.user("alice");
    private final EmulatedUser bob = emulator.user("bob");
    private final BotSide side = new BotSide(emulator, bot);

    @AfterEach
    void close() {
        emulator.close();
    }

    private JsonNode sendPoll(EmulatedChat chat, String extra) {
        return side.call("sendPoll", "{\"chat_id\":" + chat.id() + ",\"question\":\"How are you?\",\"options\":"
                + "[\"Good\",\"Really good\",\"Fantastic\",\"Great\"]" + extra + "}");
    }

    @Test
    void votesGivePollAnswersAndPollUpdatesAndStopPollCloses() {
        EmulatedChat group = emulator.group("G", alice, bob).add(bot);
        JsonNode message = sendPoll(group, ",\"is_anonymous\":false,\"allows_multiple_answers\":true");
        String pollId = message.path("poll").path("id").asText();
        ObjectNode answer = alice.vote(message, 0, 2);
        assertEquals(pollId, answer.path("poll_id").asText());
        List<JsonNode> updates = side.updates();
        assertEquals(2, updates.size());
        JsonNode poll = updates.get(0).path("poll");
        assertEquals(1, poll.path("total_voter_count").asInt());
        assertEquals(1, poll.path("options").path(2).path("voter_count").asInt());
        JsonNode pollAnswer = updates.get(1).path("poll_answer");
        assertEquals("[0,2]", pollAnswer.path("option_ids").toString());
        assertEquals(alice.id(), pollAnswer.path("user").path("id").asLong());
        assertEquals(1, group.message(message.path("message_id").asLong()).orElseThrow()
                .path("poll").path("total_voter_count").asInt());

        JsonNode stopped = side.call("stopPoll", "{\"chat_id\":" + group.id() + ",\"message_id\":"
                + message.path("message_id") + "}");
        assertTrue(stopped.path("is_closed").asBoolean());
        assertEquals(1, stopped.path("total_voter_count").asInt());
        assertTrue(side.single("poll").path("is_closed").asBoolean());
        assertThrows(IllegalStateException.class, () -> bob.vote(message, 1));
        TestApi.Answer again = side.answer("stopPoll", "{\"chat_id\":" + group.id() + ",\"message_id\":"
                + message.path("message_id") + "}");
        assertEquals("Bad Request: poll has already been closed", again.description());
    }

    @Test
    void anonymousPollsGiveOnlyPollUpdates() {
        JsonNode message = sendPoll(alice.chatWith(bot), "");
        alice.vote(message, 1);
        assertTrue(side.single("poll").path("is_anonymous").asBoolean());
        assertThrows(IllegalArgumentException.class, () -> bob.vote(message, 0, 1), "one answer only");
        assertThrows(IllegalArgumentException.class, () -> bob.vote(message, 7));
    }

    @Test
    void quizzesNeedACorrectOptionAndAnswersAreFinal() {
        EmulatedChat chat = alice.chatWith(bot);
        assertEquals("Bad Request: QUIZ_CORRECT_ANSWERS_EMPTY", side.answer("sendPoll", "{\"chat_id\":" + chat.id()
                + ",\"question\":\"q\",\"options\":[\"1\",\"2\"],\"type\":\"quiz\"}").description());
        JsonNode quiz = side.call("sendPoll", "{\"chat_id\":" + chat.id() + ",\"question\":\"Eggs?\",\"options\":"
                + "[\"1\",\"2\",\"4\",\"20\"],\"type\":\"quiz\",\"correct_option_id\":2,\"explanation\":\"*four*\","
                + "\"explanation_parse_mode\":\"MarkdownV2\"}");
        assertEquals("[2]", quiz.path("poll").path("correct_option_ids").toString());
        assertEquals("four", quiz.path("poll").path("explanation").asText());
        alice.vote(quiz, 2);
        assertThrows(IllegalStateException.class, () -> alice.vote(quiz, 1));
        assertEquals(1, side.single("poll").path("total_voter_count").asInt());
    }

    @Test
    void badPollRequestsAndUnknownPollsFail() {
        EmulatedChat chat = alice.chatWith(bot);
        assertEquals(400, side.answer("sendPoll", "{\"chat_id\":" + chat.id()
                + ",\"question\":\"q\",\"options\":[\"only\"]}").status());
        JsonNode text = side.call("sendMessage", "{\"chat_id\":" + chat.id() + ",\"text\":\"no poll\"}");
        assertEquals("Bad Request: message is not a poll", side.answer("stopPoll", "{\"chat_id\":" + chat.id()
                + ",\"message_id\":" + text.path("message_id") + "}").description());
        assertEquals("Bad Request: message with poll to stop not found", side.answer("stopPoll", "{\"chat_id\":"
                + chat.id() + ",\"message_id\":999}").description());
        assertThrows(IllegalArgumentException.class, () -> alice.vote(text, 0));
        JsonNode closed = sendPoll(chat, ",\"is_closed\":true");
        assertThrows(IllegalStateException.class, () -> alice.vote(closed, 0));
    }

    @Test
    void usersSendPollsAndQuizzes() {
        EmulatedChat chat = alice.chatWith(bot);
        alice.sendQuiz(chat, "2+2?", 1, "3", "4");
        JsonNode poll = side.single("message").path("poll");
        assertEquals("quiz", poll.path("type").asText());
        assertEquals("[1]", poll.path("correct_option_ids").toString());
        EmulatedChat group = emulator.group("G", alice).add(bot);
        ObjectNode regular = alice.sendPoll(group, "Lunch?", "Yes", "No");
        assertFalse(side.single("message").path("poll").has("correct_option_ids"));
        bob.vote(regular, 0);
        assertTrue(side.updates().isEmpty(), "no updates for polls the bot did not send");
        assertEquals("Bad Request: poll can't be stopped", side.answer("stopPoll", "{\"chat_id\":" + group.id()
                + ",\"message_id\":" + regular.path("message_id") + "}").description());
    }
}
