package dev.telescale.benchmarks.dispatch;

import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;

/**
 * An initialized Application on an in-process emulator, without an Updater: the benchmarks hand it updates with
 * {@code processUpdate}, so what is measured is dispatch on the calling thread. The emulator only answers
 * {@code getMe} during {@code initialize()}; the handlers measured make no API calls.
 */
final class BenchApplications implements AutoCloseable {

    private final BotApiEmulator emulator;
    final Application<DefaultContext> app;

    BenchApplications() {
        emulator = BotApiEmulator.start();
        EmulatedBot bot = emulator.createBot("BenchBot");
        app = Application.builder().token(bot.token()).apiBaseUrl(emulator.apiBaseUrl()).noUpdater()
                .shutdownHook(false).build();
    }

    void initialize() {
        app.initialize();
    }

    @Override
    public void close() {
        app.shutdown();
        emulator.close();
    }
}
