package dev.telescale.core.filter;

import static dev.telescale.core.filter.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** {@code Filters.regex} and {@code captionRegex}: PTB's {@code re.search} semantics (§8.3, §20.1). */
class RegexFiltersTest {

    private static Update text(String text) {
        return message("'text':" + quote(text));
    }

    private static String quote(String s) {
        return "'" + s.replace("\n", "\\n").replace("\r", "\\r") + "'";
    }

    private static MatchResult match(FilterResult result) {
        FilterResult.Pass pass = assertInstanceOf(FilterResult.Pass.class, result);
        List<Object> matches = pass.data().get(FilterResult.MATCHES);
        assertEquals(1, matches.size());
        return (MatchResult) matches.get(0);
    }

    @Test
    void searchesAnywhereNotOnlyAtTheStart() {
        MatchResult m = match(Filters.regex("(\\d+) apples").check(text("I want 12 apples")));
        assertEquals("12", m.group(1));
        assertEquals(7, m.start());
        assertFalse(Filters.regex("^\\d").check(text("order 66")).passed(), "^ anchors as in Python");
        assertTrue(Filters.regex("help").check(text("please help me")).passed(), "not lookingAt, not matches");
    }

    @Test
    void dollarMatchesBeforeOneTrailingNewlineAsInPython() {
        assertTrue(Filters.regex("end$").check(text("the end\n")).passed());
        assertFalse(Filters.regex("end$").check(text("the end\n\n")).passed());
        assertFalse(Filters.regex("end$").check(text("the end\r")).passed(), "only \\n ends a line in Python");
    }

    @Test
    void dotExcludesOnlyNewlineAsInPython() {
        assertTrue(Filters.regex("a.b").check(text("a\rb")).passed());
        assertFalse(Filters.regex("a.b").check(text("a\nb")).passed());
    }

    @Test
    void characterClassesAreUnicodeAwareAsInPython() {
        assertTrue(Filters.regex("^\\w+$").check(text("Grüße")).passed());
        assertTrue(Filters.regex("\\d").check(text("٣")).passed(), "Arabic-Indic digit is \\d in Python 3");
        assertTrue(Filters.regex("(?i)ÄPFEL").check(text("äpfel")).passed());
    }

    @Test
    void aCompiledPatternIsUsedAsGiven() {
        Filter f = Filters.regex(Pattern.compile("HELP", Pattern.CASE_INSENSITIVE));
        assertTrue(f.check(text("help!")).passed());
        assertEquals("Filters.regex(\"HELP\")", f.toString());
    }

    @Test
    void rejectsMessagesWithoutTextOrWithEmptyText() {
        assertFalse(Filters.regex(".*").check(message("'caption':'x'")).passed());
        assertFalse(Filters.regex(".*").check(text("")).passed(), "PTB: empty text is falsy, no search");
        for (Update u : Updates.withoutMessage()) {
            assertFalse(Filters.regex(".*").check(u).passed());
            assertFalse(Filters.regex("x").not().check(u).passed());
        }
    }

    @Test
    void captionRegexLooksAtTheCaptionOnly() {
        Filter f = Filters.captionRegex("h(el)p");
        assertEquals("el", match(f.check(message("'caption':'please help'"))).group(1));
        assertFalse(f.check(text("help")).passed(), "text messages never match");
        assertFalse(Filters.regex("help").check(message("'caption':'help'")).passed());
        assertEquals("Filters.captionRegex(\"h(el)p\")", f.toString());
        assertTrue(Filters.captionRegex(Pattern.compile("x")).check(message("'caption':'x'")).passed());
    }

    @Test
    void dataMergesThroughCombinationsAsPtb() {
        Filter twoRegexes = Filters.regex("(\\d+)").and(Filters.captionRegex("x").not()).and(Filters.regex("[a-z]+"));
        FilterResult.Pass pass = assertInstanceOf(FilterResult.Pass.class, twoRegexes.check(text("abc 42")));
        List<Object> matches = pass.data().get(FilterResult.MATCHES);
        assertEquals(List.of("42", "abc"), matches.stream().map(m -> ((MatchResult) m).group()).toList());
    }

    @Test
    void badPatternsAreRefused() {
        assertThrows(PatternSyntaxException.class, () -> Filters.regex("(unclosed"));
        assertThrows(NullPointerException.class, () -> Filters.regex((String) null));
        assertThrows(NullPointerException.class, () -> Filters.regex((Pattern) null));
        assertThrows(NullPointerException.class, () -> Filters.captionRegex((String) null));
    }
}
