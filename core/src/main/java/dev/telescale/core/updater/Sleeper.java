package dev.telescale.core.updater;

import java.time.Duration;

/**
 * How the updater waits between attempts. Production code sleeps the thread; tests substitute a recorder so the
 * back-off sequence can be checked without waiting for it.
 */
@FunctionalInterface
interface Sleeper {

    /** Sleeps the calling thread; an interrupt ends the sleep early. */
    Sleeper THREAD = duration -> {
        if (!duration.isZero()) {
            Thread.sleep(duration);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
