package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.bot.Bot;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawApiBotTest {

    private BotApiEmulator emulator;
    private EmulatedBot emulated;
    private Bot bot;
    private Thread running;

    @BeforeEach
    void start() {
        emulator = BotApiEmulator.start();
        emulated = emulator.createBot("RawBot");
        bot = Bot.builder().token(emulated.token()).apiBaseUrl(emulator.apiBaseUrl()).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.interrupt();
            running.join(Duration.ofSeconds(30));
            assertFalse(running.isAlive(), "the loop ends when interrupted");
        }
        bot.shutdown();
        emulator.close();
    }

    private void run() {
        running = Thread.ofVirtual().start(() -> {
            try {
                RawApiBot.run(bot);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void echoesTextsIncludingOnesSentBeforeItStarted() {
        EmulatedUser alice = emulator.user("alice");
        EmulatedChat chat = alice.chatWith(emulated);
        ObjectNode early = alice.sendText(emulated, "early");
        run();
        assertEquals("early", chat.awaitBotMessageAfter(early, WAIT).path("text").asText());
        ObjectNode hello = alice.sendText(emulated, "hello");
        assertEquals("hello", chat.awaitBotMessageAfter(hello, WAIT).path("text").asText());
        for (RecordedCall call : emulator.calls("sendMessage")) {
            assertNull(call.param("reply_parameters"), "no quote in private chats");
            assertNull(call.param("parse_mode"));
        }
    }

    @Test
    void quotesInGroupsAndIgnoresMessagesWithoutText() {
        EmulatedUser bob = emulator.user("bob");
        EmulatedChat group = emulator.group("Club", bob).add(emulated);
        run();
        ObjectNode noText = bob.send(group, m -> m.putObject("location").put("latitude", 1.0).put("longitude", 2.0));
        ObjectNode text = bob.sendText(group, "hi all");
        assertEquals("hi all", RunningExample.assertSilentBefore(group, noText, text).path("text").asText());
        RecordedCall echo = emulator.awaitCall("sendMessage", WAIT);
        assertEquals(text.path("message_id").asLong(), echo.param("reply_parameters").path("message_id").asLong());
    }

    @Test
    void skipsAnUpdateWhoseAnswerIsForbiddenAndRetriesAfterNetworkErrors() {
        EmulatedUser carol = emulator.user("carol");
        EmulatedChat chat = carol.chatWith(emulated);
        run();
        ObjectNode first = carol.sendText(emulated, "first");
        assertEquals("first", chat.awaitBotMessageAfter(first, WAIT).path("text").asText());

        emulator.faults().next(1, "sendMessage").answer(403, "Forbidden: bot was blocked by the user");
        ObjectNode blocked = carol.sendText(emulated, "blocked");
        emulator.faults().next(1, "getUpdates").answer(502, "Bad Gateway");
        ObjectNode after = carol.sendText(emulated, "after");
        assertEquals("after", RunningExample.assertSilentBefore(chat, blocked, after).path("text").asText());
        assertEquals(1, emulator.calls("sendMessage").stream().filter(c -> "blocked".equals(c.text())).count(),
                "the forbidden answer was tried once (and refused), the update not fetched again");
    }
}
