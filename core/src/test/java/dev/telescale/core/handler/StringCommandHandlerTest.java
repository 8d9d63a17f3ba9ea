package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.core.DefaultContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** StringCommandHandler: String updates, single-space split, case-sensitive command, args, bad commands. */
class StringCommandHandlerTest extends HandlerTestBase {

    private static StringCommandHandler<DefaultContext> reload() {
        return new StringCommandHandler<>("reload", (s, c) -> { });
    }

    @Test
    void matchesSlashCommandStringsCaseSensitively() {
        assertTrue(matches(reload(), "/reload"));
        assertTrue(matches(reload(), "/reload config now"));
        assertFalse(matches(reload(), "/Reload"), "case-sensitive, unlike CommandHandler");
        assertFalse(matches(reload(), "reload"));
        assertFalse(matches(reload(), "/reloaded"));
        assertFalse(matches(reload(), "/reload\tx"), "only single spaces separate");
        assertFalse(matches(reload(), textMessage("/reload")), "Updates never match");
        assertFalse(matches(reload(), null));
    }

    @Test
    void argumentsAreSplitOnSingleSpacesAsPtb() {
        assertEquals(List.of("a", "", "b"), matchValue(reload(), "/reload a  b"));
        assertEquals(List.of(), matchValue(reload(), "/reload"));
        assertEquals(List.of(""), matchValue(reload(), "/reload "));
        Recorder recorder = new Recorder();
        dispatch(new StringCommandHandler<>("reload", recorder::handle), "/reload config now");
        assertEquals(List.of("config", "now"), recorder.only().args());
        assertEquals("/reload config now", recorder.only().update());
    }

    @Test
    void badCommandsAreRefused() {
        for (String bad : List.of("", "two words", "/reload")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new StringCommandHandler<DefaultContext>(bad, (s, c) -> { }));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> new StringCommandHandler<DefaultContext>(null, (s, c) -> { }));
        assertEquals(Optional.of(false), reload().block(false).explicitBlock());
        assertEquals("reload", StringCommandHandler.returning("reload", (s, c) -> 1).command());
    }
}
