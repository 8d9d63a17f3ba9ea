package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArbitraryCallbackDataBotTest {

    private static final String SORRY = "Sorry, I could not process this button click 😕 Please send /start to get a "
            + "new keyboard.";

    @TempDir
    Path dir;

    private RunningExample start() {
        Path file = dir.resolve("arbitrarycallbackdatabot.json");
        return RunningExample.start("ListBot", (token, base) -> ArbitraryCallbackDataBot.build(token, base, file));
    }

    @Test
    void eachPressAppendsItsNumberWithObjectsBehindOpaqueKeys() throws Exception {
        try (var run = start()) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);

            ObjectNode menu = run.say(alice, "/start");
            RecordedCall sent = run.next("sendMessage");
            assertEquals("Please choose:", sent.text());
            assertNull(sent.param("parse_mode"));
            assertNumberColumn(RunningExample.markup(sent));

            press(run, alice, menu, "3", "So far you've selected [3]. Choose the next item:");
            press(run, alice, menu, "1", "So far you've selected [3, 1]. Choose the next item:");
            press(run, alice, menu, "1", "So far you've selected [3, 1, 1]. Choose the next item:");
            assertEquals(1, chat.botMessages().size(), "presses edit, they send nothing");
        }
    }

    @Test
    void keyboardsAreIndependent() throws Exception {
        try (var run = start()) {
            EmulatedUser bob = run.emulator.user("bob");
            ObjectNode first = run.say(bob, "/start");
            run.next("sendMessage");
            ObjectNode second = run.say(bob, "/start");
            run.next("sendMessage");
            press(run, bob, first, "5", "So far you've selected [5]. Choose the next item:");
            press(run, bob, second, "2", "So far you've selected [2]. Choose the next item:");
            press(run, bob, first, "4", "So far you've selected [5, 4]. Choose the next item:");
        }
    }

    @Test
    void afterClearOldButtonsAreInvalid() throws Exception {
        try (var run = start()) {
            EmulatedUser carol = run.emulator.user("carol");
            ObjectNode fresh = run.say(carol, "/start");
            run.next("sendMessage");
            ObjectNode used = run.say(carol, "/start");
            run.next("sendMessage");
            press(run, carol, used, "2", "So far you've selected [2]. Choose the next item:");

            assertEquals("All clear!", run.answerTo(carol, "/clear"));
            assertNull(run.next("sendMessage").param("reply_markup"));

            press(run, carol, fresh, "1", SORRY);
            press(run, carol, used, "3", SORRY);
            assertTrue(carol.chatWith(run.bot).message(used.path("message_id").asLong()).orElseThrow()
                    .path("reply_markup").isMissingNode(), "the keyboard is gone");

            // A new keyboard works again.
            ObjectNode again = run.say(carol, "/start");
            run.next("sendMessage");
            press(run, carol, again, "4", "So far you've selected [4]. Choose the next item:");
        }
    }

    @Test
    void helpExplainsWithTheOriginalsTrailingSpace() throws Exception {
        try (var run = start()) {
            EmulatedUser dave = run.emulator.user("dave");
            assertEquals("Use /start to test this bot. Use /clear to clear the stored data so that you can see what "
                    + "happens, if the button data is not available. ", run.answerTo(dave, "/help"));
            RecordedCall help = run.next("sendMessage");
            assertEquals("Use /start to test this bot. Use /clear to clear the stored data so that you can see what "
                    + "happens, if the button data is not available. ", help.text());
            EmulatedChat chat = dave.chatWith(run.bot);
            ObjectNode silent = dave.sendText(run.bot, "3");
            ObjectNode probe = dave.sendText(run.bot, "/clear");
            assertEquals("All clear!", RunningExample.assertSilentBefore(chat, silent, probe).path("text").asText());
        }
    }

    @Test
    void buttonsKeepWorkingAfterARestart() throws Exception {
        try (var run = start()) {
            EmulatedUser erin = run.emulator.user("erin");
            EmulatedChat chat = erin.chatWith(run.bot);
            ObjectNode menu = run.say(erin, "/start");
            long menuId = menu.path("message_id").asLong();
            erin.pressButton(menu, dataOf(menu, "2"));
            RunningExample.awaitVersion(chat, menuId,
                    m -> m.path("text").asText().startsWith("So far you've selected [2]."));

            run.restart();
            ObjectNode current = chat.message(menuId).orElseThrow();
            erin.pressButton(current, dataOf(current, "5"));
            RunningExample.awaitVersion(chat, menuId,
                    m -> "So far you've selected [2, 5]. Choose the next item:".equals(m.path("text").asText()));
        }
    }

    /**
     * Presses the button showing {@code number} on the current version of {@code message}: the query is answered
     * without a notification and the message edited to {@code text} — with a new column of buttons, unless the data
     * was invalid (then without a keyboard).
     */
    private static void press(RunningExample run, EmulatedUser user, ObjectNode message, String number, String text)
            throws InterruptedException {
        EmulatedChat chat = user.chatWith(run.bot);
        ObjectNode current = chat.message(message.path("message_id").asLong()).orElseThrow();
        RecordedCall edit = run.pressEdits(user, current, dataOf(current, number), text);
        if (text.equals(SORRY)) {
            assertNull(edit.param("reply_markup"));
        } else {
            assertNumberColumn(RunningExample.markup(edit));
            Set<String> before = new HashSet<>(keysOf(current));
            keysOf(edit.param("reply_markup").path("inline_keyboard")).forEach(key ->
                    assertTrue(!before.contains(key), "new keys for the new keyboard"));
        }
    }

    /** Buttons 1 to 5 in a column, each with a distinct 64-hex key as callback data. */
    private static void assertNumberColumn(JsonNode markup) {
        JsonNode rows = markup.path("inline_keyboard");
        assertEquals(5, rows.size());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonNode row = rows.get(i);
            assertEquals(1, row.size());
            assertEquals(Integer.toString(i + 1), row.get(0).path("text").asText());
            String key = row.get(0).path("callback_data").asText();
            assertTrue(key.matches("[0-9a-f]{64}"), key);
            keys.add(key);
        }
        assertEquals(5, keys.size());
    }

    private static String dataOf(JsonNode message, String text) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (text.equals(button.path("text").asText())) {
                    return button.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("No button " + text + " on " + message);
    }

    private static List<String> keysOf(JsonNode messageOrKeyboard) {
        JsonNode rows = messageOrKeyboard.has("reply_markup")
                ? messageOrKeyboard.path("reply_markup").path("inline_keyboard") : messageOrKeyboard;
        List<String> keys = new ArrayList<>();
        rows.forEach(row -> row.forEach(button -> keys.add(button.path("callback_data").asText())));
        return keys;
    }
}
