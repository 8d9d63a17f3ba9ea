package dev.telescale.core.handler;

import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Base of handlers that run a callback: holds the callback and the {@code block} flag and implements
 * {@link #handle} as PTB does: {@link #collectAdditionalContext} (arguments, matches, filter data), then the
 * callback. Subclasses implement {@link #check} and, when they match only updates of type {@code U}, guarantee it:
 * {@code handle} casts the update to {@code U}.
 *
 * @param <U> the update type the callback receives
 * @param <X> the context type
 */
public abstract class CallbackHandler<U, X extends CallbackContext<?, ?, ?>> implements Handler<X> {

    private final HandlerFunction<? super U, ? super X> callback;
    private final boolean block;

    protected CallbackHandler(HandlerFunction<? super U, ? super X> callback, boolean block) {
        this.callback = Objects.requireNonNull(callback, "callback");
        this.block = block;
    }

    /** The callback, for subclasses making a modified copy. */
    protected final HandlerFunction<? super U, ? super X> callback() {
        return callback;
    }

    @Override
    public final boolean blocking() {
        return block;
    }

    @Override
    @SuppressWarnings("unchecked") // check() only matches updates of type U
    public final Object handle(Object update, CheckResult.Match match, X context) throws Exception {
        U typed = (U) update;
        collectAdditionalContext(context, typed, match);
        return callback.apply(typed, context);
    }

    /** Puts what the check found into the context before the callback runs (PTB's hook of the same name). */
    protected void collectAdditionalContext(X context, U update, CheckResult.Match match) {
    }
}
