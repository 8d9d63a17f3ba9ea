package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** BusinessConnectionHandler: every connection, or those of given user ids or usernames. */
class BusinessConnectionHandlerTest extends HandlerTestBase {

    private static Update connection(long userId, String username) {
        return update("business_connection", "{\"id\":\"bc\",\"user\":" + user(userId, username)
                + ",\"user_chat_id\":" + userId + ",\"date\":0,\"is_enabled\":true}");
    }

    private static BusinessConnectionHandler<DefaultContext> any() {
        return new BusinessConnectionHandler<>((u, c) -> { });
    }

    @Test
    void withoutIdsOrUsernamesEveryConnectionMatches() {
        assertTrue(matches(any(), connection(1, null)));
        assertFalse(matches(any(), textMessage("x")));
        assertFalse(matches(any(), "business_connection"));
        assertFalse(matches(any(), update("deleted_business_messages", "{\"business_connection_id\":\"bc\",\"chat\":"
                + chat(1, "private", null) + ",\"message_ids\":[1]}")));
    }

    @Test
    void idsOrUsernamesSelectTheBusinessUser() {
        BusinessConnectionHandler<DefaultContext> h = any().userIds(1, 2).usernames("@shop");
        assertTrue(matches(h, connection(2, null)));
        assertTrue(matches(h, connection(9, "shop")), "either suffices; the @ was stripped");
        assertFalse(matches(h, connection(9, "Shop")), "usernames compare exactly, as PTB");
        assertFalse(matches(h, connection(9, null)));
        assertTrue(matches(any().usernames("shop"), connection(9, "shop")));
        assertFalse(matches(any().userIds(1).userIds(2), connection(1, null)), "a later call replaces the ids");
    }

    @Test
    void blockFlagAndBadArguments() {
        assertEquals(Optional.empty(), any().userIds(1).explicitBlock());
        assertEquals(Optional.of(false), any().block(false).userIds(1).usernames("a").explicitBlock());
        for (String bad : List.of("", "@", " ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> any().usernames(bad));
            assertTrue(e.getMessage().contains("username"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> any().usernames((String) null));
        assertThrows(NullPointerException.class, () -> any().userIds((long[]) null));
        assertThrows(NullPointerException.class, () -> new BusinessConnectionHandler<DefaultContext>(null));
    }
}
