package dev.telescale.testkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.TestApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatMemberTest {

    private final BotApiEmulator emulator = TestApi.startEmulator();
    private final EmulatedBot bot = emulator.createBot("Members");
    private final EmulatedUser alice = emulator.user("alice");
    private final EmulatedUser bob = emulator.user("bob");
    private final BotSide side = new BotSide(emulator, bot);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void addingTheBotGivesMyChatMemberAndTheServiceMessage() {
        EmulatedChat group = emulator.group("Friends", alice);
        alice.addBot(group, bot);
        List<JsonNode> updates = side.updates();
        assertEquals(2, updates.size());
        JsonNode my = updates.get(0).path("my_chat_member");
        assertEquals("left", my.path("old_chat_member").path("status").asText());
        assertEquals("member", my.path("new_chat_member").path("status").asText());
        assertEquals(alice.id(), my.path("from").path("id").asLong());
        assertEquals(bot.id(), updates.get(1).path("message").path("new_chat_members").path(0).path("id").asLong());

        alice.promoteBot(group, bot);
        JsonNode promoted = side.single("my_chat_member").path("new_chat_member");
        assertEquals("administrator", promoted.path("status").asText());
        assertTrue(promoted.path("can_invite_users").asBoolean());
        assertEquals("administrator", side.call("getChatMember", "{\"chat_id\":" + group.id() + ",\"user_id\":"
                + bot.id() + "}").path("status").asText());

        alice.removeBot(group, bot);
        assertEquals("left", side.single("my_chat_member").path("new_chat_member").path("status").asText());
    }

    @Test
    void botsJoinChannelsAsAdministrators() {
        EmulatedChat channel = emulator.channel("News", "news");
        alice.addBot(channel, bot);
        JsonNode member = side.single("my_chat_member").path("new_chat_member");
        assertEquals("administrator", member.path("status").asText());
        assertTrue(member.path("can_post_messages").asBoolean());
        alice.removeBot(channel, bot);
        assertEquals("kicked", side.single("my_chat_member").path("new_chat_member").path("status").asText());
    }

    @Test
    void chatMemberUpdatesNeedAnAdministratorBotThatAskedForThem() {
        EmulatedChat group = emulator.supergroup("Club", alice);
        alice.addBot(group, bot);
        side.updates();
        bob.join(group);
        assertEquals(1, side.single("message").path("new_chat_members").size(), "not an administrator: no chat_member");
        alice.promoteBot(group, bot);
        side.updates("[\"message\",\"my_chat_member\"]");
        bob.leave(group);
        assertTrue(side.single("message").has("left_chat_member"), "chat_member not in allowed_updates");
        side.updates("[\"message\",\"chat_member\"]");
        alice.addMember(group, bob);
        List<JsonNode> updates = side.updates();
        JsonNode joined = updates.get(0).path("chat_member");
        assertEquals("left", joined.path("old_chat_member").path("status").asText());
        assertEquals("member", joined.path("new_chat_member").path("status").asText());
        assertEquals(alice.id(), joined.path("from").path("id").asLong());
        assertEquals(bob.id(), updates.get(1).path("message").path("new_chat_members").path(0).path("id").asLong());
        alice.ban(group, bob);
        updates = side.updates();
        assertEquals("kicked", updates.get(0).path("chat_member").path("new_chat_member").path("status").asText());
        assertEquals(bob.id(), updates.get(1).path("message").path("left_chat_member").path("id").asLong());
        assertEquals("kicked", side.call("getChatMember", "{\"chat_id\":" + group.id() + ",\"user_id\":" + bob.id()
                + "}").path("status").asText());
    }

    @Test
    void blockingTheBotMakesItsSendsFail() {
        alice.sendText(bot, "hi");
        side.updates();
        alice.blockBot(bot);
        JsonNode blocked = side.single("my_chat_member");
        assertEquals("kicked", blocked.path("new_chat_member").path("status").asText());
        assertEquals("private", blocked.path("chat").path("type").asText());
        TestApi.Answer answer = side.answer("sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"x\"}");
        assertEquals(403, answer.status());
        assertEquals("Forbidden: bot was blocked by the user", answer.description());
        assertThrows(IllegalStateException.class, () -> alice.sendText(bot, "x"));
        alice.unblockBot(bot);
        assertEquals("member", side.single("my_chat_member").path("new_chat_member").path("status").asText());
        side.call("sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"back\"}");
    }

    @Test
    void joinRequestsAreApprovedOrDeclined() {
        EmulatedChat group = emulator.supergroup("Private club", alice);
        alice.addBot(group, bot);
        alice.promoteBot(group, bot);
        side.updates("[\"message\",\"chat_member\",\"chat_join_request\",\"my_chat_member\"]");
        bob.requestToJoin(group, "hello");
        JsonNode request = side.single("chat_join_request");
        assertEquals(bob.id(), request.path("user_chat_id").asLong());
        assertEquals("hello", request.path("bio").asText());
        side.call("approveChatJoinRequest", "{\"chat_id\":" + group.id() + ",\"user_id\":" + bob.id() + "}");
        JsonNode joined = side.updates().get(0).path("chat_member");
        assertTrue(joined.path("via_join_request").asBoolean());
        assertEquals("Bad Request: HIDE_REQUESTER_MISSING", side.answer("declineChatJoinRequest", "{\"chat_id\":"
                + group.id() + ",\"user_id\":" + bob.id() + "}").description());
        assertThrows(IllegalArgumentException.class, () -> bob.join(bob.chatWith(bot)));
    }
}
