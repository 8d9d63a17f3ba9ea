package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.core.DefaultContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** StringRegexHandler: String updates matched at their start (Python's re.match), the match in the context. */
class StringRegexHandlerTest extends HandlerTestBase {

    private static StringRegexHandler<DefaultContext> handler(String regex) {
        return new StringRegexHandler<>(regex, (s, c) -> { });
    }

    @Test
    void matchesAtTheStartNotAnywhereAndNotTheWhole() {
        assertTrue(matches(handler("set (\\w+)"), "set volume=3"), "lookingAt, not matches()");
        assertFalse(matches(handler("set"), "please set"), "lookingAt, not find()");
        assertTrue(matches(handler(""), ""), "an empty match is still a match");
        assertFalse(matches(handler("x"), textMessage("x")), "Updates never match");
        assertFalse(matches(handler("x"), 'x'));
    }

    @Test
    void dollarAndDotFollowPython() {
        assertTrue(matches(handler("done$"), "done\n"), "$ before a single final \\n, in Python and Java");
        assertFalse(matches(handler("done$"), "done\n\n"));
        assertFalse(matches(handler("done$"), "done\r\n"), "Python's $ knows only \\n (UNIX_LINES)");
        assertTrue(matches(handler("a.c"), "a\u2028c"), "Python's . excludes only \\n");
        assertTrue(matches(new StringRegexHandler<DefaultContext>(Pattern.compile("done$"), (s, c) -> { }),
                "done\r\n"), "a Pattern object keeps Java's flags");
    }

    @Test
    void theMatchLandsInTheContextAsTheOnlyMatch() {
        Recorder recorder = new Recorder();
        dispatch(new StringRegexHandler<>("set (\\w+)", recorder::handle), "set volume", "unset volume");
        assertEquals(List.of("set volume"), recorder.only().matches());
        assertEquals(0, ((java.util.regex.MatchResult) matchValue(handler("(a*)"), "b")).end(),
                "a zero-length match counts");
    }

    @Test
    void badArguments() {
        assertThrows(PatternSyntaxException.class, () -> handler("(open"));
        assertThrows(NullPointerException.class, () -> handler(null));
        assertThrows(NullPointerException.class, () -> new StringRegexHandler<DefaultContext>("x", null));
        assertEquals(Optional.of(false), handler("x").block(false).explicitBlock());
        assertEquals(Optional.empty(), StringRegexHandler.returning("x", (s, c) -> 0).explicitBlock());
    }
}
