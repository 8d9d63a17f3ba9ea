package dev.telescale.core.handler;

/**
 * What {@link Handler#check} says about an update: {@link NoMatch}, or {@link Match} carrying any value the handler
 * wants back in {@link Handler#handle} (parsed arguments, a regex match, ...). Unlike a boolean or PTB's truthiness
 * rule, a match value of {@code 0}, {@code ""} or {@code false} is still a match: only {@code NoMatch} is "no".
 */
public sealed interface CheckResult permits CheckResult.Match, CheckResult.NoMatch {

    /** The handler takes the update; {@code value} (may be null) is handed back to {@link Handler#handle}. */
    record Match(Object value) implements CheckResult {
    }

    /** The handler does not take the update. */
    record NoMatch() implements CheckResult {
    }

    /** The "no" answer. */
    static NoMatch noMatch() {
        return Results.NO_MATCH;
    }

    /** A match carrying {@code value}. */
    static Match match(Object value) {
        return new Match(value);
    }

    /** A match carrying nothing. */
    static Match match() {
        return Results.EMPTY_MATCH;
    }
}
