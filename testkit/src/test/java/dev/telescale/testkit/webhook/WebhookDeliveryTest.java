package dev.telescale.testkit.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.TestApi;
import dev.telescale.testkit.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    private BotApiEmulator emulator;
    private TestApi api;
    private EmulatedBot bot;
    private EmulatedUser alice;
    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Integer> status = r -> 200;
    private volatile String replyBody = "";
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();

    record Received(String secret, JsonNode update) {
    }

    @BeforeEach
    void start() throws IOException {
        emulator = TestApi.builder().webhookRetryDelay(Duration.ofMillis(20), Duration.ofMillis(100)).start();
        api = new TestApi(emulator);
        bot = emulator.createBot("HookBot");
        alice = emulator.user("alice");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hook", this::receive);
        receiver.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try {
            Received r = new Received(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"),
                    Json.MAPPER.readTree(exchange.getRequestBody()));
            Thread.sleep(20);
            int code = status.apply(r);
            if (code == 200) {
                received.add(r);
            }
            byte[] body = code == 200 ? replyBody.getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // no longer in flight once the answer is decided: the emulator may send the next update as soon
            // as it has read this answer, possibly before this handler returns
            concurrent.decrementAndGet();
            counted = false;
            exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) {
                concurrent.decrementAndGet();
            }
            exchange.close();
        }
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, received.size(), "updates received by the webhook");
    }

    @Test
    void deliversUpdatesWithTheSecretHeader() throws Exception {
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + hookUrl() + "\",\"secret_token\":\"s3cr3t_-\"}");
        alice.sendText(bot, "hello hook");
        awaitReceived(1);
        assertEquals("s3cr3t_-", received.getFirst().secret());
        assertEquals("hello hook", received.getFirst().update().at("/message/text").asText());
        JsonNode info = api.call(bot.token(), "getWebhookInfo", "{}");
        assertEquals(hookUrl(), info.get("url").asText());
        assertEquals(0, info.get("pending_update_count").asInt());
    }

    @Test
    void retriesFailedDeliveriesAndReportsTheLastError() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        status = r -> attempts.incrementAndGet() <= 2 ? 500 : 200;
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + hookUrl() + "\"}");
        alice.sendText(bot, "persist");
        awaitReceived(1);
        assertEquals(3, attempts.get());
        JsonNode info = api.call(bot.token(), "getWebhookInfo", "{}");
        assertEquals("Wrong response from the webhook: 500", info.get("last_error_message").asText());
        assertTrue(info.get("last_error_date").asLong() > 0);
    }

    @Test
    void keepsTheOrderOfOneChatAndRespectsMaxConnections() throws Exception {
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + hookUrl() + "\",\"max_connections\":2}");
        EmulatedUser bob = emulator.user("bob");
        EmulatedUser carol = emulator.user("carol");
        for (int i = 0; i < 5; i++) {
            alice.sendText(bot, "a" + i);
            bob.sendText(bot, "b" + i);
            carol.sendText(bot, "c" + i);
        }
        awaitReceived(15);
        assertTrue(maxConcurrent.get() <= 2, "at most max_connections in flight, saw " + maxConcurrent.get());
        for (String prefix : new String[] {"a", "b", "c"}) {
            List<String> texts = received.stream().map(r -> r.update().at("/message/text").asText())
                    .filter(t -> t.startsWith(prefix)).toList();
            assertEquals(List.of(prefix + "0", prefix + "1", prefix + "2", prefix + "3", prefix + "4"), texts);
        }
    }

    @Test
    void getUpdatesIsAConflictWhileAWebhookIsSet() {
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + hookUrl() + "\"}");
        TestApi.Answer answer = api.postJson(bot.token(), "getUpdates", "{}");
        assertEquals(409, answer.status());
        assertEquals("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
                + "the webhook first", answer.description());
        api.call(bot.token(), "deleteWebhook", "{}");
        assertEquals(200, api.postJson(bot.token(), "getUpdates", "{}").status());
        assertEquals("", api.call(bot.token(), "getWebhookInfo", "{}").get("url").asText());
    }

    @Test
    void pendingUpdatesSurviveDeleteWebhookUnlessDropped() {
        status = r -> 500;
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + hookUrl() + "\"}");
        alice.sendText(bot, "stuck");
        api.call(bot.token(), "deleteWebhook", "{}");
        assertEquals(1, api.call(bot.token(), "getUpdates", "{}").size());
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + hookUrl() + "\",\"drop_pending_updates\":true}");
        assertEquals(0, api.call(bot.token(), "getWebhookInfo", "{}").get("pending_update_count").asInt());
    }

    @Test
    void executesAMethodCallInTheWebhookAnswer() throws Exception {
        replyBody = "{\"method\":\"sendMessage\",\"chat_id\":" + alice.id() + ",\"text\":\"replied in webhook\"}";
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + hookUrl() + "\"}");
        var hello = alice.sendText(bot, "hi");
        var reply = alice.chatWith(bot).awaitBotMessageAfter(hello, Duration.ofSeconds(5));
        assertEquals("replied in webhook", reply.get("text").asText());
        assertEquals("replied in webhook", emulator.awaitCall("sendMessage", Duration.ofSeconds(1)).text());
    }

    @Test
    void rejectsInvalidWebhookParameters() {
        assertEquals(400, api.postJson(bot.token(), "setWebhook", "{\"url\":\"ftp://example.org/x\"}").status());
        assertEquals(400, api.postJson(bot.token(), "setWebhook", "{\"url\":\"not a url\"}").status());
        TestApi.Answer badSecret = api.postJson(bot.token(), "setWebhook",
                "{\"url\":\"" + hookUrl() + "\",\"secret_token\":\"bad secret!\"}");
        assertEquals("Bad Request: secret token contains unallowed characters", badSecret.description());
    }

    @Test
    void anUnreachableWebhookIsReportedAsConnectionRefused() throws Exception {
        receiver.stop(0);
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + hookUrl() + "\"}");
        alice.sendText(bot, "nobody home");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode info;
        do {
            Thread.sleep(20);
            info = api.call(bot.token(), "getWebhookInfo", "{}");
        } while (!info.has("last_error_message") && System.nanoTime() < deadline);
        assertEquals("Connection refused", info.get("last_error_message").asText());
        assertEquals(1, info.get("pending_update_count").asInt());
    }
}
