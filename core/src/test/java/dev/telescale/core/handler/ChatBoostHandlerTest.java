package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ChatBoostHandler: added and removed boosts by type, chat ids and usernames, the always-explicit block flag. */
class ChatBoostHandlerTest extends HandlerTestBase {

    private static final String SOURCE = "{\"source\":\"premium\",\"user\":" + user(8) + "}";

    private static Update added(long chatId, String username) {
        return update("chat_boost", "{\"chat\":" + chat(chatId, "channel", username) + ",\"boost\":{\"boost_id\":\"b\","
                + "\"add_date\":0,\"expiration_date\":1,\"source\":" + SOURCE + "}}");
    }

    private static Update removed(long chatId) {
        return update("removed_chat_boost", "{\"chat\":" + chat(chatId, "channel", null) + ",\"boost_id\":\"b\","
                + "\"remove_date\":0,\"source\":" + SOURCE + "}");
    }

    private static ChatBoostHandler<DefaultContext> any() {
        return new ChatBoostHandler<>((u, c) -> { });
    }

    @Test
    void typesSelectAddedRemovedOrBoth() {
        assertTrue(matches(any(), added(1, null)), "default: CHAT_BOOST");
        assertFalse(matches(any(), removed(1)));
        assertTrue(matches(any().types(ChatBoostHandler.Type.REMOVED_CHAT_BOOST), removed(1)));
        assertFalse(matches(any().types(ChatBoostHandler.Type.REMOVED_CHAT_BOOST), added(1, null)));
        assertTrue(matches(any().types(ChatBoostHandler.Type.ANY), added(1, null)));
        assertTrue(matches(any().types(ChatBoostHandler.Type.ANY), removed(1)));
        assertFalse(matches(any().types(ChatBoostHandler.Type.ANY), textMessage("boost")));
        assertFalse(matches(any(), new Object()));
    }

    @Test
    void chatIdsOrUsernamesSelect() {
        ChatBoostHandler<DefaultContext> h = any().types(ChatBoostHandler.Type.ANY).chatIds(1).usernames("@news");
        assertTrue(matches(h, added(1, null)));
        assertTrue(matches(h, added(2, "news")));
        assertTrue(matches(h, removed(1)));
        assertFalse(matches(h, removed(2)));
    }

    @Test
    void theBlockFlagIsAlwaysExplicitAsInPtb() {
        assertEquals(Optional.of(true), any().explicitBlock(), "PTB's ChatBoostHandler has block=True, no default");
        assertEquals(Optional.of(true), any().chatIds(1).explicitBlock());
        assertEquals(Optional.of(false), any().block(false).types(ChatBoostHandler.Type.ANY).explicitBlock());
        assertThrows(NullPointerException.class, () -> any().types(null));
    }
}
