package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GuestMessageHandler: guest messages only, an optional filter whose data reaches the context. */
class GuestMessageHandlerTest extends HandlerTestBase {

    private static Update guest(String text) {
        return update("guest_message", "{\"message_id\":1,\"date\":0,\"chat\":" + chat(-9) + ",\"from\":" + user(3)
                + ",\"guest_query_id\":\"g-1\",\"text\":" + quote(text) + "}");
    }

    private static GuestMessageHandler<DefaultContext> any() {
        return new GuestMessageHandler<>((u, c) -> { });
    }

    @Test
    void matchesGuestMessagesOnly() {
        assertTrue(matches(any(), guest("hello")));
        assertFalse(matches(any(), textMessage("hello")));
        assertFalse(matches(any(), update("business_message", message(chat(-9), user(3), "hello"))));
        assertFalse(matches(any(), "hello"));
    }

    @Test
    void aFilterMustPassAndItsMatchesLandInTheContext() {
        assertFalse(matches(any().filter(Filters.COMMAND), guest("hello")));
        Recorder recorder = new Recorder();
        dispatch(new GuestMessageHandler<>(recorder::handle).filter(Filters.regex("h(el)lo")), guest("oh hello"),
                guest("bye"));
        assertEquals(List.of("hello"), recorder.only().matches());
        assertEquals(Optional.of(false), any().block(false).filter(Filters.TEXT).explicitBlock());
    }
}
