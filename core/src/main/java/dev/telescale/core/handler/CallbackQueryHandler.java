package dev.telescale.core.handler;

import dev.telescale.api.types.CallbackQuery;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles callback queries (inline keyboard presses) as PTB's {@code CallbackQueryHandler}. Without patterns it
 * takes every query. With a data pattern, a query that has {@code data} must match it: a regex matched at the
 * start of the data (Java's {@code lookingAt()}, PTB's {@code re.match}; the match lands in
 * {@code context.matches()}), a predicate, or a type (for arbitrary callback data objects). A query of a game
 * (with {@code game_short_name}) must match the game pattern. A query with neither data nor game name matches even
 * when patterns are set, as in PTB.
 *
 * <pre>{@code
 * app.addHandler(new CallbackQueryHandler<>((update, context) -> context.answer("ok")).pattern("^vote:(\\d+)$"));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class CallbackQueryHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final DataPattern pattern;
    private final Pattern gamePattern;

    /** Handles every callback query. */
    public CallbackQueryHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback), null, null, true);
    }

    private CallbackQueryHandler(HandlerFunction<? super Update, ? super X> callback, DataPattern pattern,
                                 Pattern gamePattern, boolean block) {
        super(callback, block);
        this.pattern = pattern;
        this.gamePattern = gamePattern;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> CallbackQueryHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new CallbackQueryHandler<>(Objects.requireNonNull(callback, "callback"), null, null, true);
    }

    /** Only data matching {@code regex} at its start. */
    public CallbackQueryHandler<X> pattern(String regex) {
        return pattern(Pattern.compile(regex));
    }

    /** Only data matching {@code pattern} at its start ({@code lookingAt()}). */
    public CallbackQueryHandler<X> pattern(Pattern pattern) {
        return withPattern(new RegexPattern(Objects.requireNonNull(pattern, "pattern")));
    }

    /** Only data the predicate accepts. */
    public CallbackQueryHandler<X> pattern(Predicate<? super String> predicate) {
        return withPattern(new PredicatePattern(Objects.requireNonNull(predicate, "predicate")));
    }

    /**
     * Only data that is an instance of {@code type}. Callback data is a {@code String} today; this is for the
     * arbitrary callback data of a later release, where the data is the object the bot put on the button.
     */
    public CallbackQueryHandler<X> pattern(Class<?> type) {
        return withPattern(new TypePattern(Objects.requireNonNull(type, "type")));
    }

    /** Only game queries whose {@code game_short_name} matches {@code regex} at its start. */
    public CallbackQueryHandler<X> gamePattern(String regex) {
        return new CallbackQueryHandler<>(callback(), pattern, Pattern.compile(regex), blocking());
    }

    /** This handler with the given {@code block} flag. */
    public CallbackQueryHandler<X> block(boolean block) {
        return new CallbackQueryHandler<>(callback(), pattern, gamePattern, block);
    }

    private CallbackQueryHandler<X> withPattern(DataPattern p) {
        return new CallbackQueryHandler<>(callback(), p, gamePattern, blocking());
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
        String data = query.data().orElse("");
        if (!data.isEmpty()) {
            return pattern == null ? CheckResult.noMatch() : pattern.check(data);
        }
        String game = query.gameShortName().orElse("");
        if (!game.isEmpty()) {
            if (gamePattern == null) {
                return CheckResult.noMatch();
            }
            Matcher m = gamePattern.matcher(game);
            return m.lookingAt() ? CheckResult.match(m.toMatchResult()) : CheckResult.noMatch();
        }
        return CheckResult.match();
    }

    @Override
    protected void collectAdditionalContext(X context, Update update, CheckResult.Match match) {
        if (pattern != null && match.value() instanceof MatchResult result) {
            context.setMatches(List.of(result));
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
            if (!(data instanceof String s)) {
                return CheckResult.noMatch();
            }
            Matcher m = pattern.matcher(s);
            return m.lookingAt() ? CheckResult.match(m.toMatchResult()) : CheckResult.noMatch();
        }
    }

    private record PredicatePattern(Predicate<? super String> predicate) implements DataPattern {
        public CheckResult check(Object data) {
            return data instanceof String s && predicate.test(s) ? CheckResult.match(true) : CheckResult.noMatch();
        }
    }

    private record TypePattern(Class<?> type) implements DataPattern {
        public CheckResult check(Object data) {
            return type.isInstance(data) ? CheckResult.match(true) : CheckResult.noMatch();
        }
    }
}
