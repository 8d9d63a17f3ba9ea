package dev.telescale.benchmarks.e2e;

/** What every echo bot's handler does besides echoing, identically for all libraries. */
final class Handlers {

    private Handlers() {
    }

    /**
     * Simulated I/O: sleeps {@code sleepMs} for a measured update (text "m..."); warm-up updates ("w...") do not
     * sleep, so that warming up the JIT does not take 50 ms per update in the libraries that run handlers one at a
     * time.
     */
    static void simulatedIo(String text, long sleepMs) {
        if (sleepMs > 0 && text != null && !text.isEmpty() && text.charAt(0) == 'm') {
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Blocks the main thread until the orchestrator kills this process. */
    static void parkForever() throws InterruptedException {
        Thread.currentThread().join();
    }
}
