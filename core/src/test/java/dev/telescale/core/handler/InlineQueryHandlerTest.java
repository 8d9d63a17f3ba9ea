package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.methods.AnswerInlineQuery;
import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import dev.telescale.testkit.RecordedCall;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** InlineQueryHandler: pattern at the start of the query (never an empty query), chat types, end to end. */
class InlineQueryHandlerTest extends HandlerTestBase {

    private static String query(String text, String chatType) {
        return "{\"id\":\"iq-1\",\"from\":" + user(4) + ",\"query\":" + quote(text) + ",\"offset\":\"\""
                + (chatType == null ? "" : ",\"chat_type\":\"" + chatType + "\"") + "}";
    }

    private static Update inline(String text, String chatType) {
        return update("inline_query", query(text, chatType));
    }

    private static InlineQueryHandler<DefaultContext> any() {
        return new InlineQueryHandler<>((u, c) -> { });
    }

    @Test
    void withoutOptionsEveryQueryMatchesEvenAnEmptyOne() {
        assertTrue(matches(any(), inline("", null)));
        assertTrue(matches(any(), inline("cats", "private")));
        assertFalse(matches(any(), textMessage("@bot cats")));
        assertFalse(matches(any(), "cats"));
    }

    @Test
    void thePatternMatchesAtTheStartAndNeverAnEmptyQuery() {
        InlineQueryHandler<DefaultContext> weather = any().pattern("weather (\\w+)");
        assertTrue(matches(weather, inline("weather Paris please", null)));
        assertFalse(matches(weather, inline("the weather Paris", null)));
        assertFalse(matches(any().pattern(".*"), inline("", null)), "PTB: an empty query never matches a pattern");
        assertFalse(matches(any().pattern("^$"), inline("", null)));
        assertTrue(matches(any().pattern(".*"), inline("x", null)));
    }

    @Test
    void chatTypesMustContainTheQuerysChatType() {
        InlineQueryHandler<DefaultContext> privateOnly = any().chatTypes("private", "sender");
        assertTrue(matches(privateOnly, inline("x", "sender")));
        assertFalse(matches(privateOnly, inline("x", "group")));
        assertFalse(matches(privateOnly, inline("x", null)), "a query without chat type does not match");
        assertFalse(matches(any().chatTypes(), inline("x", "private")), "no chat types: nothing matches");
        assertTrue(matches(privateOnly.pattern("x"), inline("x", "private")));
        assertThrows(NullPointerException.class, () -> any().chatTypes("private", null));
    }

    @Test
    void theMatchLandsInTheContext() {
        Recorder recorder = new Recorder();
        dispatch(new InlineQueryHandler<>(recorder::handle).pattern("w(\\w+)"), inline("weather", null));
        assertEquals(List.of("weather"), recorder.only().matches());
        assertEquals(Optional.of(true), any().block(true).chatTypes("group").explicitBlock());
    }

    @Test
    void anInlineQueryIsAnsweredEndToEnd() {
        // the update is injected, so the emulator does not know its query or chat: answer the call as Telegram would
        emulator.respond("answerInlineQuery", "true");
        emulator.injectUpdate(bot, "{\"inline_query\":" + query("weather Rome", "private") + "}");
        deliverPending(InlineQueryHandler.<DefaultContext>returning((u, c) -> AnswerInlineQuery.builder()
                .inlineQueryId(u.inlineQuery().orElseThrow().id()).results(List.of())
                .nextOffset(c.match().orElseThrow().group(1)).build()).pattern("weather (\\w+)"));
        RecordedCall call = emulator.awaitCall("answerInlineQuery", WAIT);
        assertEquals("iq-1", call.string("inline_query_id"));
        assertEquals("Rome", call.string("next_offset"));
    }
}
