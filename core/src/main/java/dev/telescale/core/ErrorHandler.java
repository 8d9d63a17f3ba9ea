package dev.telescale.core;

/**
 * Receives errors (PTB's error handler callbacks): exceptions thrown by handlers (with the update), by
 * non-blocking handlers and tasks, by jobs (update null, {@code context.job()} set) and by polling (update null).
 * {@code context.error()} holds the exception. Throwing {@link ApplicationHandlerStop} from a blocking error handler
 * skips the remaining error handlers and the remaining handler groups for the update.
 *
 * @param <X> the context type
 */
@FunctionalInterface
public interface ErrorHandler<X> {

    /**
     * Handles one error. {@code update} is the update being processed (an {@code Update} or a custom object), or
     * null when the error did not come from an update.
     */
    void handle(Object update, X context) throws Exception;
}
