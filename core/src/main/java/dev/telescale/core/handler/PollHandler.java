package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles updates about a poll's new state (PTB's {@code PollHandler}): the bot receives them for stopped
 * polls and for polls it sent. Everything else, and objects that are not an {@code Update}, do not match.
 *
 * <pre>{@code
 * app.addHandler(new PollHandler<>((update, context) -> tally(update.poll().orElseThrow())));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class PollHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    /** Handles every update carrying {@code poll}. */
    public PollHandler(HandlerCallback<Update, ? super X> callback) {
        super(HandlerFunction.of(callback));
    }

    private PollHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
    }

    private PollHandler(PollHandler<X> source, boolean block) {
        super(source, block);
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> PollHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new PollHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** This handler with the given {@code block} flag. */
    public PollHandler<X> block(boolean block) {
        return new PollHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        return update instanceof Update u && u.poll().isPresent() ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "PollHandler";
    }
}
