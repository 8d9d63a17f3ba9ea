package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.core.Application;
import dev.telescale.core.updater.PollingOptions;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * An example application long-polling a fresh emulator, as its {@code main} runs it: the test plays users against
 * {@link #emulator} and {@link #bot}, asserts the recorded calls in order, and closing stops the application
 * gracefully (every taken update handled and confirmed) before the emulator goes.
 */
final class RunningExample implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    final BotApiEmulator emulator;
    final EmulatedBot bot;
    final Application<?> app;
    private final CompletableFuture<Void> running;

    private RunningExample(BotApiEmulator emulator, EmulatedBot bot, Application<?> app) {
        this.emulator = emulator;
        this.bot = bot;
        this.app = app;
        this.running = CompletableFuture.runAsync(() -> app.runPolling(Environment.ALL_UPDATES));
    }

    /** Starts the emulator with a bot named {@code botName} and the application the factory builds for it. */
    static RunningExample start(String botName, BiFunction<String, String, ? extends Application<?>> factory) {
        BotApiEmulator emulator = BotApiEmulator.start();
        return start(emulator, emulator.createBot(botName), factory);
    }

    /** Runs the application the factory builds for a bot of an emulator the test prepared (closed with this). */
    static RunningExample start(BotApiEmulator emulator, EmulatedBot bot,
                                BiFunction<String, String, ? extends Application<?>> factory) {
        return new RunningExample(emulator, bot, factory.apply(bot.token(), emulator.apiBaseUrl()));
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
     * Waits until the chat's message {@code messageId} (in its current, possibly edited version) matches. Polls:
     * the emulator wakes message waiters only for new messages, not for edits.
     */
    static ObjectNode awaitVersion(EmulatedChat chat, long messageId, java.util.function.Predicate<ObjectNode> test)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            java.util.Optional<ObjectNode> current = chat.message(messageId);
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
     * Runs a user action on a message the bot just sent, again until the emulator knows the message: it shows a
     * bot's poll or invoice a moment before it registers it, and refuses it meanwhile ({@code
     * IllegalArgumentException}).
     */
    static <T> T onceKnown(java.util.function.Supplier<T> action) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return action.get();
            } catch (IllegalArgumentException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(10);
            }
        }
    }

    /** Waits until the supplier has a value (something the emulator records as the bot's answers arrive). */
    static <T> T awaitPresent(java.util.function.Supplier<java.util.Optional<T>> value) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            java.util.Optional<T> current = value.get();
            if (current.isPresent()) {
                return current.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Nothing arrived within " + WAIT);
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
        List<List<String>> rows = new java.util.ArrayList<>();
        for (JsonNode row : keyboard) {
            List<String> buttons = new java.util.ArrayList<>();
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
            app.stopRunning();
            running.get(30, TimeUnit.SECONDS);
        } finally {
            emulator.close();
        }
    }
}
