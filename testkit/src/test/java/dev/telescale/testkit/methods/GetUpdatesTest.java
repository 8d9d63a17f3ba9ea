package dev.telescale.testkit.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import dev.telescale.testkit.TestApi;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetUpdatesTest {

    private BotApiEmulator emulator;
    private TestApi api;
    private EmulatedBot bot;
    private EmulatedUser alice;

    @BeforeEach
    void start() {
        emulator = TestApi.startEmulator();
        api = new TestApi(emulator);
        bot = emulator.createBot("PollBot");
        alice = emulator.user("alice");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode poll(String json) {
        return api.call(bot.token(), "getUpdates", json);
    }

    @Test
    void returnsQueuedUpdatesUntilAnOffsetConfirmsThem() {
        alice.sendText(bot, "one");
        alice.sendText(bot, "two");
        JsonNode first = poll("{}");
        assertEquals(2, first.size());
        assertEquals("one", first.at("/0/message/text").asText());
        long firstId = first.at("/0/update_id").asLong();
        assertEquals(firstId + 1, first.at("/1/update_id").asLong());
        assertEquals(2, poll("{}").size(), "unconfirmed updates come again");
        JsonNode rest = poll("{\"offset\":" + (firstId + 1) + "}");
        assertEquals(1, rest.size());
        assertEquals("two", rest.at("/0/message/text").asText());
        assertEquals(0, poll("{\"offset\":" + (firstId + 2) + "}").size());
        assertEquals(0, bot.pendingUpdateCount());
    }

    @Test
    void aNegativeOffsetKeepsOnlyTheNewestUpdates() {
        for (int i = 0; i < 5; i++) {
            alice.sendText(bot, "m" + i);
        }
        JsonNode last = poll("{\"offset\":-2}");
        assertEquals(2, last.size());
        assertEquals("m3", last.at("/0/message/text").asText());
        assertEquals(2, poll("{}").size(), "older updates are forgotten");
    }

    @Test
    void limitIsHonouredAndClampedTo1Through100() {
        for (int i = 0; i < 5; i++) {
            alice.sendText(bot, "m" + i);
        }
        assertEquals(2, poll("{\"limit\":2}").size());
        assertEquals(1, poll("{\"limit\":0}").size());
        assertEquals(5, poll("{\"limit\":1000}").size());
        assertEquals(3, api.postForm(bot.token(), "getUpdates", "limit=3").json().get("result").size());
    }

    @Test
    void aLongPollWaitsAndWakesWhenAnUpdateArrives() throws Exception {
        CompletableFuture<JsonNode> polled = CompletableFuture.supplyAsync(() -> poll("{\"timeout\":50}"));
        bot.awaitWaitingPoll(Duration.ofSeconds(20));
        assertTrue(!polled.isDone(), "the poll waits while there is nothing");
        assertTrue(emulator.calls("getUpdates").isEmpty(), "a waiting poll is recorded only when it returns");
        alice.sendText(bot, "wake up");
        // Woken by the update: the 50 s timeout is far beyond the 20 s this waits.
        JsonNode updates = polled.get(20, TimeUnit.SECONDS);
        assertEquals("wake up", updates.at("/0/message/text").asText());
        RecordedCall recorded = emulator.awaitCall("getUpdates", Duration.ofSeconds(5));
        assertEquals("wake up", recorded.result().orElseThrow()
                .at("/0/message/text").asText(), "recorded with its result");
    }

    @Test
    void aLongPollWithoutUpdatesReturnsAnEmptyArrayAfterTheTimeout() {
        long start = System.nanoTime();
        assertEquals(0, poll("{\"timeout\":1}").size());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 900, "waited " + waited + " ms");
    }

    @Test
    void aSecondPollTerminatesTheFirstWith409() throws Exception {
        CompletableFuture<TestApi.Answer> first = CompletableFuture.supplyAsync(
                () -> api.postJson(bot.token(), "getUpdates", "{\"timeout\":20}"));
        bot.awaitWaitingPoll(Duration.ofSeconds(20));
        CompletableFuture<TestApi.Answer> second = CompletableFuture.supplyAsync(
                () -> api.postJson(bot.token(), "getUpdates", "{\"timeout\":1}"));
        TestApi.Answer conflict = first.get(5, TimeUnit.SECONDS);
        assertEquals(409, conflict.status());
        assertEquals("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                conflict.description());
        assertEquals(200, second.get(5, TimeUnit.SECONDS).status());
    }

    @Test
    void allowedUpdatesAreRememberedAndFilterLaterUpdates() {
        assertEquals(0, poll("{\"allowed_updates\":[\"callback_query\"]}").size());
        alice.sendText(bot, "ignored");
        assertEquals(0, poll("{}").size(), "message updates are not allowed any more");
        assertEquals(0, poll("{\"allowed_updates\":\"[]\"}").size());
        alice.sendText(bot, "allowed again");
        assertEquals(1, poll("{}").size());
    }

    @Test
    void optInUpdateTypesAreDroppedByDefault() {
        assertEquals(-1, emulator.injectUpdate(bot, "{\"message_reaction\":{\"chat\":{\"id\":1,\"type\":\"private\"}}}"));
        long id = emulator.injectUpdate(bot, "{\"poll\":{\"id\":\"p\"}}");
        assertEquals(id, poll("{}").at("/0/update_id").asLong());
    }

    @Test
    void injectedUpdatesKeepTheirIdAndLaterOnesFollowIt() {
        assertEquals(500, emulator.injectUpdate(bot, "{\"update_id\":500,\"message\":{\"text\":\"x\"}}"));
        alice.sendText(bot, "next");
        JsonNode updates = poll("{}");
        assertEquals(501, updates.at("/1/update_id").asLong());
    }

    @Test
    void garbageParametersAreTreatedLikeTelegramDoes() {
        TestApi.Answer answer = api.postJson(bot.token(), "getUpdates", "{\"limit\":\"many\"}");
        assertEquals(400, answer.status());
        assertTrue(answer.description().contains("limit"));
    }
}
