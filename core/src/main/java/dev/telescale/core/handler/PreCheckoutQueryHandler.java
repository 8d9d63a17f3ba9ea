package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.filter.PythonRegex;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Handles pre-checkout queries, the last step before a payment (PTB's {@code PreCheckoutQueryHandler}); answer them
 * within 10 seconds with {@code answerPreCheckoutQuery}. With a {@link #pattern}, the invoice payload must match it
 * at its start ({@code lookingAt()}); unlike the other pattern handlers the match is <em>not</em> put into
 * {@code context.matches()}, as in PTB.
 *
 * <pre>{@code
 * app.addHandler(new PreCheckoutQueryHandler<>(this::precheckout).pattern("Custom-Payload"));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class PreCheckoutQueryHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final Pattern pattern;

    /** Handles every pre-checkout query. */
    public PreCheckoutQueryHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private PreCheckoutQueryHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.pattern = null;
    }

    private PreCheckoutQueryHandler(PreCheckoutQueryHandler<X> source, Pattern pattern) {
        super(source);
        this.pattern = pattern;
    }

    private PreCheckoutQueryHandler(PreCheckoutQueryHandler<X> source, boolean block) {
        super(source, block);
        this.pattern = source.pattern;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> PreCheckoutQueryHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new PreCheckoutQueryHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only queries whose invoice payload matches {@code regex} at its start (Python's semantics). */
    public PreCheckoutQueryHandler<X> pattern(String regex) {
        return pattern(PythonRegex.compile(regex));
    }

    /** Only queries whose invoice payload matches {@code pattern} at its start ({@code lookingAt()}). */
    public PreCheckoutQueryHandler<X> pattern(Pattern pattern) {
        return new PreCheckoutQueryHandler<>(this, Objects.requireNonNull(pattern, "pattern"));
    }

    /** This handler with the given {@code block} flag. */
    public PreCheckoutQueryHandler<X> block(boolean block) {
        return new PreCheckoutQueryHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.preCheckoutQuery().isEmpty()) {
            return CheckResult.noMatch();
        }
        return pattern == null || pattern.matcher(u.preCheckoutQuery().get().invoicePayload()).lookingAt()
                ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "PreCheckoutQueryHandler[" + (pattern == null ? "any" : pattern) + "]";
    }
}
