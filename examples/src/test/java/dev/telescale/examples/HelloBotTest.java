package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The main job against the emulator over HTTP, as a newcomer runs it with TELEGRAM_API_BASE set. */
class HelloBotTest {

    private BotApiEmulator emulator;
    private EmulatedBot bot;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("HelloBot");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void greetsTheChatNamedByChatId() {
        EmulatedUser alice = emulator.user("alice");
        EmulatedChat chat = alice.chatWith(bot);

        HelloBot.run(env(Map.of("CHAT_ID", Long.toString(alice.id()))), out());

        assertEquals(HelloBot.GREETING, chat.lastMessage().orElseThrow().path("text").asText());
        assertTrue(printed().startsWith("Logged in as @" + bot.username()), printed());
        assertEquals(1, emulator.calls("getMe").size());
    }

    @Test
    void withoutChatIdAnswersTheFirstMessageAndConfirmsIt() throws Exception {
        EmulatedUser bob = emulator.user("bob");
        EmulatedChat chat = bob.chatWith(bot);
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> HelloBot.run(env(Map.of()), out()));

        bob.sendText(bot, "hi bot");
        running.get(10, TimeUnit.SECONDS);

        assertEquals(HelloBot.GREETING, chat.lastMessage().orElseThrow().path("text").asText());
        assertEquals(0, bot.pendingUpdateCount(), "the answered update is confirmed");
        assertTrue(printed().contains("Answered chat " + chat.id()), printed());
    }

    @Test
    void aRejectedTokenFailsWithoutPrintingIt() {
        String wrongToken = "999999:" + "x".repeat(35);
        var error = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> HelloBot.run(Map.of("BOT_TOKEN", wrongToken, "TELEGRAM_API_BASE", emulator.apiBaseUrl()), out()));
        assertFalse(String.valueOf(error.getMessage()).contains(wrongToken.substring(7)), error.getMessage());
        assertFalse(printed().contains(wrongToken.substring(7)));
    }

    private Map<String, String> env(Map<String, String> extra) {
        var env = new java.util.HashMap<>(extra);
        env.put("BOT_TOKEN", bot.token());
        env.put("TELEGRAM_API_BASE", emulator.apiBaseUrl());
        return env;
    }

    private PrintStream out() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

}
