package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ChatMemberHandler: my_chat_member by default, chat_member or both, and chat ids. */
class ChatMemberHandlerTest extends HandlerTestBase {

    private static Update change(String kind, long chatId) {
        return update(kind, "{\"chat\":" + chat(chatId) + ",\"from\":" + user(1) + ",\"date\":0,\"old_chat_member\":"
                + member("left", user(2)) + ",\"new_chat_member\":" + member("member", user(2)) + "}");
    }

    private static ChatMemberHandler<DefaultContext> any() {
        return new ChatMemberHandler<>((u, c) -> { });
    }

    @Test
    void theDefaultIsTheBotsOwnMembership() {
        assertTrue(matches(any(), change("my_chat_member", -1)));
        assertFalse(matches(any(), change("chat_member", -1)));
        assertTrue(matches(any().types(ChatMemberHandler.Type.CHAT_MEMBER), change("chat_member", -1)));
        assertFalse(matches(any().types(ChatMemberHandler.Type.CHAT_MEMBER), change("my_chat_member", -1)));
        assertTrue(matches(any().types(ChatMemberHandler.Type.ANY), change("chat_member", -1)));
        assertTrue(matches(any().types(ChatMemberHandler.Type.ANY), change("my_chat_member", -1)));
        assertFalse(matches(any().types(ChatMemberHandler.Type.ANY), textMessage("x")));
        assertFalse(matches(any(), Optional.empty()));
    }

    @Test
    void chatIdsSelect() {
        ChatMemberHandler<DefaultContext> h = any().types(ChatMemberHandler.Type.ANY).chatIds(-1, -2);
        assertTrue(matches(h, change("chat_member", -2)));
        assertFalse(matches(h, change("chat_member", -3)));
        assertEquals(Optional.of(false), h.block(false).chatIds(-3).explicitBlock());
        assertThrows(NullPointerException.class, () -> any().types(null));
    }
}
