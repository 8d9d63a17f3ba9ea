package dev.telescale.testkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedPayment;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BotApiEmulator emulator = TestApi.startEmulator();
    private final EmulatedBot bot = emulator.createBot("Shop");
    private final EmulatedUser alice = emulator.user("alice");
    private final EmulatedChat chat = alice.chatWith(bot);
    private final BotSide side = new BotSide(emulator, bot);

    @AfterEach
    void close() {
        emulator.close();
    }

    private JsonNode invoice(boolean flexible) {
        return side.call("sendInvoice", "{\"chat_id\":" + alice.id() + ",\"title\":\"Payment Example\","
                + "\"description\":\"Example of a payment process\",\"payload\":\"Custom-Payload\","
                + "\"provider_token\":\"TEST\",\"currency\":\"USD\",\"prices\":[{\"label\":\"Test\",\"amount\":100}],"
                + "\"need_name\":true,\"need_email\":true,\"need_shipping_address\":" + flexible + ",\"is_flexible\":"
                + flexible + "}");
    }

    @Test
    void flexibleInvoiceGoesThroughShippingPreCheckoutAndSuccessfulPayment() {
        JsonNode invoice = invoice(true);
        EmulatedPayment payment = alice.startPayment(chat, invoice);
        ObjectNode shipping = payment.sendShippingQuery();
        JsonNode received = side.single("shipping_query");
        assertEquals("Custom-Payload", received.path("invoice_payload").asText());
        assertEquals("US", received.path("shipping_address").path("country_code").asText());
        side.call("answerShippingQuery", "{\"shipping_query_id\":\"" + shipping.path("id").asText() + "\",\"ok\":true,"
                + "\"shipping_options\":[{\"id\":\"1\",\"title\":\"Shipping Option A\",\"prices\":[{\"label\":\"A\",\"amount\":100}]}]}");
        assertTrue(payment.awaitShippingAnswer(WAIT).path("ok").asBoolean());
        ObjectNode preCheckout = payment.sendPreCheckoutQuery("1");
        JsonNode query = side.single("pre_checkout_query");
        assertEquals(200, query.path("total_amount").asInt());
        assertEquals("alice", query.path("order_info").path("name").asText());
        side.call("answerPreCheckoutQuery", "{\"pre_checkout_query_id\":\"" + preCheckout.path("id").asText()
                + "\",\"ok\":true}");
        assertTrue(payment.awaitPreCheckoutAnswer(WAIT).path("ok").asBoolean());
        JsonNode paid = side.single("message").path("successful_payment");
        assertEquals(200, paid.path("total_amount").asInt());
        assertEquals("1", paid.path("shipping_option_id").asText());
        assertTrue(payment.successfulPaymentMessage().isPresent());
        assertThrows(IllegalStateException.class, () -> alice.startPayment(chat, invoice), "paid once");
        assertEquals("Bad Request: QUERY_ID_INVALID", side.answer("answerPreCheckoutQuery",
                "{\"pre_checkout_query_id\":\"" + preCheckout.path("id").asText() + "\",\"ok\":true}").description());
    }

    @Test
    void refusedPreCheckoutMeansNoPayment() {
        EmulatedPayment payment = alice.startPayment(chat, invoice(false));
        assertThrows(IllegalStateException.class, payment::sendShippingQuery);
        ObjectNode preCheckout = payment.sendPreCheckoutQuery(null);
        side.updates();
        assertEquals(400, side.answer("answerPreCheckoutQuery", "{\"pre_checkout_query_id\":\""
                + preCheckout.path("id").asText() + "\",\"ok\":false}").status(), "error_message is required");
        side.call("answerPreCheckoutQuery", "{\"pre_checkout_query_id\":\"" + preCheckout.path("id").asText()
                + "\",\"ok\":false,\"error_message\":\"Something went wrong...\"}");
        assertFalse(payment.awaitPreCheckoutAnswer(WAIT).path("ok").asBoolean());
        assertTrue(payment.successfulPaymentMessage().isEmpty());
        assertTrue(side.updates().isEmpty());
    }

    @Test
    void completeRunsTheWholeFlowAgainstABotThread() throws Exception {
        JsonNode invoice = invoice(true);
        Thread botThread = Thread.ofVirtual().start(() -> {
            JsonNode shipping = awaitUpdate("shipping_query");
            side.call("answerShippingQuery", "{\"shipping_query_id\":\"" + shipping.path("id").asText()
                    + "\",\"ok\":false,\"error_message\":\"Sorry\"}");
        });
        EmulatedPayment.Result result = alice.startPayment(chat, invoice).complete(WAIT);
        botThread.join();
        assertFalse(result.paid());
        assertEquals("Sorry", result.shippingAnswer().path("error_message").asText());
    }

    private JsonNode awaitUpdate(String type) {
        JsonNode found = null;
        while (found == null) {
            JsonNode updates = side.call("getUpdates", "{\"timeout\":5}");
            for (JsonNode update : updates) {
                if (update.has(type)) {
                    found = update.get(type);
                }
            }
        }
        return found;
    }

    @Test
    void badInvoicesAndUnknownInvoicesFail() {
        assertEquals(400, side.answer("sendInvoice", "{\"chat_id\":" + alice.id() + ",\"title\":\"t\",\"description\":\"d\","
                + "\"payload\":\"p\",\"currency\":\"USD\",\"prices\":[{\"label\":\"x\",\"amount\":1}]}").status(),
                "provider_token is required outside Telegram Stars");
        side.call("sendInvoice", "{\"chat_id\":" + alice.id() + ",\"title\":\"t\",\"description\":\"d\","
                + "\"payload\":\"p\",\"currency\":\"XTR\",\"prices\":[{\"label\":\"x\",\"amount\":1}]}");
        JsonNode text = side.call("sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"not an invoice\"}");
        assertThrows(IllegalArgumentException.class, () -> alice.startPayment(chat, text));
        assertEquals("Bad Request: QUERY_ID_INVALID", side.answer("answerShippingQuery",
                "{\"shipping_query_id\":\"42\",\"ok\":true}").description());
    }
}
