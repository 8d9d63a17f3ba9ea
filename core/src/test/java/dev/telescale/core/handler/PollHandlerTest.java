package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PollHandler: poll updates only; the callback gets the update. */
class PollHandlerTest extends HandlerTestBase {

    static Update poll() {
        return update("poll", "{\"id\":\"p1\",\"question\":\"Best?\",\"options\":[{\"text\":\"a\",\"voter_count\":1}],"
                + "\"total_voter_count\":1,\"is_closed\":true,\"is_anonymous\":true,\"type\":\"regular\","
                + "\"allows_multiple_answers\":false}");
    }

    @Test
    void matchesPollsOnly() {
        PollHandler<DefaultContext> h = new PollHandler<>((u, c) -> { });
        assertTrue(matches(h, poll()));
        assertFalse(matches(h, PollAnswerHandlerTest.answer()));
        assertFalse(matches(h, textMessage("poll")));
        assertFalse(matches(h, "poll"));
        assertEquals(CheckResult.match(), h.check(poll(), app));
    }

    @Test
    void theCallbackGetsTheUpdateAndTheFlagIsTriState() {
        Recorder recorder = new Recorder();
        Update p = poll();
        dispatch(new PollHandler<>(recorder::handle), p);
        assertEquals(p, recorder.only().update());
        PollHandler<DefaultContext> h = PollHandler.returning((u, c) -> null);
        assertEquals(Optional.empty(), h.explicitBlock());
        assertEquals(Optional.of(false), h.block(false).explicitBlock());
        assertEquals("PollHandler", h.toString());
    }
}
