package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.testkit.EmulatedUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PrefixHandler: prefix × command, first word case-insensitive, args, default filter, bad arguments, end to end. */
class PrefixHandlerTest extends HandlerTestBase {

    private static PrefixHandler<DefaultContext> moderation() {
        return new PrefixHandler<>(List.of("!", "#"), List.of("Ban", "kick"), (u, c) -> { });
    }

    @Test
    void everyPrefixAndCommandCombinationMatchesTheFirstWord() {
        assertEquals(Set.of("!ban", "!kick", "#ban", "#kick"), moderation().commands());
        assertTrue(matches(moderation(), textMessage("!ban")));
        assertTrue(matches(moderation(), textMessage("#KICK @spammer")));
        assertTrue(matches(moderation(), textMessage("  !ban\tnow")), "leading white space is skipped");
        assertFalse(matches(moderation(), textMessage("!banned")));
        assertFalse(matches(moderation(), textMessage("please !ban")));
        assertFalse(matches(moderation(), textMessage("/ban")));
        assertFalse(matches(moderation(), textMessage("   ")), "no words");
        assertFalse(matches(moderation(), update("message", message(chat(-1), user(2), null))), "no text");
        assertFalse(matches(moderation(), "!ban"));
    }

    @Test
    void theRemainingWordsAreTheArguments() {
        Recorder recorder = new Recorder();
        dispatch(new PrefixHandler<>("!", "ban", recorder::handle), textMessage("!ban  @spam\u2003 1h\n"));
        assertEquals(List.of("@spam", "1h"), recorder.only().args());
    }

    @Test
    void theDefaultFilterTakesMessagesAndEditsOnly() {
        String post = message(chat(-1, "channel", null), null, "!ban x");
        assertTrue(matches(moderation(), update("edited_message", post)));
        assertFalse(matches(moderation(), update("channel_post", post)));
        assertTrue(matches(moderation().filter(Filters.ALL), update("channel_post", post)));
        assertFalse(matches(moderation().filter(Filters.ChatType.PRIVATE), textMessage("!ban")));
    }

    @Test
    void badArgumentsAreRefusedClearly() {
        for (String bad : List.of("", "a b", "\t")) {
            IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                    () -> new PrefixHandler<DefaultContext>(bad, "ban", (u, c) -> { }));
            assertTrue(p.getMessage().contains("prefix"), p.getMessage());
            IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                    () -> new PrefixHandler<DefaultContext>("!", bad, (u, x) -> { }));
            assertTrue(c.getMessage().contains("command"), c.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new PrefixHandler<DefaultContext>(List.of(), List.of("ban"), (u, c) -> { }));
        assertThrows(NullPointerException.class, () -> new PrefixHandler<DefaultContext>(null, "ban", (u, c) -> { }));
        assertThrows(NullPointerException.class, () -> new PrefixHandler<DefaultContext>("!", "ban", null));
        assertEquals(Optional.of(false), moderation().block(false).filter(Filters.ALL).explicitBlock());
    }

    @Test
    void aPrefixedCommandIsAnsweredEndToEnd() {
        EmulatedUser dave = emulator.user("dave");
        dave.sendText(bot, "!roll 2 dice");
        deliverPending(new PrefixHandler<DefaultContext>("!", "roll",
                (u, c) -> c.replyText("rolling " + String.join(",", c.args()))));
        assertEquals("rolling 2,dice", emulator.awaitCall("sendMessage", WAIT).text());
    }
}
