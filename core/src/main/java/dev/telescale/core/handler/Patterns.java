package dev.telescale.core.handler;

import dev.telescale.core.CallbackContext;
import dev.telescale.core.filter.PythonRegex;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PTB's {@code re.match} for the pattern handlers: the pattern must match at the start of the text
 * ({@link Matcher#lookingAt()}), not the whole text and not anywhere in it. Patterns given as strings are compiled
 * by {@link PythonRegex}, as the regex filters' are; a {@code Pattern} object is used as given.
 */
final class Patterns {

    private Patterns() {
    }

    /** A match carrying the {@code MatchResult} when {@code pattern} matches at the start of {@code text}. */
    static CheckResult lookingAt(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.lookingAt() ? CheckResult.match(m.toMatchResult()) : CheckResult.noMatch();
    }

    /** Puts the {@code MatchResult} a {@link #lookingAt} match carries into {@code context.matches()}, if any. */
    static void putMatch(CallbackContext<?, ?, ?> context, CheckResult.Match match) {
        if (match.value() instanceof MatchResult result) {
            context.setMatches(List.of(result));
        }
    }
}
