package dev.telescale.core.handler;

/**
 * The code a handler runs: {@code (update, context) -> ...}. Returns nothing; use {@link HandlerFunction} (the
 * handlers' {@code returning(...)} factories) when the callback's result matters.
 *
 * @param <U> the update type the handler passes ({@code Update} for most handlers)
 * @param <X> the context type
 */
@FunctionalInterface
public interface HandlerCallback<U, X> {

    /** Handles one update. */
    void handle(U update, X context) throws Exception;
}
