package dev.telescale.testkit.methods;

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
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagingTest {

    private static final String KEYBOARD = "{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"yes\"},"
            + "{\"text\":\"No\",\"callback_data\":\"no\"}]]}";

    private BotApiEmulator emulator;
    private TestApi api;
    private EmulatedBot bot;
    private EmulatedUser alice;

    @BeforeEach
    void start() {
        emulator = TestApi.startEmulator();
        api = new TestApi(emulator);
        bot = emulator.createBot("ChatBot");
        alice = emulator.user("alice");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode send(String json) {
        return api.call(bot.token(), "sendMessage", json);
    }

    private TestApi.Answer attempt(String method, String json) {
        return api.postJson(bot.token(), method, json);
    }

    @Test
    void userMessagesReachTheBotAsUpdatesWithCommandEntities() {
        ObjectNode sent = alice.sendCommand(bot, "/start", "deep-link");
        JsonNode update = api.call(bot.token(), "getUpdates", "{}").get(0);
        assertEquals("/start deep-link", update.at("/message/text").asText());
        assertEquals("bot_command", update.at("/message/entities/0/type").asText());
        assertEquals(6, update.at("/message/entities/0/length").asInt());
        assertEquals(alice.id(), update.at("/message/chat/id").asLong());
        assertEquals("private", update.at("/message/chat/type").asText());
        assertEquals(sent.get("message_id").asLong(), update.at("/message/message_id").asLong());
    }

    @Test
    void sentMessagesAreStoredInTheTranscriptWithTheirKeyboard() {
        ObjectNode hi = alice.sendText(bot, "hi");
        JsonNode reply = send("{\"chat_id\":" + alice.id() + ",\"text\":\"Sure?\",\"reply_markup\":" + KEYBOARD + "}");
        assertEquals(bot.id(), reply.at("/from/id").asLong());
        EmulatedChat chat = alice.chatWith(bot);
        assertEquals(2, chat.messages().size());
        ObjectNode stored = chat.awaitBotMessageAfter(hi, Duration.ofSeconds(1));
        assertEquals("yes", stored.at("/reply_markup/inline_keyboard/0/0/callback_data").asText());
        assertEquals(reply.toString(), stored.toString());
    }

    @Test
    void pressingAButtonSendsACallbackQueryThatTheBotAnswersOnce() {
        JsonNode message = send("{\"chat_id\":" + alice.id() + ",\"text\":\"Sure?\",\"reply_markup\":" + KEYBOARD + "}");
        ObjectNode query = alice.pressButton(message, "yes");
        JsonNode update = api.call(bot.token(), "getUpdates", "{}").get(0);
        assertEquals("yes", update.at("/callback_query/data").asText());
        assertEquals(query.get("id").asText(), update.at("/callback_query/id").asText());
        assertEquals("Sure?", update.at("/callback_query/message/text").asText());
        String answer = "{\"callback_query_id\":\"" + query.get("id").asText() + "\",\"text\":\"Done\"}";
        assertEquals(200, attempt("answerCallbackQuery", answer).status());
        assertEquals("Done", bot.callbackAnswer(query.get("id").asText()).orElseThrow().get("text").asText());
        TestApi.Answer second = attempt("answerCallbackQuery", answer);
        assertEquals(400, second.status());
        assertTrue(second.description().contains("query is too old"));
        assertThrows(IllegalArgumentException.class, () -> alice.pressButton(message, "maybe"));
    }

    @Test
    void editsReplaceTheStoredMessageAndUnchangedEditsFail() {
        JsonNode message = send("{\"chat_id\":" + alice.id() + ",\"text\":\"v1\",\"reply_markup\":" + KEYBOARD + "}");
        long id = message.get("message_id").asLong();
        JsonNode edited = api.call(bot.token(), "editMessageText",
                "{\"chat_id\":" + alice.id() + ",\"message_id\":" + id + ",\"text\":\"v2\"}");
        assertEquals("v2", edited.get("text").asText());
        assertTrue(edited.has("edit_date"));
        assertFalse(edited.has("reply_markup"), "an edit without reply_markup removes the inline keyboard");
        assertEquals("v2", alice.chatWith(bot).message(id).orElseThrow().get("text").asText());
        TestApi.Answer same = attempt("editMessageText",
                "{\"chat_id\":" + alice.id() + ",\"message_id\":" + id + ",\"text\":\"v2\"}");
        assertEquals(400, same.status());
        assertTrue(same.description().startsWith("Bad Request: message is not modified"));
        JsonNode withMarkup = api.call(bot.token(), "editMessageReplyMarkup",
                "{\"chat_id\":" + alice.id() + ",\"message_id\":" + id + ",\"reply_markup\":" + KEYBOARD + "}");
        assertEquals("no", withMarkup.at("/reply_markup/inline_keyboard/0/1/callback_data").asText());
        assertEquals(400, attempt("editMessageText",
                "{\"chat_id\":" + alice.id() + ",\"message_id\":999,\"text\":\"x\"}").status());
    }

    @Test
    void aBotCannotEditWhatTheUserWrote() {
        ObjectNode hi = alice.sendText(bot, "hi");
        TestApi.Answer answer = attempt("editMessageText", "{\"chat_id\":" + alice.id() + ",\"message_id\":"
                + hi.get("message_id") + ",\"text\":\"hacked\"}");
        assertEquals("Bad Request: message can't be edited", answer.description());
    }

    @Test
    void deleteRemovesFromTheTranscriptAndTwiceFails() {
        JsonNode message = send("{\"chat_id\":" + alice.id() + ",\"text\":\"bye\"}");
        String delete = "{\"chat_id\":" + alice.id() + ",\"message_id\":" + message.get("message_id") + "}";
        assertEquals(200, attempt("deleteMessage", delete).status());
        assertTrue(alice.chatWith(bot).messages().isEmpty());
        assertEquals("Bad Request: message to delete not found", attempt("deleteMessage", delete).description());
    }

    @Test
    void forwardAndCopyKeepTheContent() {
        EmulatedChat group = emulator.supergroup("Team", alice).add(bot);
        ObjectNode original = alice.sendText(group, "look at this");
        JsonNode forwarded = api.call(bot.token(), "forwardMessage", "{\"chat_id\":" + alice.id() + ",\"from_chat_id\":"
                + group.id() + ",\"message_id\":" + original.get("message_id") + "}");
        assertEquals("look at this", forwarded.get("text").asText());
        assertEquals("user", forwarded.at("/forward_origin/type").asText());
        assertEquals(alice.id(), forwarded.at("/forward_origin/sender_user/id").asLong());
        JsonNode copied = api.call(bot.token(), "copyMessage", "{\"chat_id\":" + alice.id() + ",\"from_chat_id\":"
                + group.id() + ",\"message_id\":" + original.get("message_id") + "}");
        long copyId = copied.get("message_id").asLong();
        ObjectNode copy = alice.chatWith(bot).message(copyId).orElseThrow();
        assertEquals("look at this", copy.get("text").asText());
        assertFalse(copy.has("forward_origin"));
    }

    @Test
    void groupMessagesFromSeveralUsersReachEveryBotOfTheGroup() {
        EmulatedUser bob = emulator.user("bob");
        EmulatedBot other = emulator.createBot("OtherBot");
        EmulatedChat group = emulator.group("Friends", alice, bob).add(bot).add(other);
        assertTrue(group.id() < 0);
        alice.sendText(group, "hi all");
        bob.sendText(group, "hey");
        JsonNode updates = api.call(bot.token(), "getUpdates", "{}");
        assertEquals(2, updates.size());
        assertEquals("group", updates.at("/0/message/chat/type").asText());
        assertEquals(bob.id(), updates.at("/1/message/from/id").asLong());
        assertEquals(2, api.call(other.token(), "getUpdates", "{}").size());
        JsonNode reply = send("{\"chat_id\":" + group.id() + ",\"text\":\"hello group\",\"reply_parameters\":{\"message_id\":"
                + updates.at("/1/message/message_id") + "}}");
        assertEquals("hey", reply.at("/reply_to_message/text").asText());
        assertEquals(3, group.messages().size());
        assertEquals(4, api.call(bot.token(), "getChatMemberCount", "{\"chat_id\":" + group.id() + "}").asInt());
    }

    @Test
    void channelPostsAndUsernamesWork() {
        EmulatedChat channel = emulator.channel("News", "technews").add(bot);
        channel.post("breaking");
        assertEquals("breaking", api.call(bot.token(), "getUpdates", "{}").at("/0/channel_post/text").asText());
        JsonNode post = send("{\"chat_id\":\"@technews\",\"text\":\"from the bot\"}");
        assertEquals(channel.id(), post.at("/sender_chat/id").asLong());
        assertFalse(post.has("from"));
    }

    @Test
    void telegramErrorsForBadSends() {
        assertEquals("Bad Request: chat not found", attempt("sendMessage", "{\"chat_id\":12345,\"text\":\"x\"}").description());
        assertEquals("Bad Request: chat_id is empty", attempt("sendMessage", "{\"text\":\"x\"}").description());
        assertEquals("Bad Request: message text is empty",
                attempt("sendMessage", "{\"chat_id\":" + alice.id() + "}").description());
        assertEquals("Bad Request: message is too long",
                attempt("sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"" + "a".repeat(4097) + "\"}").description());
        assertEquals("Bad Request: message to be replied not found", attempt("sendMessage", "{\"chat_id\":" + alice.id()
                + ",\"text\":\"x\",\"reply_parameters\":{\"message_id\":77}}").description());
        assertEquals("Bad Request: BUTTON_DATA_INVALID", attempt("sendMessage", "{\"chat_id\":" + alice.id()
                + ",\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"t\",\"callback_data\":\""
                + "d".repeat(65) + "\"}]]}}").description());
    }

    @Test
    void otherSendMethodsProduceTheirContentKind() {
        String chat = "\"chat_id\":" + alice.id();
        assertTrue(api.call(bot.token(), "sendLocation", "{" + chat + ",\"latitude\":52.5,\"longitude\":13.4}").has("location"));
        assertTrue(api.call(bot.token(), "sendContact", "{" + chat + ",\"phone_number\":\"+1\",\"first_name\":\"A\"}").has("contact"));
        JsonNode poll = api.call(bot.token(), "sendPoll", "{" + chat + ",\"question\":\"Q?\",\"options\":[{\"text\":\"a\"},{\"text\":\"b\"}]}");
        assertEquals(2, poll.at("/poll/options").size());
        int dice = api.call(bot.token(), "sendDice", "{" + chat + "}").at("/dice/value").asInt();
        assertTrue(dice >= 1 && dice <= 6);
        JsonNode video = api.call(bot.token(), "sendVideo", "{" + chat + ",\"video\":\"https://example.org/v.mp4\"}");
        assertEquals("video/mp4", video.at("/video/mime_type").asText());
        JsonNode album = api.call(bot.token(), "sendMediaGroup", "{" + chat + ",\"media\":[{\"type\":\"photo\",\"media\":"
                + "\"https://example.org/1.jpg\"},{\"type\":\"photo\",\"media\":\"https://example.org/2.jpg\"}]}");
        assertEquals(2, album.size());
        assertEquals(album.at("/0/media_group_id").asText(), album.at("/1/media_group_id").asText());
    }

    @Test
    void replyKeyboardsAreShownAndRemoved() {
        send("{\"chat_id\":" + alice.id() + ",\"text\":\"pick\",\"reply_markup\":{\"keyboard\":[[{\"text\":\"A\"}]]}}");
        assertEquals("A", alice.chatWith(bot).replyKeyboard().orElseThrow().at("/keyboard/0/0/text").asText());
        send("{\"chat_id\":" + alice.id() + ",\"text\":\"done\",\"reply_markup\":{\"remove_keyboard\":true}}");
        assertTrue(alice.chatWith(bot).replyKeyboard().isEmpty());
    }

    @Test
    void commandsAreStoredPerScope() {
        api.call(bot.token(), "setMyCommands", "{\"commands\":[{\"command\":\"start\",\"description\":\"Start\"}]}");
        assertEquals("start", api.call(bot.token(), "getMyCommands", "{}").at("/0/command").asText());
        assertEquals(0, api.call(bot.token(), "getMyCommands", "{\"language_code\":\"de\"}").size());
    }

    @Test
    void awaitCallsHandsOutEachCallOnceAndFailsClearlyOnTimeout() {
        send("{\"chat_id\":" + alice.id() + ",\"text\":\"one\"}");
        send("{\"chat_id\":" + alice.id() + ",\"text\":\"two\"}");
        assertEquals("one", emulator.awaitCall("sendMessage", Duration.ofSeconds(1)).text());
        assertEquals("two", emulator.awaitCall("sendMessage", Duration.ofSeconds(1)).text());
        AssertionError timeout = assertThrows(AssertionError.class,
                () -> emulator.awaitCall("sendMessage", Duration.ofMillis(50)));
        assertTrue(timeout.getMessage().contains("{sendMessage=2}"), timeout.getMessage());
        assertEquals(2, emulator.calls("sendMessage").size());
    }
}
