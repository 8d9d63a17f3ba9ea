package dev.telescale.core.persistence;

/**
 * A call to the {@link Persistence} failed: what the error handlers receive (with no update, or with the update
 * whose data was being refreshed) when a store is down or refuses data. The message names the call and the id;
 * the cause is what the persistence threw. The in-memory data is kept and written again on the next run.
 */
public class PersistenceException extends RuntimeException {

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }

    public PersistenceException(String message) {
        super(message);
    }
}
