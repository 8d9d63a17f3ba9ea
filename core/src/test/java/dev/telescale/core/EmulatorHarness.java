package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.GetUpdates;
import dev.telescale.api.types.Update;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A test's emulator, one emulated bot and an application talking to it over HTTP. Updates reach the application
 * the way a source delivers them: fetched from the emulator with getUpdates and handed to submit or processUpdate
 * (the Updater has its own tests; these are about dispatch).
 */
final class EmulatorHarness implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    final BotApiEmulator emulator;
    final EmulatedBot bot;
    private final AtomicLong offset = new AtomicLong();
    private static final AtomicLong SYNTHETIC_IDS = new AtomicLong(1_000_000);

    EmulatorHarness() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("TestBot");
    }

    /** A builder for an application on the emulator, without Updater or shutdown hook. */
    ApplicationBuilder<DefaultContext> builder() {
        return Application.builder().token(bot.token()).apiBaseUrl(emulator.apiBaseUrl())
                .fileBaseUrl(emulator.fileBaseUrl()).noUpdater().shutdownHook(false);
    }

    Application<DefaultContext> app(Consumer<ApplicationBuilder<DefaultContext>> options) {
        ApplicationBuilder<DefaultContext> b = builder();
        options.accept(b);
        return b.build();
    }

    /** Fetches every pending update of the bot from the emulator (confirming them) and returns them. */
    List<Update> fetch(Application<?> app) {
        List<Update> updates = app.bot().getUpdates(GetUpdates.builder().offset(offset.get()).timeout(0L).build());
        if (!updates.isEmpty()) {
            offset.set(updates.get(updates.size() - 1).updateId() + 1);
        }
        return updates;
    }

    /** Fetches pending updates and queues them on the application. */
    int submitPending(Application<?> app) {
        List<Update> updates = fetch(app);
        updates.forEach(app::submit);
        return updates.size();
    }

    /** The one pending update (fails if there is not exactly one). */
    Update single(Application<?> app) {
        List<Update> updates = fetch(app);
        if (updates.size() != 1) {
            fail("expected one pending update, got " + updates.size());
        }
        return updates.get(0);
    }

    /** An Update of the given kind wrapping a payload made by the emulator (a message JSON, ...). */
    static Update wrap(String kind, ObjectNode payload) {
        return TelegramJson.parse("{\"update_id\":" + SYNTHETIC_IDS.incrementAndGet() + ",\"" + kind + "\":"
                + payload + "}", Update.class);
    }

    /** An Update from raw JSON. */
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
