package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedPayment;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import org.junit.jupiter.api.Test;

class PaymentBotTest {

    private static final String PROVIDER = "284685063:TEST:provider";

    private static RunningExample start() {
        return RunningExample.start("ShopBot", (token, api) -> PaymentBot.build(token, api, PROVIDER));
    }

    @Test
    void explainsOnStart() throws Exception {
        try (var run = start()) {
            assertEquals("Use /shipping to get an invoice for shipping-payment, or /noshipping for an invoice without "
                    + "shipping.", run.answerTo(run.emulator.user("alice"), "/start"));
        }
    }

    @Test
    void anInvoiceWithoutShippingIsPaidAndThanked() throws Exception {
        try (var run = start()) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);
            ObjectNode invoice = run.say(alice, "/noshipping");
            RecordedCall sent = run.next("sendInvoice");
            assertInvoice(sent);
            for (String flag : new String[] {"need_name", "need_phone_number", "need_email", "need_shipping_address",
                    "is_flexible"}) {
                assertNull(sent.param(flag), flag);
            }

            EmulatedPayment payment = alice.startPayment(chat, invoice);
            assertFalse(payment.flexible());
            ObjectNode preCheckout = payment.sendPreCheckoutQuery(null);
            assertEquals(100, preCheckout.path("total_amount").asLong());
            assertTrue(payment.awaitPreCheckoutAnswer(WAIT).path("ok").asBoolean());
            // The emulator posts the receipt before it publishes the approving answer.
            ObjectNode receipt = payment.successfulPaymentMessage().orElseThrow();
            assertEquals("Thank you for your payment!", chat.awaitBotMessageAfter(receipt, WAIT).path("text").asText());
        }
    }

    @Test
    void anInvoiceWithShippingOffersTwoOptions() throws Exception {
        try (var run = start()) {
            EmulatedUser bob = run.emulator.user("bob");
            EmulatedChat chat = bob.chatWith(run.bot);
            ObjectNode invoice = run.say(bob, "/shipping");
            RecordedCall sent = run.next("sendInvoice");
            assertInvoice(sent);
            for (String flag : new String[] {"need_name", "need_phone_number", "need_email", "need_shipping_address",
                    "is_flexible"}) {
                assertTrue(sent.param(flag).asBoolean(), flag);
            }

            EmulatedPayment payment = bob.startPayment(chat, invoice);
            payment.sendShippingQuery();
            ObjectNode shipping = payment.awaitShippingAnswer(WAIT);
            assertTrue(shipping.path("ok").asBoolean());
            assertEquals("[{\"id\":\"1\",\"title\":\"Shipping Option A\",\"prices\":[{\"label\":\"A\",\"amount\":100}]},"
                    + "{\"id\":\"2\",\"title\":\"Shipping Option B\",\"prices\":[{\"label\":\"B1\",\"amount\":150},"
                    + "{\"label\":\"B2\",\"amount\":200}]}]", shipping.path("shipping_options").toString());
            ObjectNode preCheckout = payment.sendPreCheckoutQuery("2");
            assertEquals(450, preCheckout.path("total_amount").asLong());
            assertTrue(payment.awaitPreCheckoutAnswer(WAIT).path("ok").asBoolean());
            // The emulator posts the receipt before it publishes the approving answer.
            ObjectNode receipt = payment.successfulPaymentMessage().orElseThrow();
            assertEquals("Thank you for your payment!", chat.awaitBotMessageAfter(receipt, WAIT).path("text").asText());
        }
    }

    @Test
    void refusesQueriesForSomeoneElsesInvoice() throws Exception {
        try (var run = start()) {
            EmulatedUser carol = run.emulator.user("carol");
            String from = carol.user().toString();
            run.emulator.injectUpdate(run.bot, "{\"shipping_query\":{\"id\":\"s1\",\"from\":" + from
                    + ",\"invoice_payload\":\"Other-Payload\",\"shipping_address\":{\"country_code\":\"DE\","
                    + "\"state\":\"\",\"city\":\"Berlin\",\"street_line1\":\"A 1\",\"street_line2\":\"\","
                    + "\"post_code\":\"10115\"}}}");
            RecordedCall shipping = run.next("answerShippingQuery");
            assertEquals("s1", shipping.string("shipping_query_id"));
            assertFalse(shipping.param("ok").asBoolean());
            assertEquals("Something went wrong...", shipping.string("error_message"));
            assertNull(shipping.param("shipping_options"));

            run.emulator.injectUpdate(run.bot, "{\"pre_checkout_query\":{\"id\":\"p1\",\"from\":" + from
                    + ",\"currency\":\"USD\",\"total_amount\":100,\"invoice_payload\":\"Other-Payload\"}}");
            RecordedCall preCheckout = run.next("answerPreCheckoutQuery");
            assertEquals("p1", preCheckout.string("pre_checkout_query_id"));
            assertFalse(preCheckout.param("ok").asBoolean());
            assertEquals("Something went wrong...", preCheckout.string("error_message"));
        }
    }

    private static void assertInvoice(RecordedCall sent) {
        assertEquals("Payment Example", sent.string("title"));
        assertEquals("Payment Example using python-telegram-bot", sent.string("description"));
        assertEquals("Custom-Payload", sent.string("payload"));
        assertEquals(PROVIDER, sent.string("provider_token"));
        assertEquals("USD", sent.string("currency"));
        assertEquals("[{\"label\":\"Test\",\"amount\":100}]", sent.param("prices").toString());
    }
}
