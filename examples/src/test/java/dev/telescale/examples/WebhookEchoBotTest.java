package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook echo bot end to end: the emulator posts updates to the bot's server and executes the methods found in
 * the responses (the emulator records webhook replies like calls, so how a reply travelled is checked in core's
 * ContextShortcutsTest).
 */
class WebhookEchoBotTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private BotApiEmulator emulator;
    private EmulatedBot bot;

    @BeforeEach
    void start() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("WebhookEchoBot");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void echoesThroughTheWebhookAndStopsGracefully() throws Exception {
        int port = freePort();
        Map<String, String> env = Map.of("BOT_TOKEN", bot.token(), "TELEGRAM_API_BASE", emulator.apiBaseUrl(),
                "WEBHOOK_URL", "http://127.0.0.1:" + port + "/telegram/hook", "PORT", Integer.toString(port),
                "WEBHOOK_LISTEN", "127.0.0.1", "WEBHOOK_SECRET", "s3cret_token");
        Application<DefaultContext> app = WebhookEchoBot.build(env);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() ->
                app.runWebhook(WebhookEchoBot.webhookOptions(env)));
        EmulatedUser alice = emulator.user("alice");
        EmulatedChat chat = alice.chatWith(bot);
        waitForWebhook();

        ObjectNode hello = alice.sendText(bot, "hello webhook");
        assertEquals("hello webhook", chat.awaitBotMessageAfter(hello, WAIT).path("text").asText());
        ObjectNode start = alice.sendCommand(bot, "/start", null);
        assertTrue(chat.awaitBotMessageAfter(start, WAIT).path("text").asText().startsWith("Hi!"));

        app.stopRunning();
        running.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aBadPortIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookEchoBot.webhookOptions(
                Map.of("WEBHOOK_URL", "https://example.org/hook", "PORT", "eighty")));
        assertTrue(e.getMessage().contains("PORT"), e.getMessage());
    }

    private void waitForWebhook() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bot.webhookUrl().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot never set its webhook");
            }
            Thread.sleep(10);
        }
    }
}
