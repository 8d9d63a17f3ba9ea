package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import org.junit.jupiter.api.Test;

class TimerBotTest {

    @Test
    void explainsOnStartAndHelp() throws Exception {
        try (var run = RunningExample.start("TimerBot", TimerBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            assertEquals("Hi! Use /set <seconds> to set a timer", run.answerTo(alice, "/start"));
            assertEquals("Hi! Use /set <seconds> to set a timer", run.answerTo(alice, "/help"));
        }
    }

    @Test
    void aTimerBeepsWithItsSecondsAsAFloat() throws Exception {
        try (var run = RunningExample.start("TimerBot", TimerBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);
            // A short timer may beep before the confirmation is sent, in the original too: both come, in either order.
            ObjectNode set = alice.sendText(run.bot, "/set 0.2");
            long after = set.path("message_id").asLong();
            chat.awaitMessage(after, m -> "Timer successfully set!".equals(m.path("text").asText()), WAIT);
            chat.awaitMessage(after, m -> "Beep! 0.2 seconds are over!".equals(m.path("text").asText()), WAIT);
            assertTrue(run.emulator.calls("sendMessage").stream().allMatch(c -> c.param("parse_mode") == null));
            assertEquals("You have no active timer.", run.answerTo(alice, "/unset"), "a timer that ran is gone");

            ObjectNode zero = alice.sendText(run.bot, "/set 0");
            after = zero.path("message_id").asLong();
            chat.awaitMessage(after, m -> "Timer successfully set!".equals(m.path("text").asText()), WAIT);
            chat.awaitMessage(after, m -> "Beep! 0.0 seconds are over!".equals(m.path("text").asText()), WAIT);
        }
    }

    @Test
    void aNewTimerReplacesTheOldOneAndUnsetCancels() throws Exception {
        try (var run = RunningExample.start("TimerBot", TimerBot::build)) {
            EmulatedUser bob = run.emulator.user("bob");
            EmulatedChat chat = bob.chatWith(run.bot);
            assertEquals("Timer successfully set!", run.answerTo(bob, "/set 3600"));
            assertEquals("Timer successfully set! Old one was removed.", run.answerTo(bob, "/set 1e3"));
            assertEquals("Timer successfully cancelled!", run.answerTo(bob, "/unset"));
            assertEquals("You have no active timer.", run.answerTo(bob, "/unset"));
            assertEquals(4, chat.botMessages().size(), "no beep: the timers were removed");
        }
    }

    @Test
    void timersArePerChat() throws Exception {
        try (var run = RunningExample.start("TimerBot", TimerBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedUser bob = run.emulator.user("bob");
            assertEquals("Timer successfully set!", run.answerTo(alice, "/set 3600"));
            assertEquals("Timer successfully set!", run.answerTo(bob, "/set 3600"));
            assertEquals("Timer successfully cancelled!", run.answerTo(bob, "/unset"));
            assertEquals("Timer successfully cancelled!", run.answerTo(alice, "/unset"));
        }
    }

    @Test
    void refusesBadSeconds() throws Exception {
        try (var run = RunningExample.start("TimerBot", TimerBot::build)) {
            EmulatedUser carol = run.emulator.user("carol");
            for (String bad : new String[] {"/set", "/set abc", "/set 5s", "/set 0x10", "/set 5d", "/set nan", "/set 1__0"}) {
                assertEquals("Usage: /set <seconds>", run.answerTo(carol, bad), bad);
            }
            assertEquals("Sorry we can not go back to future!", run.answerTo(carol, "/set -1"));
            assertEquals("Sorry we can not go back to future!", run.answerTo(carol, "/set -inf"));
            assertEquals("You have no active timer.", run.answerTo(carol, "/unset"));
        }
    }

    @Test
    void anEndlessTimerFailsSilentlyAfterRemovingTheOldOne() throws Exception {
        try (var run = RunningExample.start("TimerBot", TimerBot::build)) {
            EmulatedUser dave = run.emulator.user("dave");
            EmulatedChat chat = dave.chatWith(run.bot);
            assertEquals("Timer successfully set!", run.answerTo(dave, "/set 3600"));
            ObjectNode endless = dave.sendText(run.bot, "/set inf");
            ObjectNode probe = dave.sendText(run.bot, "/unset");
            assertEquals("You have no active timer.",
                    RunningExample.assertSilentBefore(chat, endless, probe).path("text").asText());
        }
    }

    @Test
    void readsSecondsAsPythonsFloatDoes() {
        assertEquals(1000.0, TimerBot.parsePythonFloat("1_000"));
        assertEquals(0.5, TimerBot.parsePythonFloat(".5"));
        assertEquals(5.0, TimerBot.parsePythonFloat("5."));
        assertEquals(-2e-3, TimerBot.parsePythonFloat("-2E-3"));
        assertEquals(Double.POSITIVE_INFINITY, TimerBot.parsePythonFloat("+Infinity"));
        assertTrue(TimerBot.parsePythonFloat("NaN").isNaN());
        for (String bad : new String[] {"", ".", "e5", "1e", "_1", "1_", "0x1p3", "1f", "١", " 1"}) {
            assertNull(TimerBot.parsePythonFloat(bad), bad);
        }
    }
}
