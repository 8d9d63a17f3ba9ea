package dev.telescale.core.conversation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.GetUpdates;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.ApplicationBuilder;
import dev.telescale.core.DefaultContext;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The emulator, one emulated bot and applications talking to it over HTTP: updates a user causes are fetched with
 * getUpdates and handed to the application (processUpdate for step-by-step tests, submit for concurrent ones).
 */
final class ConversationHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    final BotApiEmulator emulator;
    final EmulatedBot bot;
    private final AtomicLong offset = new AtomicLong();

    ConversationHarness() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("ConvBot");
    }

    /** A builder for an application on the emulator, without Updater or shutdown hook. */
    ApplicationBuilder<DefaultContext> builder() {
        return Application.builder().token(bot.token()).apiBaseUrl(emulator.apiBaseUrl())
                .fileBaseUrl(emulator.fileBaseUrl()).noUpdater().shutdownHook(false);
    }

    /** Every pending update of the bot, confirmed. */
    List<Update> fetch(Application<?> app) {
        List<Update> updates = app.bot().getUpdates(GetUpdates.builder().offset(offset.get()).timeout(0L).build());
        if (!updates.isEmpty()) {
            offset.set(updates.get(updates.size() - 1).updateId() + 1);
        }
        return updates;
    }

    /** Processes every pending update on the calling thread, in order; returns how many. */
    int processPending(Application<?> app) {
        List<Update> updates = fetch(app);
        updates.forEach(app::processUpdate);
        return updates.size();
    }

    /** The one pending update. */
    Update single(Application<?> app) {
        List<Update> updates = fetch(app);
        if (updates.size() != 1) {
            fail("expected one pending update, got " + updates.size());
        }
        return updates.get(0);
    }

    static Update update(String json) {
        return TelegramJson.parse(json, Update.class);
    }

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        assertTrue(condition.getAsBoolean());
    }

    @Override
    public void close() {
        emulator.close();
    }
}
