package dev.telescale.core.job;

import java.time.ZoneId;

/**
 * What a {@link JobQueue} needs from the application that owns it (the Application implements it and binds it
 * at build time): a context for each run, a place for errors, the time zone, and persistence marking. Kept
 * generic in the context type so the job package does not depend on the dispatcher.
 *
 * @param <X> the context type handed to {@link JobCallback}s
 */
public interface JobRuntime<X> {

    /** The context for one run of {@code job} (PTB's {@code CallbackContext.from_job}). */
    X contextFor(Job<X> job);

    /** Reports an exception thrown by a job's callback (to the error handlers, with no update). */
    void reportError(Job<X> job, Throwable error);

    /** The zone local times are read in ({@code Defaults.timeZone()}, UTC by default). */
    ZoneId zone();

    /** Called after each run: the chat and user data of the job's chat and user may have changed. */
    void markForPersistence(Job<X> job);
}
