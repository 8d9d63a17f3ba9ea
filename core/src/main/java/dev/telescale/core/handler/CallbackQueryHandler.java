package dev.telescale.core.handler;

import dev.telescale.api.types.CallbackQuery;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.filter.PythonRegex;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Handles callback queries (inline keyboard presses) as PTB's {@code CallbackQueryHandler}. Without patterns it
 * takes every query. With a data pattern, a query that has data must match it: a regex matched at the start of
 * the data (Java's {@code lookingAt()}, PTB's {@code re.match}; String data only; the match lands in
 * {@code context.matches()}), a predicate, or a type (for arbitrary callback data objects, and
 * {@code InvalidCallbackData} for buttons the cache no longer knows). The data is what the bot resolves for the
 * query: the {@code callback_data} string, or the object put on the button when arbitrary callback data is on.
 * A query of a game (with {@code game_short_name}) must match the game pattern. A query with neither data nor game
 * name matches even when patterns are set, as in PTB. Data counts as absent when it is missing or the empty string.
 *
 * <pre>{@code
 * app.addHandler(new CallbackQueryHandler<>((update, context) -> context.answer("ok")).pattern("vote:(\\d+)"));
 * app.addHandler(new CallbackQueryHandler<>(this::expired).pattern(InvalidCallbackData.class));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class CallbackQueryHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final DataPattern pattern;
    private final Pattern gamePattern;

    /** Handles every callback query. */
    public CallbackQueryHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private CallbackQueryHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.pattern = null;
        this.gamePattern = null;
    }

    private CallbackQueryHandler(CallbackQueryHandler<X> source, DataPattern pattern, Pattern gamePattern) {
        super(source);
        this.pattern = pattern;
        this.gamePattern = gamePattern;
    }

    private CallbackQueryHandler(CallbackQueryHandler<X> source, boolean block) {
        super(source, block);
        this.pattern = source.pattern;
        this.gamePattern = source.gamePattern;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> CallbackQueryHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new CallbackQueryHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only String data matching {@code regex} at its start, compiled with Python's semantics (as the filters). */
    public CallbackQueryHandler<X> pattern(String regex) {
        return pattern(PythonRegex.compile(regex));
    }

    /** Only String data matching {@code pattern} at its start ({@code lookingAt()}). */
    public CallbackQueryHandler<X> pattern(Pattern pattern) {
        return new CallbackQueryHandler<>(this, new RegexPattern(Objects.requireNonNull(pattern, "pattern")),
                gamePattern);
    }

    /** Only data the predicate accepts (the String data, or the object of arbitrary callback data). */
    public CallbackQueryHandler<X> pattern(Predicate<Object> predicate) {
        return new CallbackQueryHandler<>(this,
                new PredicatePattern(Objects.requireNonNull(predicate, "predicate")), gamePattern);
    }

    /** Only data that is an instance of {@code type} (an arbitrary callback data class, InvalidCallbackData). */
    public CallbackQueryHandler<X> pattern(Class<?> type) {
        return new CallbackQueryHandler<>(this, new TypePattern(Objects.requireNonNull(type, "type")), gamePattern);
    }

    /** Only game queries whose {@code game_short_name} matches {@code regex} at its start (Python semantics). */
    public CallbackQueryHandler<X> gamePattern(String regex) {
        return gamePattern(PythonRegex.compile(regex));
    }

    /** Only game queries whose {@code game_short_name} matches {@code pattern} at its start. */
    public CallbackQueryHandler<X> gamePattern(Pattern pattern) {
        return new CallbackQueryHandler<>(this, this.pattern, Objects.requireNonNull(pattern, "pattern"));
    }

    /** This handler with the given {@code block} flag. */
    public CallbackQueryHandler<X> block(boolean block) {
        return new CallbackQueryHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.callbackQuery().isEmpty()) {
            return CheckResult.noMatch();
        }
        if (pattern == null && gamePattern == null) {
            return CheckResult.match();
        }
        CallbackQuery query = u.callbackQuery().get();
        Object data = data(application, query);
        if (data != null && !"".equals(data)) {
            return pattern == null ? CheckResult.noMatch() : pattern.check(data);
        }
        String game = query.gameShortName().orElse("");
        if (!game.isEmpty()) {
            return gamePattern == null ? CheckResult.noMatch() : Patterns.lookingAt(gamePattern, game);
        }
        return CheckResult.match();
    }

    /**
     * The query's data as the bot resolves it: the {@code callback_data} string, or with arbitrary callback data
     * the cached object or an {@code InvalidCallbackData}.
     */
    private static Object data(Application<?> application, CallbackQuery query) {
        return application.bot().callbackData(query);
    }

    @Override
    protected void collectAdditionalContext(X context, Update update, CheckResult.Match match) {
        if (pattern != null) { // PTB fills matches only when a data pattern was given, even for a game match
            Patterns.putMatch(context, match);
        }
    }

    @Override
    public String toString() {
        return "CallbackQueryHandler[" + (pattern == null ? "any" : pattern)
                + (gamePattern == null ? "" : ", game " + gamePattern) + "]";
    }

    /** The kinds of data pattern PTB accepts. */
    private sealed interface DataPattern permits RegexPattern, PredicatePattern, TypePattern {
        CheckResult check(Object data);
    }

    private record RegexPattern(Pattern pattern) implements DataPattern {
        public CheckResult check(Object data) {
            return data instanceof String s ? Patterns.lookingAt(pattern, s) : CheckResult.noMatch();
        }
    }

    private record PredicatePattern(Predicate<Object> predicate) implements DataPattern {
        public CheckResult check(Object data) {
            return predicate.test(data) ? CheckResult.match(true) : CheckResult.noMatch();
        }
    }

    private record TypePattern(Class<?> type) implements DataPattern {
        public CheckResult check(Object data) {
            return type.isInstance(data) ? CheckResult.match(true) : CheckResult.noMatch();
        }
    }
}
