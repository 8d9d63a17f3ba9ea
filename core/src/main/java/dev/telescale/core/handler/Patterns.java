package dev.telescale.core.handler;

import dev.telescale.core.CallbackContext;
import java.util.List;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PTB's {@code re.match} for the pattern handlers: the pattern must match at the start of the text
 * ({@link Matcher#lookingAt()}), not the whole text and not anywhere in it. Patterns given as strings are compiled
 * with Python's semantics ({@code UNIX_LINES}: {@code $} matches before a final {@code \n} only and {@code .}
 * excludes only {@code \n}; {@code UNICODE_CHARACTER_CLASS}: {@code \w}, {@code \d}, {@code \s} are Unicode-aware as
 * in Python 3), the same flags as the regex filters; a {@code Pattern} object is used as given.
 */
final class Patterns {

    static final int PYTHON_FLAGS = Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;

    private Patterns() {
    }

    /** {@code regex} compiled with Python's semantics. */
    static Pattern compile(String regex) {
        return Pattern.compile(Objects.requireNonNull(regex, "regex"), PYTHON_FLAGS);
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
