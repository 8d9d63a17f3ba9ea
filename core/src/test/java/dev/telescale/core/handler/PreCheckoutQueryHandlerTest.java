package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.methods.AnswerPreCheckoutQuery;
import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import dev.telescale.testkit.RecordedCall;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PreCheckoutQueryHandler: the payload pattern at its start, no matches in the context, answered end to end. */
class PreCheckoutQueryHandlerTest extends HandlerTestBase {

    static String query(String payload) {
        return "{\"id\":\"pc-1\",\"from\":" + user(5) + ",\"currency\":\"EUR\",\"total_amount\":145,"
                + "\"invoice_payload\":" + quote(payload) + "}";
    }

    static Update preCheckout(String payload) {
        return update("pre_checkout_query", query(payload));
    }

    private static PreCheckoutQueryHandler<DefaultContext> any() {
        return new PreCheckoutQueryHandler<>((u, c) -> { });
    }

    @Test
    void thePayloadPatternMatchesAtItsStart() {
        assertTrue(matches(any(), preCheckout("anything")));
        assertTrue(matches(any().pattern("Custom-Payload"), preCheckout("Custom-Payload-2")));
        assertFalse(matches(any().pattern("Custom-Payload"), preCheckout("x-Custom-Payload")));
        assertFalse(matches(any(), ShippingQueryHandlerTest.shipping()));
        assertFalse(matches(any(), "pre_checkout_query"));
    }

    @Test
    void theMatchIsNotPutIntoTheContextAsInPtb() {
        Recorder recorder = new Recorder();
        dispatch(new PreCheckoutQueryHandler<>(recorder::handle).pattern("(Custom)"), preCheckout("Custom"));
        assertEquals(List.of(), recorder.only().matches());
        assertEquals(Optional.of(false), any().block(false).pattern("x").explicitBlock());
    }

    @Test
    void aCheckoutIsApprovedEndToEnd() {
        // the update is injected, so the emulator does not know its query or chat: answer the call as Telegram would
        emulator.respond("answerPreCheckoutQuery", "true");
        emulator.injectUpdate(bot, "{\"pre_checkout_query\":" + query("Custom-Payload") + "}");
        deliverPending(PreCheckoutQueryHandler.<DefaultContext>returning((u, c) -> AnswerPreCheckoutQuery.builder()
                .preCheckoutQueryId(u.preCheckoutQuery().orElseThrow().id()).ok(true).build()).pattern("Custom"));
        RecordedCall call = emulator.awaitCall("answerPreCheckoutQuery", WAIT);
        assertEquals("pc-1", call.string("pre_checkout_query_id"));
        assertTrue(call.param("ok").asBoolean());
    }
}
