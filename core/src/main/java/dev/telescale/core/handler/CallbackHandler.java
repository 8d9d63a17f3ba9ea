package dev.telescale.core.handler;

import dev.telescale.core.CallbackContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Base of handlers that run a callback: holds the callback and the {@code block} flag and implements
 * {@link #handle} as PTB does: {@link #collectAdditionalContext} (arguments, matches, filter data), then the
 * callback. Subclasses implement {@link #check} and, when they match only updates of type {@code U}, guarantee it:
 * {@code handle} casts the update to {@code U}.
 *
 * <p>The flag is three-valued, as PTB's {@code DEFAULT_TRUE}: unset (blocking, but a conversation may pass its
 * own flag on), or set to {@code true} or {@code false}. Subclasses making fluent copies use the copy constructors,
 * which carry the flag over unchanged or set it.
 *
 * <pre>{@code
 * final class EveryUpdate<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {
 *     EveryUpdate(HandlerCallback<Update, ? super X> callback) { super(HandlerFunction.of(callback)); }
 *     public CheckResult check(Object update, Application<?> app) {
 *         return update instanceof Update ? CheckResult.match() : CheckResult.noMatch();
 *     }
 * }
 * }</pre>
 *
 * @param <U> the update type the callback receives
 * @param <X> the context type
 */
public abstract class CallbackHandler<U, X extends CallbackContext<?, ?, ?>> implements Handler<X> {

    private final HandlerFunction<? super U, ? super X> callback;
    /** {@code null} while the author has not set the flag. */
    private final Boolean block;

    /** A handler whose {@code block} flag is not set (it blocks unless a wrapping handler says otherwise). */
    protected CallbackHandler(HandlerFunction<? super U, ? super X> callback) {
        this.callback = Objects.requireNonNull(callback, "callback");
        this.block = null;
    }

    /** A handler with an explicit {@code block} flag. */
    protected CallbackHandler(HandlerFunction<? super U, ? super X> callback, boolean block) {
        this.callback = Objects.requireNonNull(callback, "callback");
        this.block = block;
    }

    /** A copy of {@code source}'s callback and flag (set or not), for a copy with other options. */
    protected CallbackHandler(CallbackHandler<U, X> source) {
        this.callback = Objects.requireNonNull(source, "source").callback;
        this.block = source.block;
    }

    /** A copy of {@code source}'s callback with the flag set to {@code block}. */
    protected CallbackHandler(CallbackHandler<U, X> source, boolean block) {
        this.callback = Objects.requireNonNull(source, "source").callback;
        this.block = block;
    }

    /** The callback. */
    protected final HandlerFunction<? super U, ? super X> callback() {
        return callback;
    }

    @Override
    public final boolean blocking() {
        return block == null || block;
    }

    @Override
    public final Optional<Boolean> explicitBlock() {
        return Optional.ofNullable(block);
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
