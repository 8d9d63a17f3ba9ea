package dev.telescale.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Calls are recorded once they have run, with their outcome; the onCall listener sees them as they arrive. */
class CallRecordingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aRecordedCallsEffectIsVisibleAndItCarriesTheResult() {
        try (BotApiEmulator emulator = TestApi.startEmulator()) {
            EmulatedBot bot = emulator.createBot("Recorder");
            EmulatedUser alice = emulator.user("alice");
            EmulatedChat chat = alice.chatWith(bot);
            TestApi api = new TestApi(emulator);
            for (int i = 0; i < 20; i++) {
                String text = "m" + i;
                // The test thread awaits the call while another thread makes it: each round races.
                CompletableFuture<JsonNode> sent = CompletableFuture.supplyAsync(() -> api.call(bot.token(),
                        "sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"" + text + "\"}"));
                RecordedCall call = emulator.awaitCall("sendMessage", WAIT);
                assertTrue(call.succeeded());
                long id = call.result().orElseThrow().path("message_id").asLong();
                assertEquals(text, chat.message(id).orElseThrow().path("text").asText(), "in the chat already");
                assertEquals(id, sent.join().path("message_id").asLong());
            }
        }
    }

    @Test
    void refusedAndFaultedCallsAreRecordedWithTheirError() {
        try (BotApiEmulator emulator = TestApi.startEmulator()) {
            EmulatedBot bot = emulator.createBot("Recorder");
            TestApi api = new TestApi(emulator);
            api.postJson(bot.token(), "sendMessage", "{\"chat_id\":42,\"text\":\"x\"}");
            RecordedCall refused = emulator.awaitCall("sendMessage", WAIT);
            assertFalse(refused.succeeded());
            CallOutcome.Failed failed = assertInstanceOf(CallOutcome.Failed.class, refused.outcome());
            assertEquals(400, failed.errorCode());
            assertEquals("Bad Request: chat not found", failed.description());

            emulator.faults().next(1, "getMe").answer(502, "Bad Gateway");
            api.postJson(bot.token(), "getMe", "{}");
            CallOutcome.Failed faulted = assertInstanceOf(CallOutcome.Failed.class,
                    emulator.awaitCall("getMe", WAIT).outcome());
            assertEquals(502, faulted.errorCode());
            assertTrue(faulted.description().contains("Bad Gateway"), faulted.description());
        }
    }

    @Test
    void theListenerSeesCallsAsTheyArriveBeforeTheyRun() {
        List<RecordedCall> arrived = new CopyOnWriteArrayList<>();
        try (BotApiEmulator emulator = TestApi.builder().onCall(arrived::add).start()) {
            EmulatedBot bot = emulator.createBot("Recorder");
            new TestApi(emulator).call(bot.token(), "getMe", "{}");
            assertEquals(CallOutcome.PENDING, arrived.getFirst().outcome());
            assertTrue(emulator.awaitCall("getMe", WAIT).succeeded());
        }
    }
}
