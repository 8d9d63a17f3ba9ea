package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.filter.PythonRegex;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Handles the inline result a user chose and sent (PTB's {@code ChosenInlineResultHandler}; the bot must enable
 * inline feedback with BotFather). With a {@link #pattern}, the {@code result_id} must match it at its start
 * ({@code lookingAt()}, PTB's {@code re.match}) and the match lands in {@code context.matches()}.
 *
 * <pre>{@code
 * app.addHandler(new ChosenInlineResultHandler<>((update, context) ->
 *         count(context.match().orElseThrow().group(1))).pattern("article-(\\d+)"));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class ChosenInlineResultHandler<X extends CallbackContext<?, ?, ?>>
        extends CallbackHandler<Update, X> {

    private final Pattern pattern;

    /** Handles every chosen inline result. */
    public ChosenInlineResultHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private ChosenInlineResultHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.pattern = null;
    }

    private ChosenInlineResultHandler(ChosenInlineResultHandler<X> source, Pattern pattern) {
        super(source);
        this.pattern = pattern;
    }

    private ChosenInlineResultHandler(ChosenInlineResultHandler<X> source, boolean block) {
        super(source, block);
        this.pattern = source.pattern;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> ChosenInlineResultHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new ChosenInlineResultHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only results whose id matches {@code regex} at its start (compiled with Python's semantics). */
    public ChosenInlineResultHandler<X> pattern(String regex) {
        return pattern(PythonRegex.compile(regex));
    }

    /** Only results whose id matches {@code pattern} at its start ({@code lookingAt()}). */
    public ChosenInlineResultHandler<X> pattern(Pattern pattern) {
        return new ChosenInlineResultHandler<>(this, Objects.requireNonNull(pattern, "pattern"));
    }

    /** This handler with the given {@code block} flag. */
    public ChosenInlineResultHandler<X> block(boolean block) {
        return new ChosenInlineResultHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.chosenInlineResult().isEmpty()) {
            return CheckResult.noMatch();
        }
        return pattern == null ? CheckResult.match()
                : Patterns.lookingAt(pattern, u.chosenInlineResult().get().resultId());
    }

    @Override
    protected void collectAdditionalContext(X context, Update update, CheckResult.Match match) {
        Patterns.putMatch(context, match);
    }

    @Override
    public String toString() {
        return "ChosenInlineResultHandler[" + (pattern == null ? "any" : pattern) + "]";
    }
}
