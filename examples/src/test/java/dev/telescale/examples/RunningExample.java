package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.core.Application;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * An example application long-polling an emulator, as its {@code main} runs it: the test plays users against
 * {@link #emulator} and {@link #bot} and asserts the recorded calls in order. {@link #restart} stops the application
 * gracefully (every taken update handled and confirmed, the final persistence run and flush done by its shutdown)
 * and starts a new one for the same bot, so restart tests see exactly what survives through the example's
 * persistence. Closing stops the application, then the emulator.
 */
final class RunningExample implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    final BotApiEmulator emulator;
    final EmulatedBot bot;
    private final BiFunction<String, String, ? extends Application<?>> factory;
    private Application<?> app;
    private CompletableFuture<Void> running;

    private RunningExample(BotApiEmulator emulator, EmulatedBot bot,
                           BiFunction<String, String, ? extends Application<?>> factory) {
        this.emulator = emulator;
        this.bot = bot;
        this.factory = factory;
        launch();
    }

    /** Starts the emulator with a bot named {@code botName} and the application the factory builds for it. */
    static RunningExample start(String botName, BiFunction<String, String, ? extends Application<?>> factory) {
        BotApiEmulator emulator = BotApiEmulator.start();
        return start(emulator, emulator.createBot(botName), factory);
    }

    /** Runs the application the factory builds for a bot of an emulator the test prepared (closed with this). */
    static RunningExample start(BotApiEmulator emulator, EmulatedBot bot,
                                BiFunction<String, String, ? extends Application<?>> factory) {
        return new RunningExample(emulator, bot, factory);
    }

    /** The application running now (a new one after each {@link #restart}). */
    Application<?> app() {
        return app;
    }

    /** Stops the running application gracefully and starts a new one the factory builds for the same bot. */
    void restart() throws Exception {
        stopApplication();
        launch();
    }

    private void launch() {
        Application<?> next = factory.apply(bot.token(), emulator.apiBaseUrl());
        app = next;
        running = CompletableFuture.runAsync(() -> next.runPolling(Environment.ALL_UPDATES));
    }

    private void stopApplication() throws Exception {
        app.stopRunning();
        running.get(30, TimeUnit.SECONDS);
    }

    /** The next call of the method the example made (each call is handed out once, in order). */
    RecordedCall next(String method) {
        return emulator.awaitCall(method, WAIT);
    }

    /** Sends {@code text} (a leading /command gets its entity) in the user's private chat and awaits the answer. */
    ObjectNode say(EmulatedUser user, String text) {
        ObjectNode sent = user.sendText(bot, text);
        return user.chatWith(bot).awaitBotMessageAfter(sent, WAIT);
    }

    /** {@link #say} and the text of the answer. */
    String answerTo(EmulatedUser user, String text) {
        return say(user, text).path("text").asText();
    }

    /**
     * Presses the button with {@code data} on {@code message} and asserts the reply these examples give: the query
     * answered without a notification, then that message edited to {@code text} without parse mode. Returns the edit
     * once the chat shows it, for the caller to check its keyboard.
     */
    RecordedCall pressEdits(EmulatedUser user, ObjectNode message, String data, String text)
            throws InterruptedException {
        ObjectNode query = user.pressButton(message, data);
        RecordedCall answer = next("answerCallbackQuery");
        assertEquals(query.path("id").asText(), answer.string("callback_query_id"));
        assertNull(answer.param("text"));
        RecordedCall edit = next("editMessageText");
        long messageId = message.path("message_id").asLong();
        assertEquals(messageId, edit.param("message_id").asLong());
        assertEquals(text, edit.text());
        assertNull(edit.param("parse_mode"));
        awaitVersion(user.chatWith(bot), messageId, m -> text.equals(m.path("text").asText()));
        return edit;
    }

    /** {@link #pressEdits}, the edit showing {@code keyboard} (as {@link #inlineKeyboard}), or none when null. */
    void pressEdits(EmulatedUser user, ObjectNode message, String data, String text, List<List<String>> keyboard)
            throws InterruptedException {
        RecordedCall edit = pressEdits(user, message, data, text);
        if (keyboard == null) {
            assertNull(edit.param("reply_markup"));
        } else {
            assertEquals(keyboard, inlineKeyboard(edit));
        }
    }

    /**
     * Waits until the chat's message {@code messageId} (in its current, possibly edited version) matches. Polls:
     * the emulator wakes message waiters only for new messages, not for edits.
     */
    static ObjectNode awaitVersion(EmulatedChat chat, long messageId, Predicate<ObjectNode> test)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<ObjectNode> current = chat.message(messageId);
            if (current.isPresent() && test.test(current.get())) {
                return current.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Message " + messageId + " never matched; it is " + current);
            }
            Thread.sleep(10);
        }
    }

    /**
     * The text of a message as the user sees it: without HTML tags, whether or not the emulator turned the
     * parse mode into entities (it keeps the marked-up text when it does not).
     */
    static String withoutTags(JsonNode message) {
        return message.path("text").asText().replaceAll("<[^>]+>", "");
    }

    /** The reply markup of a call, parsed. */
    static JsonNode markup(RecordedCall call) {
        return call.param("reply_markup");
    }

    /** The inline keyboard of a call as rows of "text=callback_data" (or "text->url") strings. */
    static List<List<String>> inlineKeyboard(RecordedCall call) {
        return rows(markup(call).path("inline_keyboard"));
    }

    static List<List<String>> rows(JsonNode keyboard) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : keyboard) {
            List<String> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                String text = button.path("text").asText();
                if (button.has("callback_data")) {
                    buttons.add(text + "=" + button.path("callback_data").asText());
                } else if (button.has("url")) {
                    buttons.add(text + "->" + button.path("url").asText());
                } else {
                    buttons.add(text);
                }
            }
            rows.add(buttons);
        }
        return rows;
    }

    /**
     * Asserts the bot stayed silent about {@code silent}: {@code probe} (a later update of the same chat and user,
     * which the ordered processor handles only after {@code silent}) gets its answer, and between the two the bot
     * wrote nothing else in the chat.
     */
    static ObjectNode assertSilentBefore(EmulatedChat chat, JsonNode silent, JsonNode probe) {
        ObjectNode answer = chat.awaitBotMessageAfter(probe, WAIT);
        long written = chat.botMessages().stream()
                .filter(m -> m.path("message_id").asLong() > silent.path("message_id").asLong())
                .count();
        assertEquals(1, written, "only the probe was answered after the silent update: " + chat.botMessages());
        return answer;
    }

    @Override
    public void close() throws Exception {
        try {
            stopApplication();
        } finally {
            emulator.close();
        }
    }
}
