package dev.telescale.core.handler;

import dev.telescale.api.types.InlineQuery;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.filter.PythonRegex;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Handles inline queries ({@code @YourBot text} typed in any chat; PTB's {@code InlineQueryHandler}). With a
 * {@link #pattern}, the query text must match it at its start ({@code lookingAt()}, PTB's {@code re.match}) and the
 * match lands in {@code context.matches()}; as in PTB an <em>empty</em> query never matches a pattern (not even one
 * that accepts the empty string), while a handler without pattern takes it. With {@link #chatTypes}, the query's
 * {@code chat_type} ({@code "sender"}, {@code "private"}, {@code "group"}, {@code "supergroup"}, {@code "channel"})
 * must be one of them, and a query without chat type does not match.
 *
 * <pre>{@code
 * app.addHandler(new InlineQueryHandler<>(this::answerInline).pattern("weather (\\w+)").chatTypes("private"));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class InlineQueryHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final Pattern pattern;
    /** {@code null}: any chat type, or none. */
    private final Set<String> chatTypes;

    /** Handles every inline query. */
    public InlineQueryHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private InlineQueryHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.pattern = null;
        this.chatTypes = null;
    }

    private InlineQueryHandler(InlineQueryHandler<X> source, Pattern pattern, Set<String> chatTypes) {
        super(source);
        this.pattern = pattern;
        this.chatTypes = chatTypes;
    }

    private InlineQueryHandler(InlineQueryHandler<X> source, boolean block) {
        super(source, block);
        this.pattern = source.pattern;
        this.chatTypes = source.chatTypes;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> InlineQueryHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new InlineQueryHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only non-empty queries matching {@code regex} at their start, compiled with Python's semantics. */
    public InlineQueryHandler<X> pattern(String regex) {
        return pattern(PythonRegex.compile(regex));
    }

    /** Only non-empty queries matching {@code pattern} at their start ({@code lookingAt()}). */
    public InlineQueryHandler<X> pattern(Pattern pattern) {
        return new InlineQueryHandler<>(this, Objects.requireNonNull(pattern, "pattern"), chatTypes);
    }

    /** Only queries sent from chats of these types (replacing earlier ones; none given: no query matches). */
    public InlineQueryHandler<X> chatTypes(String... chatTypes) {
        Objects.requireNonNull(chatTypes, "chatTypes");
        Set<String> types = Arrays.stream(chatTypes).map(t -> Objects.requireNonNull(t, "chat type"))
                .collect(Collectors.toUnmodifiableSet());
        return new InlineQueryHandler<>(this, pattern, types);
    }

    /** This handler with the given {@code block} flag. */
    public InlineQueryHandler<X> block(boolean block) {
        return new InlineQueryHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.inlineQuery().isEmpty()) {
            return CheckResult.noMatch();
        }
        InlineQuery query = u.inlineQuery().get();
        if (chatTypes != null && query.chatType().filter(chatTypes::contains).isEmpty()) {
            return CheckResult.noMatch();
        }
        if (pattern == null) {
            return CheckResult.match();
        }
        return query.query().isEmpty() ? CheckResult.noMatch() : Patterns.lookingAt(pattern, query.query());
    }

    @Override
    protected void collectAdditionalContext(X context, Update update, CheckResult.Match match) {
        Patterns.putMatch(context, match);
    }

    @Override
    public String toString() {
        return "InlineQueryHandler[" + (pattern == null ? "any" : pattern)
                + (chatTypes == null ? "" : ", chat types " + chatTypes) + "]";
    }
}
