package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PaidMediaPurchasedHandler: every purchase, or purchases by given user ids or usernames. */
class PaidMediaPurchasedHandlerTest extends HandlerTestBase {

    private static Update purchase(long userId, String username) {
        return update("purchased_paid_media", "{\"from\":" + user(userId, username)
                + ",\"paid_media_payload\":\"album-1\"}");
    }

    private static PaidMediaPurchasedHandler<DefaultContext> any() {
        return new PaidMediaPurchasedHandler<>((u, c) -> { });
    }

    @Test
    void matchesPurchasesAndSelectsBuyers() {
        assertTrue(matches(any(), purchase(1, null)));
        assertFalse(matches(any(), textMessage("x")));
        assertFalse(matches(any(), new Object()));
        PaidMediaPurchasedHandler<DefaultContext> h = any().userIds(1).usernames("fan");
        assertTrue(matches(h, purchase(1, null)));
        assertTrue(matches(h, purchase(2, "fan")));
        assertFalse(matches(h, purchase(2, "other")));
        assertEquals(Optional.empty(), h.explicitBlock());
    }
}
