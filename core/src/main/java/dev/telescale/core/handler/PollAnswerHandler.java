package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles a user's changed answer in a non-anonymous poll the bot sent (PTB's {@code PollAnswerHandler}).
 * Everything else, and objects that are not an {@code Update}, do not match.
 *
 * <pre>{@code
 * app.addHandler(new PollAnswerHandler<>((update, context) -> record(update.pollAnswer().orElseThrow())));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class PollAnswerHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    /** Handles every update carrying {@code poll_answer}. */
    public PollAnswerHandler(HandlerCallback<Update, ? super X> callback) {
        super(HandlerFunction.of(callback));
    }

    private PollAnswerHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
    }

    private PollAnswerHandler(PollAnswerHandler<X> source, boolean block) {
        super(source, block);
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> PollAnswerHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new PollAnswerHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** This handler with the given {@code block} flag. */
    public PollAnswerHandler<X> block(boolean block) {
        return new PollAnswerHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        return update instanceof Update u && u.pollAnswer().isPresent() ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "PollAnswerHandler";
    }
}
