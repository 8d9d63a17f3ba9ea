package dev.telescale.core.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class PythonRegexTest {

    @Test
    void dollarMatchesBeforeOneTrailingNewlineOnlyAsInPython() {
        assertTrue(PythonRegex.compile("^hi$").matcher("hi\n").find());
        assertFalse(PythonRegex.compile("^hi$").matcher("hi\r\n").find(), "\\r is not a line end in Python");
    }

    @Test
    void dotExcludesOnlyNewline() {
        assertTrue(PythonRegex.compile("^a.b$").matcher("a\rb").find());
        assertFalse(PythonRegex.compile("^a.b$").matcher("a\nb").find());
    }

    @Test
    void wordAndDigitClassesAreUnicodeAware() {
        assertTrue(PythonRegex.compile("^\\w+$").matcher("привет").find());
        assertTrue(PythonRegex.compile("^\\d$").matcher("٣").find(), "an Arabic-Indic digit is \\d in Python 3");
    }

    @Test
    void badInputIsRefusedWithTheJavaError() {
        assertThrows(NullPointerException.class, () -> PythonRegex.compile(null));
        assertThrows(PatternSyntaxException.class, () -> PythonRegex.compile("(unclosed"));
    }
}
