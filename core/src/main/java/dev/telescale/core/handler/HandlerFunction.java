package dev.telescale.core.handler;

/**
 * A handler callback that returns a value: an {@code ApiMethod} to be sent (inside the webhook's HTTP response
 * when the update came by webhook and no reply was given yet, otherwise as a normal call), or a value for a
 * wrapping handler such as a conversation (its next state). {@code null} means nothing.
 *
 * @param <U> the update type the handler passes
 * @param <X> the context type
 */
@FunctionalInterface
public interface HandlerFunction<U, X> {

    /** Handles one update and returns the result. */
    Object apply(U update, X context) throws Exception;

    /** Adapts a callback without result. */
    static <U, X> HandlerFunction<U, X> of(HandlerCallback<U, X> callback) {
        java.util.Objects.requireNonNull(callback, "callback");
        return (update, context) -> {
            callback.handle(update, context);
            return null;
        };
    }
}
