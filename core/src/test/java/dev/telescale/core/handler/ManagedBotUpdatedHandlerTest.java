package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ManagedBotUpdatedHandler: ids and usernames of either the creator or the managed bot. */
class ManagedBotUpdatedHandlerTest extends HandlerTestBase {

    private static Update managed(long creator, String creatorName, long botId, String botName) {
        return update("managed_bot", "{\"user\":" + user(creator, creatorName) + ",\"bot\":{\"id\":" + botId
                + ",\"is_bot\":true,\"first_name\":\"B\"" + (botName == null ? "" : ",\"username\":\"" + botName + "\"")
                + "}}");
    }

    private static ManagedBotUpdatedHandler<DefaultContext> any() {
        return new ManagedBotUpdatedHandler<>((u, c) -> { });
    }

    @Test
    void matchesManagedBotUpdatesOnly() {
        assertTrue(matches(any(), managed(1, null, 100, null)));
        assertFalse(matches(any(), textMessage("x")));
        assertFalse(matches(any(), 1));
    }

    @Test
    void eitherTheCreatorOrTheManagedBotSelects() {
        ManagedBotUpdatedHandler<DefaultContext> byId = any().userIds(1);
        assertTrue(matches(byId, managed(1, null, 100, null)), "the creator");
        assertTrue(matches(byId, managed(2, null, 1, null)), "the managed bot");
        assertFalse(matches(byId, managed(2, null, 100, null)));
        ManagedBotUpdatedHandler<DefaultContext> byName = any().usernames("@HelperBot");
        assertTrue(matches(byName, managed(2, null, 100, "HelperBot")));
        assertTrue(matches(byName, managed(2, "HelperBot", 100, null)));
        assertFalse(matches(byName, managed(2, "alice", 100, "OtherBot")));
        assertEquals(Optional.of(false), byName.block(false).explicitBlock());
    }
}
