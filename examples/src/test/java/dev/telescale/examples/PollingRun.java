package dev.telescale.examples;

import dev.telescale.core.Application;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An application long-polling an emulator that outlives it, for examples whose state must survive a restart: unlike
 * {@link RunningExample}, closing stops only the application (gracefully: every taken update handled, the final
 * persistence run and flush done by its shutdown), so a new application can take over the same bot and store.
 */
final class PollingRun implements AutoCloseable {

    final Application<?> app;
    private final CompletableFuture<Void> running;

    PollingRun(Application<?> app) {
        this.app = app;
        this.running = CompletableFuture.runAsync(() -> app.runPolling(Environment.ALL_UPDATES));
    }

    @Override
    public void close() throws Exception {
        app.stopRunning();
        running.get(30, TimeUnit.SECONDS);
    }
}
