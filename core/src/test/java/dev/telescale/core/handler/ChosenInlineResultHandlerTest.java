package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ChosenInlineResultHandler: every result, or result ids matching a pattern at their start; matches in context. */
class ChosenInlineResultHandlerTest extends HandlerTestBase {

    private static Update chosen(String resultId) {
        return update("chosen_inline_result", "{\"result_id\":" + quote(resultId) + ",\"from\":" + user(4)
                + ",\"query\":\"q\"}");
    }

    private static ChosenInlineResultHandler<DefaultContext> any() {
        return new ChosenInlineResultHandler<>((u, c) -> { });
    }

    @Test
    void withoutPatternEveryChosenResultMatches() {
        assertTrue(matches(any(), chosen("")));
        assertFalse(matches(any(), update("inline_query", "{\"id\":\"i\",\"from\":" + user(4)
                + ",\"query\":\"q\",\"offset\":\"\"}")));
        assertFalse(matches(any(), "chosen"));
    }

    @Test
    void thePatternMatchesAtTheStartOfTheResultId() {
        ChosenInlineResultHandler<DefaultContext> h = any().pattern("article-(\\d+)");
        assertTrue(matches(h, chosen("article-12-extra")));
        assertFalse(matches(h, chosen("x-article-12")));
        assertFalse(matches(h, chosen("")));
        assertTrue(matches(any().pattern(""), chosen("")), "an empty pattern matches an empty id");
    }

    @Test
    void theMatchLandsInTheContext() {
        Recorder recorder = new Recorder();
        dispatch(new ChosenInlineResultHandler<>(recorder::handle).pattern("article-(\\d+)"), chosen("article-7"));
        assertEquals(List.of("article-7"), recorder.only().matches());
        Recorder plain = new Recorder();
        dispatch(new ChosenInlineResultHandler<>(plain::handle), chosen("article-7"));
        assertEquals(List.of(), plain.only().matches());
        assertEquals(Optional.of(false), any().block(false).pattern("x").explicitBlock());
    }
}
