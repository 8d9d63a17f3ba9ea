package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** BusinessMessagesDeletedHandler: every deletion, or those in chats of given ids or usernames. */
class BusinessMessagesDeletedHandlerTest extends HandlerTestBase {

    private static Update deleted(long chatId, String username) {
        return update("deleted_business_messages", "{\"business_connection_id\":\"bc\",\"chat\":"
                + chat(chatId, "private", username) + ",\"message_ids\":[1,2]}");
    }

    private static BusinessMessagesDeletedHandler<DefaultContext> any() {
        return new BusinessMessagesDeletedHandler<>((u, c) -> { });
    }

    @Test
    void matchesDeletionsOnly() {
        assertTrue(matches(any(), deleted(5, null)));
        assertFalse(matches(any(), update("business_message", message(chat(5, "private", null), user(5), "x"))));
        assertFalse(matches(any(), 5L));
    }

    @Test
    void chatIdsOrChatUsernamesSelect() {
        BusinessMessagesDeletedHandler<DefaultContext> h = any().chatIds(5).usernames("@alice");
        assertTrue(matches(h, deleted(5, null)));
        assertTrue(matches(h, deleted(6, "alice")));
        assertFalse(matches(h, deleted(6, "bob")));
        assertEquals(Optional.of(true), h.block(true).explicitBlock());
    }
}
