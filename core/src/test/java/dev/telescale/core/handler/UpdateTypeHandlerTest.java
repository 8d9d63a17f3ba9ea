package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.api.types.UpdateType;
import dev.telescale.core.DefaultContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** UpdateTypeHandler: any Update of the given kinds, including kinds the library does not know yet. */
class UpdateTypeHandlerTest extends HandlerTestBase {

    @Test
    void matchesUpdatesOfTheGivenKinds() {
        UpdateTypeHandler<DefaultContext> polls = new UpdateTypeHandler<>(
                EnumSet.of(UpdateType.POLL, UpdateType.POLL_ANSWER), (u, c) -> { });
        assertTrue(matches(polls, PollHandlerTest.poll()));
        assertTrue(matches(polls, PollAnswerHandlerTest.answer()));
        assertFalse(matches(polls, textMessage("poll")));
        assertFalse(matches(polls, "poll"));
    }

    @Test
    void unknownKindsAreReachable() {
        Update future = update("bot_subscription_updated", "{\"user\":" + user(1) + "}");
        assertEquals(UpdateType.UNKNOWN, future.type());
        List<String> seen = new ArrayList<>();
        dispatch(new UpdateTypeHandler<DefaultContext>(UpdateType.UNKNOWN,
                (u, c) -> seen.addAll(u.unknownFields().keySet())), future, textMessage("known"));
        assertEquals(List.of("bot_subscription_updated"), seen);
    }

    @Test
    void everyKindHasAHandler() {
        UpdateTypeHandler<DefaultContext> all = new UpdateTypeHandler<>(Arrays.asList(UpdateType.values()),
                (u, c) -> { });
        assertTrue(matches(all, textMessage("x")));
        assertTrue(matches(all, update("managed_bot", "{\"user\":" + user(1) + ",\"bot\":" + user(2) + "}")));
        assertEquals(EnumSet.allOf(UpdateType.class), all.types());
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> new UpdateTypeHandler<DefaultContext>(List.of(), (u, c) -> { }));
        assertThrows(NullPointerException.class,
                () -> new UpdateTypeHandler<DefaultContext>((UpdateType) null, (u, c) -> { }));
        assertThrows(NullPointerException.class,
                () -> new UpdateTypeHandler<DefaultContext>(Arrays.asList(UpdateType.POLL, null), (u, c) -> { }));
        assertEquals(Optional.of(false), new UpdateTypeHandler<DefaultContext>(UpdateType.POLL, (u, c) -> { })
                .block(false).explicitBlock());
    }
}
