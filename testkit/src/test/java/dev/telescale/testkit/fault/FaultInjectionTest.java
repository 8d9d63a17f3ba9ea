package dev.telescale.testkit.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.TestApi;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private BotApiEmulator emulator;
    private TestApi api;
    private EmulatedBot bot;

    @BeforeEach
    void start() {
        emulator = TestApi.startEmulator();
        api = new TestApi(emulator);
        bot = emulator.createBot("FaultyBot");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private TestApi.Answer getMe() {
        return api.get(bot.token(), "getMe");
    }

    @Test
    void answersTheGivenStatusForTheNextNRequests() {
        emulator.faults().next(2).answer(502, "Bad Gateway");
        assertEquals(502, getMe().status());
        TestApi.Answer second = getMe();
        assertEquals(502, second.status());
        assertEquals("{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}", second.body());
        assertEquals(200, getMe().status());
        assertEquals(0, emulator.faults().remaining());
    }

    @Test
    void aMethodRuleOnlyHitsThatMethod() {
        emulator.faults().next(1, "sendMessage").answer(500, "Internal Server Error");
        assertEquals(200, getMe().status());
        assertEquals(500, api.postJson(bot.token(), "sendMessage", "{}").status());
        assertEquals(3, emulator.calls().size() + 1, "faulted calls are recorded");
    }

    @Test
    void retryAfterCarriesTheParameter() {
        emulator.faults().nextRequest().retryAfter(3);
        TestApi.Answer answer = getMe();
        assertEquals(429, answer.status());
        assertEquals(3, answer.json().at("/parameters/retry_after").asInt());
        assertEquals("Too Many Requests: retry after 3", answer.description());
    }

    @Test
    void migrationCarriesTheNewChatId() {
        emulator.faults().next(1, "sendMessage").migrateToChat(-1001234567890L);
        TestApi.Answer answer = api.postJson(bot.token(), "sendMessage", "{\"chat_id\":-123,\"text\":\"x\"}");
        assertEquals(400, answer.status());
        assertEquals(-1001234567890L, answer.json().at("/parameters/migrate_to_chat_id").asLong());
    }

    @Test
    void rawAnswersCanBeNonJson() {
        emulator.faults().nextRequest().raw(502, "text/html", "<html>bad gateway</html>");
        TestApi.Answer answer = getMe();
        assertEquals(502, answer.status());
        assertEquals("<html>bad gateway</html>", answer.body());
    }

    @Test
    void closingTheConnectionFailsTheClientAndTheServerStaysUp() {
        emulator.faults().nextRequest().closeConnection();
        // a POST: the JDK client silently retries idempotent GETs on a closed connection
        assertThrows(UncheckedIOException.class, () -> api.postJson(bot.token(), "getMe", "{}"));
        assertEquals(200, getMe().status());
    }

    @Test
    void aTruncatedBodyFailsTheClient() {
        emulator.faults().nextRequest().truncateBody();
        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> api.postJson(bot.token(), "getMe", "{}"));
        assertTrue(error.getCause() != null);
        assertEquals(200, getMe().status());
    }

    @Test
    void aDelayPostponesTheNormalAnswer() {
        emulator.faults().nextRequest().delay(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertEquals(200, getMe().status());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(290).toNanos());
    }

    @Test
    void clearRemovesPendingFaultsAndBadArgumentsAreRejected() {
        emulator.faults().next(5).answer(500, "x");
        emulator.faults().clear();
        assertEquals(200, getMe().status());
        assertThrows(IllegalArgumentException.class, () -> emulator.faults().next(0).answer(500, "x"));
        assertThrows(IllegalArgumentException.class, () -> emulator.faults().next(1, "").answer(500, "x"));
        assertThrows(IllegalArgumentException.class, () -> emulator.faults().nextRequest().delay(Duration.ofSeconds(-1)));
    }

    @Test
    void requestsThatFailBeforeAMethodDoNotConsumeFaults() {
        emulator.faults().nextRequest().answer(503, "Service Unavailable");
        assertEquals(401, api.get("1:wrong", "getMe").status());
        assertEquals(404, api.get(bot.token(), "noSuchMethod").status());
        assertEquals(503, getMe().status());
    }
}
