package dev.telescale.testkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedPayment;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.TestApi;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A poll or invoice a bot sends is registered before its message is visible, so a user can vote or pay the moment a
 * test sees the message (the bot sends on another thread while the test waits for the message; each round races).
 */
class SeenMessagesAreActionableTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int ROUNDS = 30;

    private final BotApiEmulator emulator = TestApi.startEmulator();
    private final EmulatedBot bot = emulator.createBot("Racer");
    private final EmulatedUser alice = emulator.user("alice");
    private final EmulatedChat chat = alice.chatWith(bot);
    private final BotSide side = new BotSide(emulator, bot);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void aPollCanBeVotedOnAsSoonAsItsMessageIsSeen() {
        for (int round = 0; round < ROUNDS; round++) {
            long last = chat.lastMessage().map(m -> m.path("message_id").asLong()).orElse(0L);
            CompletableFuture<?> sent = CompletableFuture.runAsync(() -> side.call("sendPoll", "{\"chat_id\":"
                    + alice.id() + ",\"question\":\"q\",\"options\":[\"a\",\"b\"],\"is_anonymous\":false}"));
            ObjectNode message = chat.awaitMessage(last, m -> m.has("poll"), WAIT);
            ObjectNode answer = alice.vote(message, 1);
            assertEquals(1, answer.path("option_ids").path(0).asInt());
            sent.join();
        }
    }

    @Test
    void anInvoiceCanBePaidAsSoonAsItsMessageIsSeen() {
        for (int round = 0; round < ROUNDS; round++) {
            long last = chat.lastMessage().map(m -> m.path("message_id").asLong()).orElse(0L);
            String payload = "p" + round;
            CompletableFuture<?> sent = CompletableFuture.runAsync(() -> side.call("sendInvoice", "{\"chat_id\":"
                    + alice.id() + ",\"title\":\"t\",\"description\":\"d\",\"payload\":\"" + payload
                    + "\",\"currency\":\"XTR\",\"prices\":[{\"label\":\"x\",\"amount\":1}]}"));
            ObjectNode message = chat.awaitMessage(last, m -> m.has("invoice"), WAIT);
            EmulatedPayment payment = alice.startPayment(chat, message);
            ObjectNode query = payment.sendPreCheckoutQuery(null);
            sent.join();
            side.call("answerPreCheckoutQuery", "{\"pre_checkout_query_id\":\"" + query.path("id").asText()
                    + "\",\"ok\":true}");
            assertTrue(payment.awaitPreCheckoutAnswer(WAIT).path("ok").asBoolean());
            // The answer is published only after its effect: the receipt is there for whoever saw the answer.
            assertTrue(payment.successfulPaymentMessage().isPresent(), "round " + round);
        }
    }
}
