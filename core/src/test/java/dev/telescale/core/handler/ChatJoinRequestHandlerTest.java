package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.methods.ApproveChatJoinRequest;
import dev.telescale.api.types.ChatJoinRequest;
import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import dev.telescale.testkit.RecordedCall;
import org.junit.jupiter.api.Test;

/** ChatJoinRequestHandler: chat ids, or usernames of the requesting user (as PTB), and approval end to end. */
class ChatJoinRequestHandlerTest extends HandlerTestBase {

    private static String request(long chatId, String chatUsername, long userId, String username) {
        return "{\"chat\":" + chat(chatId, "supergroup", chatUsername) + ",\"from\":" + user(userId, username)
                + ",\"user_chat_id\":" + userId + ",\"date\":0}";
    }

    private static ChatJoinRequestHandler<DefaultContext> any() {
        return new ChatJoinRequestHandler<>((u, c) -> { });
    }

    @Test
    void matchesJoinRequestsOnly() {
        assertTrue(matches(any(), update("chat_join_request", request(-1, null, 2, null))));
        assertFalse(matches(any(), textMessage("join")));
        assertFalse(matches(any(), "chat_join_request"));
    }

    @Test
    void usernamesAreCheckedAgainstTheRequestingUserNotTheChat() {
        ChatJoinRequestHandler<DefaultContext> h = any().chatIds(-1).usernames("@alice");
        assertTrue(matches(h, update("chat_join_request", request(-1, null, 2, null))));
        assertTrue(matches(h, update("chat_join_request", request(-5, null, 2, "alice"))));
        assertFalse(matches(h, update("chat_join_request", request(-5, "alice", 2, "bob"))),
                "the chat's username does not count (PTB checks from_user)");
    }

    @Test
    void aJoinRequestIsApprovedEndToEnd() {
        // the update is injected, so the emulator does not know its query or chat: answer the call as Telegram would
        emulator.respond("approveChatJoinRequest", "true");
        emulator.injectUpdate(bot, "{\"chat_join_request\":" + request(-42, null, 77, "newbie") + "}");
        deliverPending(ChatJoinRequestHandler.<DefaultContext>returning((u, c) -> {
            ChatJoinRequest r = u.chatJoinRequest().orElseThrow();
            return ApproveChatJoinRequest.builder().chatId(r.chat().id()).userId(r.from().id()).build();
        }).chatIds(-42));
        RecordedCall call = emulator.awaitCall("approveChatJoinRequest", WAIT);
        assertEquals(77, call.param("user_id").asLong());
        assertEquals(-42, call.param("chat_id").asLong());
    }

    @Test
    void theUpdateIsTheCallbacksArgument() {
        Recorder recorder = new Recorder();
        Update u = update("chat_join_request", request(-1, null, 2, null));
        dispatch(new ChatJoinRequestHandler<>(recorder::handle), u);
        assertEquals(u, recorder.only().update());
    }
}
