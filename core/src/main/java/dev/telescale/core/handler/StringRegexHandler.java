package dev.telescale.core.handler;

import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.filter.PythonRegex;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Handles {@code String} updates matching a regular expression at their start (PTB's {@code StringRegexHandler};
 * {@code lookingAt()}, PTB's {@code re.match}): for custom sources that put text on the queue. The match lands in
 * {@code context.matches()}. Objects that are not a {@code String}, including {@code Update}s, never match.
 *
 * <pre>{@code
 * app.addHandler(new StringRegexHandler<>("set (\\w+)=(\\w+)", (text, context) ->
 *         settings.put(context.match().orElseThrow().group(1), context.match().orElseThrow().group(2))));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class StringRegexHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<String, X> {

    private final Pattern pattern;

    /** Handles strings matching {@code regex} at their start, compiled with Python's semantics. */
    public StringRegexHandler(String regex, HandlerCallback<String, ? super X> callback) {
        this(PythonRegex.compile(regex), callback);
    }

    /** Handles strings matching {@code pattern} at their start. */
    public StringRegexHandler(Pattern pattern, HandlerCallback<String, ? super X> callback) {
        this(pattern, HandlerFunction.of(callback));
    }

    private StringRegexHandler(Pattern pattern, HandlerFunction<? super String, ? super X> callback) {
        super(callback);
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    private StringRegexHandler(StringRegexHandler<X> source, boolean block) {
        super(source, block);
        this.pattern = source.pattern;
    }

    /** A handler whose callback returns a value. */
    public static <X extends CallbackContext<?, ?, ?>> StringRegexHandler<X> returning(
            String regex, HandlerFunction<String, ? super X> callback) {
        return returning(PythonRegex.compile(regex), callback);
    }

    /** A handler whose callback returns a value. */
    public static <X extends CallbackContext<?, ?, ?>> StringRegexHandler<X> returning(
            Pattern pattern, HandlerFunction<String, ? super X> callback) {
        return new StringRegexHandler<>(pattern, Objects.requireNonNull(callback, "callback"));
    }

    /** This handler with the given {@code block} flag. */
    public StringRegexHandler<X> block(boolean block) {
        return new StringRegexHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        return update instanceof String s ? Patterns.lookingAt(pattern, s) : CheckResult.noMatch();
    }

    @Override
    protected void collectAdditionalContext(X context, String update, CheckResult.Match match) {
        Patterns.putMatch(context, match);
    }

    @Override
    public String toString() {
        return "StringRegexHandler[" + pattern + "]";
    }
}
