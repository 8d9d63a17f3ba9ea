package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MessageReactionHandler: types, chat and user filters (any suffices), users only with MESSAGE_REACTION_UPDATED. */
class MessageReactionHandlerTest extends HandlerTestBase {

    private static final MessageReactionHandler.Type UPDATED = MessageReactionHandler.Type.MESSAGE_REACTION_UPDATED;
    private static final MessageReactionHandler.Type COUNT =
            MessageReactionHandler.Type.MESSAGE_REACTION_COUNT_UPDATED;

    private static Update reaction(long chatId, String chatName, String user) {
        return update("message_reaction", "{\"chat\":" + chat(chatId, "supergroup", chatName) + ",\"message_id\":3,"
                + (user == null ? "\"actor_chat\":" + chat(chatId) + "," : "\"user\":" + user + ",")
                + "\"date\":0,\"old_reaction\":[],\"new_reaction\":[{\"type\":\"emoji\",\"emoji\":\"👍\"}]}");
    }

    private static Update count(long chatId) {
        return update("message_reaction_count", "{\"chat\":" + chat(chatId) + ",\"message_id\":3,\"date\":0,"
                + "\"reactions\":[{\"type\":{\"type\":\"emoji\",\"emoji\":\"👍\"},\"total_count\":2}]}");
    }

    private static MessageReactionHandler<DefaultContext> any() {
        return new MessageReactionHandler<>((u, c) -> { });
    }

    @Test
    void theDefaultTakesBothKindsAndTypesNarrow() {
        assertTrue(matches(any(), reaction(-1, null, user(2))));
        assertTrue(matches(any(), count(-1)));
        assertTrue(matches(any().types(UPDATED), reaction(-1, null, user(2))));
        assertFalse(matches(any().types(UPDATED), count(-1)));
        assertTrue(matches(any().types(COUNT), count(-1)));
        assertFalse(matches(any().types(COUNT), reaction(-1, null, user(2))));
        assertFalse(matches(any(), textMessage("👍")));
        assertFalse(matches(any(), "👍"));
    }

    @Test
    void anyOfTheChatAndUserFiltersSuffices() {
        MessageReactionHandler<DefaultContext> h = any().types(UPDATED).chatIds(-1).chatUsernames("@club")
                .userIds(7).userUsernames("@ann");
        assertTrue(matches(h, reaction(-1, null, user(2))), "chat id");
        assertTrue(matches(h, reaction(-5, "club", user(2))), "chat username");
        assertTrue(matches(h, reaction(-5, null, user(7))), "user id");
        assertTrue(matches(h, reaction(-5, null, user(8, "ann"))), "user username");
        assertFalse(matches(h, reaction(-5, null, user(8, "bob"))));
        assertFalse(matches(h, reaction(-5, null, null)), "an anonymous reaction has no user");
        assertTrue(matches(any().chatIds(-1), count(-1)), "chat filters work for counts");
        assertFalse(matches(any().chatIds(-1), count(-2)));
    }

    @Test
    void userFiltersNeedMessageReactionUpdated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> any().userIds(7));
        assertTrue(e.getMessage().contains("MESSAGE_REACTION_UPDATED"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> any().userUsernames("ann"));
        assertThrows(IllegalArgumentException.class, () -> any().types(UPDATED).userIds(7).types(COUNT));
        assertThrows(IllegalArgumentException.class,
                () -> any().types(UPDATED).userIds(7).types(MessageReactionHandler.Type.MESSAGE_REACTION));
        assertTrue(matches(any().types(UPDATED).userIds(7), reaction(-1, null, user(7))));
        assertTrue(matches(any().types(COUNT).chatIds(-1), count(-1)), "chat filters need no type");
        assertEquals(Optional.of(false), any().block(false).types(UPDATED).userIds(1).explicitBlock());
    }
}
