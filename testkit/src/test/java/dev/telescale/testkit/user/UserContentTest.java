package dev.telescale.testkit.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserContentTest {

    private final BotApiEmulator emulator = TestApi.startEmulator();
    private final EmulatedBot bot = emulator.createBot("Content");
    private final EmulatedUser alice = emulator.user("alice");
    private final BotSide side = new BotSide(emulator, bot);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void photoComesInThreeSizesAndTheLargestDownloads() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        ObjectNode sent = alice.sendPhoto(bot, jpeg);
        JsonNode photo = side.single("message").path("photo");
        assertEquals(3, photo.size());
        assertEquals(800, photo.get(2).path("width").asInt());
        assertEquals(sent.path("photo"), photo);
        JsonNode file = side.call("getFile", "{\"file_id\":\"" + photo.get(2).path("file_id").asText() + "\"}");
        HttpResponse<byte[]> download = side.api.getPath("file/bot" + bot.token() + "/" + file.path("file_path").asText());
        assertArrayEquals(jpeg, download.body());
    }

    @Test
    void documentLocationContactAndDice() {
        EmulatedChat chat = alice.chatWith(bot);
        alice.sendDocument(chat, "hello".getBytes(), "a.txt", "text/plain", "the file");
        alice.sendLocation(chat, 51.5, -0.12);
        alice.sendContact(chat, "+441234", "Alice", true);
        alice.sendDice(chat, "🎯", 6);
        List<JsonNode> updates = side.updates();
        assertEquals("a.txt", updates.get(0).path("message").path("document").path("file_name").asText());
        assertEquals("the file", updates.get(0).path("message").path("caption").asText());
        assertEquals(51.5, updates.get(1).path("message").path("location").path("latitude").asDouble());
        assertEquals(alice.id(), updates.get(2).path("message").path("contact").path("user_id").asLong());
        assertEquals(6, updates.get(3).path("message").path("dice").path("value").asInt());
        assertThrows(IllegalArgumentException.class, () -> alice.sendDice(chat, "🎰", 65));
        assertThrows(IllegalArgumentException.class, () -> alice.sendLocation(chat, 91, 0));
    }

    @Test
    void editProducesEditedMessageAndReplyQuotesTheMessage() {
        EmulatedChat chat = alice.chatWith(bot);
        ObjectNode first = alice.sendText(bot, "first");
        side.updates();
        alice.editMessage(chat, first, "/start changed");
        JsonNode edited = side.single("edited_message");
        assertEquals("/start changed", edited.path("text").asText());
        assertTrue(edited.has("edit_date"));
        assertEquals("bot_command", edited.path("entities").path(0).path("type").asText());
        assertEquals("/start changed", chat.message(first.path("message_id").asLong()).orElseThrow().path("text").asText());

        alice.replyTo(chat, first, "answer");
        JsonNode reply = side.single("message");
        assertEquals(first.path("message_id").asLong(), reply.path("reply_to_message").path("message_id").asLong());
    }

    @Test
    void usersEditOnlyTheirOwnTextMessages() {
        EmulatedChat chat = alice.chatWith(bot);
        JsonNode botMessage = side.call("sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"hi\"}");
        assertThrows(IllegalArgumentException.class, () -> alice.editMessage(chat, botMessage, "x"));
    }

    @Test
    void forumTopicsCarryTheThreadId() {
        EmulatedChat forum = emulator.forum("Forum", alice);
        alice.addBot(forum, bot);
        side.updates();
        EmulatedChat topic = forum.createTopic(alice, "Ideas");
        JsonNode created = side.single("message");
        assertEquals("Ideas", created.path("forum_topic_created").path("name").asText());
        alice.sendText(topic, "in topic");
        JsonNode message = side.single("message");
        assertEquals(topic.threadId(), message.path("message_thread_id").asLong());
        assertTrue(message.path("is_topic_message").asBoolean());
        assertTrue(message.path("chat").path("is_forum").asBoolean());
        assertThrows(IllegalStateException.class, () -> emulator.group("plain", alice).topic(1));
    }

    @Test
    void webAppDataNeedsAWebAppButton() {
        assertThrows(IllegalStateException.class, () -> alice.sendWebAppData(bot, "Open", "{}"));
        side.call("sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"pick\",\"reply_markup\":{\"keyboard\":"
                + "[[{\"text\":\"Open\",\"web_app\":{\"url\":\"https://example.com\"}}]]}}");
        alice.sendWebAppData(bot, "Open", "{\"hex\":\"#ff0000\"}");
        JsonNode data = side.single("message").path("web_app_data");
        assertEquals("{\"hex\":\"#ff0000\"}", data.path("data").asText());
        assertEquals("Open", data.path("button_text").asText());
    }

    @Test
    void reactionsAreDeliveredOnlyWhenAskedFor() {
        EmulatedChat chat = alice.chatWith(bot);
        ObjectNode message = alice.sendText(bot, "react to me");
        side.updates();
        alice.react(chat, message, "👍");
        assertTrue(side.updates().isEmpty(), "message_reaction is opt-in");
        side.updates("[\"message\",\"message_reaction\"]");
        alice.react(chat, message, "🔥");
        JsonNode reaction = side.single("message_reaction");
        assertEquals("👍", reaction.path("old_reaction").path(0).path("emoji").asText());
        assertEquals("🔥", reaction.path("new_reaction").path(0).path("emoji").asText());
    }

    @Test
    void deepLinksSendStartWithThePayload() {
        ObjectNode start = alice.openLink("https://t.me/" + bot.username() + "?start=so-cool");
        assertEquals("/start so-cool", start.path("text").asText());
        assertEquals(6, start.path("entities").path(0).path("length").asInt());
        EmulatedChat group = emulator.group("G", alice);
        ObjectNode inGroup = alice.openLink("https://t.me/" + bot.username() + "?startgroup=check-this-out", group);
        assertEquals("/start@" + bot.username() + " check-this-out", inGroup.path("text").asText());
        assertEquals(("/start@" + bot.username()).length(), inGroup.path("entities").path(0).path("length").asInt());
        assertTrue(group.messages().stream().anyMatch(m -> m.has("new_chat_members")), "the bot was added first");
        assertThrows(IllegalArgumentException.class, () -> alice.openLink("https://t.me/" + bot.username() + "?start=bad%20payload"));
        assertThrows(IllegalArgumentException.class, () -> alice.openLink("https://t.me/NoSuchBot?start=x"));
        assertThrows(IllegalArgumentException.class, () -> alice.openLink("https://example.com/x"));
    }

    @Test
    void urlButtonsAreReadFromMessages() {
        JsonNode message = side.call("sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"go\",\"reply_markup\":"
                + "{\"inline_keyboard\":[[{\"text\":\"Continue\",\"url\":\"https://t.me/" + bot.username() + "?start=x\"}]]}}");
        assertEquals("https://t.me/" + bot.username() + "?start=x", alice.buttonUrl(message, "Continue"));
        assertThrows(IllegalArgumentException.class, () -> alice.buttonUrl(message, "Nope"));
    }

    @Test
    void sentTextsAreFormattedAndBadMarkupIsRefused() {
        JsonNode sent = side.call("sendMessage", "{\"chat_id\":" + alice.id() + ",\"parse_mode\":\"HTML\",\"text\":"
                + "\"Hi <a href=\\\"tg://user?id=" + alice.id() + "\\\">alice</a>!\"}");
        assertEquals("Hi alice!", sent.path("text").asText());
        assertEquals("text_mention", sent.path("entities").path(0).path("type").asText());
        assertEquals(alice.id(), sent.path("entities").path(0).path("user").path("id").asLong());
        TestApi.Answer bad = side.answer("sendMessage", "{\"chat_id\":" + alice.id()
                + ",\"parse_mode\":\"MarkdownV2\",\"text\":\"1.5\"}");
        assertEquals(400, bad.status());
        assertEquals("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
                bad.description());
        JsonNode caption = side.call("sendPhoto", "{\"chat_id\":" + alice.id()
                + ",\"photo\":\"https://example.com/a.jpg\",\"caption\":\"*b*\",\"parse_mode\":\"Markdown\"}");
        assertEquals("b", caption.path("caption").asText());
        assertEquals("bold", caption.path("caption_entities").path(0).path("type").asText());
        JsonNode given = side.call("sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"abc\",\"entities\":"
                + "[{\"type\":\"italic\",\"offset\":0,\"length\":3}]}");
        assertEquals("italic", given.path("entities").path(0).path("type").asText());
        JsonNode edited = side.call("editMessageText", "{\"chat_id\":" + alice.id() + ",\"message_id\":"
                + given.path("message_id") + ",\"text\":\"<b>abc</b>\",\"parse_mode\":\"HTML\"}");
        assertEquals("bold", edited.path("entities").path(0).path("type").asText());
        assertFalse(side.answer("sendMessage", "{\"chat_id\":" + alice.id()
                + ",\"parse_mode\":\"HTML\",\"text\":\"<b></b>\"}").json().path("ok").asBoolean());
    }
}
