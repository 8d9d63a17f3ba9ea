package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PollAnswerHandler: poll answers only, including retracted votes. */
class PollAnswerHandlerTest extends HandlerTestBase {

    static Update answer() {
        return update("poll_answer", "{\"poll_id\":\"p1\",\"user\":" + user(5) + ",\"option_ids\":[0],"
                + "\"option_persistent_ids\":[\"a\"]}");
    }

    @Test
    void matchesPollAnswersOnly() {
        PollAnswerHandler<DefaultContext> h = new PollAnswerHandler<>((u, c) -> { });
        assertTrue(matches(h, answer()));
        assertTrue(matches(h, update("poll_answer", "{\"poll_id\":\"p1\",\"user\":" + user(5)
                + ",\"option_ids\":[],\"option_persistent_ids\":[]}")), "a retracted vote");
        assertFalse(matches(h, PollHandlerTest.poll()));
        assertFalse(matches(h, 0));
        assertEquals(Optional.of(true), h.block(true).explicitBlock());
    }
}
