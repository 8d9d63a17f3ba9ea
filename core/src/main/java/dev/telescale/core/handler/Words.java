package dev.telescale.core.handler;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code str.split()} without arguments, which PTB uses for command and prefix arguments. */
final class Words {

    /** Python's separators: Unicode white space plus the ASCII information separators. */
    private static final Pattern WHITESPACE = Pattern.compile("[\\p{IsWhite_Space}\\x1C-\\x1F]+");

    private Words() {
    }

    /** The words of {@code text}: runs of separators split, leading and trailing ones ignored. */
    static List<String> split(String text) {
        return Arrays.stream(WHITESPACE.split(text, -1)).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * The first word of {@code text} (the first of {@link #split}), or null when it has none; the rest is not split,
     * since a handler compares the first word of every message and most do not match.
     */
    static String first(String text) {
        Matcher separators = WHITESPACE.matcher(text);
        int start = separators.lookingAt() ? separators.end() : 0;
        if (start == text.length()) {
            return null;
        }
        return separators.find(start) ? text.substring(start, separators.start()) : text.substring(start);
    }

    /** Whether {@code text} contains a separator. */
    static boolean hasSeparator(String text) {
        return WHITESPACE.matcher(text).find();
    }
}
