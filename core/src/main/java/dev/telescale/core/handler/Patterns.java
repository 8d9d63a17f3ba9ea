package dev.telescale.core.handler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PTB's {@code re.match} for the pattern handlers: the pattern must match at the start of the text
 * ({@link Matcher#lookingAt()}), not the whole text and not anywhere in it.
 */
final class Patterns {

    private Patterns() {
    }

    /** A match carrying the {@code MatchResult} when {@code pattern} matches at the start of {@code text}. */
    static CheckResult lookingAt(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.lookingAt() ? CheckResult.match(m.toMatchResult()) : CheckResult.noMatch();
    }
}
