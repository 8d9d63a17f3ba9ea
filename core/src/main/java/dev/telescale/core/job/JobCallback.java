package dev.telescale.core.job;

/**
 * What a job does when it runs: receives the context the {@link JobRuntime} built for the job (in an Application,
 * the {@code CallbackContext} whose {@code job()} is the running job). An exception it throws goes to the
 * runtime's error handlers and does not end the job's schedule. For a job that must survive restarts in a
 * persistent {@link JobStore}, register the callback by name with {@link JobQueue#registerCallback}.
 *
 * @param <X> the context type
 */
@FunctionalInterface
public interface JobCallback<X> {

    /** Runs the job once. */
    void run(X context) throws Exception;
}
