package dev.telescale.core.filter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Compiles a regular expression written for Python's {@code re} so that it means the same in Java — what every
 * pattern given as a string to a Telescale filter or handler goes through, and what a bot author can use for
 * patterns of their own. Only {@code \n} ends a line for {@code .}, {@code ^} and {@code $} (so {@code $} matches
 * before one trailing {@code \n}, as in Python), and {@code \d \w \s \b} and case-insensitive matching are
 * Unicode-aware, as for Python's {@code str} patterns. How a pattern is applied is the caller's: the regex filters
 * search anywhere ({@code find()}, PTB's {@code re.search}), the pattern handlers match at the start
 * ({@code lookingAt()}, PTB's {@code re.match}).
 */
public final class PythonRegex {

    /** The flags that give Python's semantics: {@code UNIX_LINES | UNICODE_CHARACTER_CLASS}. */
    public static final int FLAGS = Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;

    private PythonRegex() {
    }

    /** {@code regex} compiled with {@link #FLAGS}. */
    public static Pattern compile(String regex) {
        return Pattern.compile(Objects.requireNonNull(regex, "regex"), FLAGS);
    }
}
