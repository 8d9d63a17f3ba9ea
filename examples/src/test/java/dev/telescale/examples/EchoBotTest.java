package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The echo bot end to end: long polling against the emulator over HTTP, as a newcomer runs it. */
class EchoBotTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private BotApiEmulator emulator;
    private EmulatedBot bot;

    @BeforeEach
    void start() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("EchoBot");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void greetsEchoesAndStopsGracefully() throws Exception {
        Application<DefaultContext> app = EchoBot.build(Map.of("BOT_TOKEN", bot.token(),
                "TELEGRAM_API_BASE", emulator.apiBaseUrl()));
        CompletableFuture<Void> running = CompletableFuture.runAsync(app::runPolling);
        EmulatedUser alice = emulator.user("alice");
        EmulatedChat chat = alice.chatWith(bot);

        ObjectNode start = alice.sendCommand(bot, "/start", null);
        ObjectNode greeting = chat.awaitBotMessageAfter(start, WAIT);
        assertTrue(greeting.path("text").asText().startsWith("Hi alice!"), greeting.toString());

        ObjectNode hello = alice.sendText(bot, "hello there");
        assertEquals("hello there", chat.awaitBotMessageAfter(hello, WAIT).path("text").asText());

        ObjectNode help = alice.sendCommand(bot, "/help", null);
        assertEquals("Help!", chat.awaitBotMessageAfter(help, WAIT).path("text").asText());

        app.stopRunning();
        running.get(30, TimeUnit.SECONDS);
        assertEquals(0, bot.pendingUpdateCount(), "every handled update was confirmed");
    }

    @Test
    void unknownCommandsAreNotEchoed() throws Exception {
        Application<DefaultContext> app = EchoBot.build(Map.of("BOT_TOKEN", bot.token(),
                "TELEGRAM_API_BASE", emulator.apiBaseUrl()));
        CompletableFuture<Void> running = CompletableFuture.runAsync(app::runPolling);
        EmulatedUser bob = emulator.user("bob");
        EmulatedChat chat = bob.chatWith(bot);

        bob.sendCommand(bot, "/unknown", null);
        ObjectNode text = bob.sendText(bot, "after");
        assertEquals("after", chat.awaitBotMessageAfter(text, WAIT).path("text").asText());
        assertEquals(1, chat.botMessages().size(), "only the text was answered");

        app.stopRunning();
        running.get(30, TimeUnit.SECONDS);
    }
}
