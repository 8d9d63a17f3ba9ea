package dev.telescale.core.processor;

import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the processors share: the virtual-thread factory and a last line of defence around work. */
final class Tasks {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateProcessor.class);

    static final ThreadFactory THREADS = Thread.ofVirtual().name("telescale-update-", 0).factory();

    private Tasks() {
    }

    /**
     * Runs work that should never throw (the Application catches everything); if it does anyway, the processor
     * must still release the update's slot, so the failure is logged here instead of killing bookkeeping.
     */
    static void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            LOG.error("Processing an update failed outside of the dispatcher's error handling", e);
        }
    }
}
