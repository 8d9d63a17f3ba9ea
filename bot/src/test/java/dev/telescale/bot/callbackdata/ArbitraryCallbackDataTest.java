package dev.telescale.bot.callbackdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.ChatId;
import dev.telescale.api.InputFile;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.AnswerInlineQuery;
import dev.telescale.api.methods.EditMessageReplyMarkup;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.methods.SendPhoto;
import dev.telescale.api.types.CallbackQuery;
import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.api.types.InlineQueryResultArticle;
import dev.telescale.api.types.InputTextMessageContent;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.bot.Bot;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Arbitrary callback data end to end: keyboards sent to the emulator over HTTP, pressed by a user, resolved. */
class ArbitraryCallbackDataTest {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** An author's own type on a button. */
    record Vote(String poll, boolean yes, List<Integer> weights) {
    }

    BotApiEmulator emulator;
    EmulatedBot emulated;
    EmulatedUser alice;
    EmulatedChat chat;
    Bot bot;
    long offset;

    @BeforeEach
    void start() {
        emulator = BotApiEmulator.start();
        emulated = emulator.createBot("ButtonBot");
        alice = emulator.user("alice");
        chat = alice.chatWith(emulated);
        bot = build(Bot.builder().arbitraryCallbackData(true));
    }

    Bot build(Bot.Builder b) {
        return b.token(emulated.token()).apiBaseUrl(emulator.serverUrl()).fileBaseUrl(emulator.serverUrl() + "file")
                .build();
    }

    @AfterEach
    void stop() {
        bot.shutdown();
        emulator.close();
    }

    static InlineKeyboardMarkup keyboard(InlineKeyboardButton... row) {
        return InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(row))).build();
    }

    Message send(Bot sender, InlineKeyboardMarkup markup) {
        return sender.execute(SendMessage.builder().chatId(alice.id()).text("choose").replyMarkup(markup).build());
    }

    /** The keys of the keyboard as the emulator stored the message. */
    List<String> keysOf(Message m) {
        List<String> keys = new ArrayList<>();
        for (JsonNode row : stored(m).path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                keys.add(button.path("callback_data").asText());
            }
        }
        return keys;
    }

    ObjectNode stored(Message m) {
        return chat.message(m.messageId()).orElseThrow();
    }

    /** Alice presses the button; the bot receives the query through getUpdates. */
    CallbackQuery press(Message m, String key) {
        alice.pressButton(stored(m), key);
        return receive().callbackQuery().orElseThrow();
    }

    Update receive() {
        List<Update> updates = bot.getUpdates(b -> b.offset(offset).timeout(5L));
        assertEquals(1, updates.size(), updates.toString());
        offset = updates.get(0).updateId() + 1;
        return updates.get(0);
    }

    @Test
    void anObjectOnAButtonComesBackWhenThePressedQueryIsResolved() {
        Vote yes = new Vote("lunch", true, List.of(1, 2, 3));
        Vote no = new Vote("lunch", false, List.of());
        Message m = send(bot, keyboard(CallbackData.button("Yes", yes), CallbackData.button("No", no),
                InlineKeyboardButton.builder().text("Plain").callbackData("plain-string").build(),
                InlineKeyboardButton.builder().text("Docs").url("https://example.org").build()));

        List<String> keys = keysOf(m);
        assertTrue(KEY.matcher(keys.get(0)).matches(), keys.toString());
        assertTrue(KEY.matcher(keys.get(1)).matches(), keys.toString());
        assertTrue(KEY.matcher(keys.get(2)).matches(), "string data is sent as a key too: " + keys);
        assertEquals("", keys.get(3), "a url button has no callback_data");
        assertEquals(keys.get(0).substring(0, 32), keys.get(1).substring(0, 32), "one keyboard id per keyboard");
        assertNotEquals(keys.get(0).substring(32), keys.get(1).substring(32), "one button id per button");

        assertEquals(yes, bot.callbackData(press(m, keys.get(0))));
        assertEquals(no, bot.callbackData(press(m, keys.get(1))));
        assertEquals("plain-string", bot.callbackData(press(m, keys.get(2))));
        assertEquals(1, bot.callbackDataCache().orElseThrow().size());
    }

    @Test
    void withFeatureOffDataIsTheStringAndObjectButtonsAreRefusedBeforeSending() {
        Bot plain = build(Bot.builder());
        try {
            Message m = send(plain, keyboard(InlineKeyboardButton.builder().text("A").callbackData("a").build()));
            assertEquals(List.of("a"), keysOf(m), "sent unchanged");
            emulator.clearCalls();
            CallbackQuery q = TelegramJson.parse(alice.pressButton(stored(m), "a").toString(), CallbackQuery.class);
            assertEquals("a", plain.callbackData(q));
            assertTrue(plain.callbackDataCache().isEmpty());

            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> send(plain, keyboard(CallbackData.button("Obj", new Vote("p", true, List.of())))));
            assertTrue(e.getMessage().contains("arbitraryCallbackData(true)"), e.getMessage());
            assertTrue(emulator.calls("sendMessage").isEmpty(), "nothing was sent");

            IllegalStateException off = assertThrows(IllegalStateException.class, () -> plain.dropCallbackData(q));
            assertTrue(off.getMessage().contains("arbitraryCallbackData"), off.getMessage());
            assertThrows(IllegalStateException.class, plain::clearCallbackData);
            assertThrows(IllegalStateException.class, plain::clearCallbackQueries);
            assertThrows(IllegalStateException.class, () -> plain.clearCallbackData(Instant.now()));
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void theLeastRecentlyUsedKeyboardIsEvictedAndItsButtonsBecomeInvalid() {
        Bot small = build(Bot.builder().arbitraryCallbackData(2));
        try {
            Message first = send(small, keyboard(CallbackData.button("1", 1)));
            Message second = send(small, keyboard(CallbackData.button("2", 2)));
            String secondKey = keysOf(second).get(0);
            // Resolving the second keyboard makes the first the least recently used.
            assertEquals(2, small.callbackDataCache().orElseThrow().resolve(secondKey));
            Message third = send(small, keyboard(CallbackData.button("3", 3)));

            CallbackQuery old = TelegramJson.parse(alice.pressButton(stored(first), keysOf(first).get(0)).toString(),
                    CallbackQuery.class);
            InvalidCallbackData invalid = assertInstanceOf(InvalidCallbackData.class, small.callbackData(old));
            assertEquals(keysOf(first).get(0), invalid.callbackData());
            assertEquals("The object belonging to this callback_data was deleted or the callback_data was "
                    + "manipulated.", invalid.message());
            assertEquals(2, small.callbackDataCache().orElseThrow().resolve(secondKey));
            assertEquals(3, small.callbackDataCache().orElseThrow().resolve(keysOf(third).get(0)));
            assertEquals(2, small.callbackDataCache().orElseThrow().size());
        } finally {
            small.shutdown();
        }
    }

    @Test
    void hostileDataResolvesToInvalidCallbackDataWithTheRawString() {
        Message m = send(bot, keyboard(CallbackData.button("ok", "ok")));
        String real = keysOf(m).get(0);
        String[] hostile = {
            "", "x", "short", real.substring(0, 63), real + "0", real.toUpperCase(), "g".repeat(64),
            "0".repeat(64), real.substring(0, 32) + "0".repeat(32), "0".repeat(32) + real.substring(32),
            "ü".repeat(32), "../../etc/passwd", "{\"a\":1}", " " + real.substring(1), "\u0000".repeat(64)
        };
        for (String data : hostile) {
            ObjectNode update = TelegramJson.mapper().createObjectNode();
            ObjectNode query = update.putObject("callback_query");
            query.put("id", "q-" + data.hashCode());
            query.set("from", alice.user());
            query.put("chat_instance", "1");
            query.put("data", data);
            emulator.injectUpdate(emulated, update);
            CallbackQuery received = receive().callbackQuery().orElseThrow();
            InvalidCallbackData invalid = assertInstanceOf(InvalidCallbackData.class, bot.callbackData(received),
                    "data " + data);
            assertEquals(data, invalid.callbackData());
            assertThrows(NoSuchElementException.class, () -> bot.dropCallbackData(received), data);
        }
        assertEquals("ok", bot.callbackDataCache().orElseThrow().resolve(real), "the real key still works");
    }

    @Test
    void aQueryWithoutDataResolvesToNull() {
        CallbackQuery game = CallbackQuery.builder().id("g").from(TelegramJson.parse(alice.user().toString(),
                dev.telescale.api.types.User.class)).chatInstance("1").gameShortName("tetris").build();
        assertNull(bot.callbackData(game));
        assertThrows(NoSuchElementException.class, () -> bot.dropCallbackData(game));
    }

    @Test
    void droppingAQueryRemovesItsKeyboardAndASecondDropFails() {
        Message m = send(bot, keyboard(CallbackData.button("a", "A"), CallbackData.button("b", "B")));
        Message other = send(bot, keyboard(CallbackData.button("c", "C")));
        CallbackQuery q = press(m, keysOf(m).get(1));
        assertEquals("B", bot.callbackData(q));
        bot.dropCallbackData(q);
        assertInstanceOf(InvalidCallbackData.class, bot.callbackData(q));
        assertInstanceOf(InvalidCallbackData.class, bot.callbackDataCache().orElseThrow().resolve(keysOf(m).get(0)),
                "the whole keyboard is gone");
        NoSuchElementException again = assertThrows(NoSuchElementException.class, () -> bot.dropCallbackData(q));
        assertTrue(again.getMessage().contains("not found"), again.getMessage());

        // A query never resolved is dropped by the key in its data.
        CallbackQuery unresolved = press(other, keysOf(other).get(0));
        bot.dropCallbackData(unresolved);
        assertInstanceOf(InvalidCallbackData.class, bot.callbackData(unresolved));
    }

    @Test
    void clearingKeyboardsAndQueries() {
        Message m = send(bot, keyboard(CallbackData.button("a", "A")));
        CallbackQuery q = press(m, keysOf(m).get(0));
        assertEquals("A", bot.callbackData(q));
        bot.clearCallbackQueries();
        bot.dropCallbackData(q); // still found through the key in its data
        Message n = send(bot, keyboard(CallbackData.button("b", "B")));
        bot.clearCallbackData(Instant.now().minusSeconds(3600));
        assertEquals("B", bot.callbackDataCache().orElseThrow().resolve(keysOf(n).get(0)), "recent keyboards stay");
        bot.clearCallbackData(Instant.now().plusSeconds(1));
        assertInstanceOf(InvalidCallbackData.class, bot.callbackDataCache().orElseThrow().resolve(keysOf(n).get(0)));
        Message o = send(bot, keyboard(CallbackData.button("c", "C")));
        bot.clearCallbackData();
        assertInstanceOf(InvalidCallbackData.class, bot.callbackDataCache().orElseThrow().resolve(keysOf(o).get(0)));
        assertEquals(0, bot.callbackDataCache().orElseThrow().size());
    }

    @Test
    void keyboardsOfEditsUploadsAndInlineResultsAreRewrittenToo() {
        Message m = send(bot, keyboard(CallbackData.button("a", "A")));
        bot.execute(EditMessageReplyMarkup.builder().chatId(alice.id()).messageId(m.messageId())
                .replyMarkup(keyboard(CallbackData.button("edited", new Vote("e", true, List.of(7))))).build());
        String editedKey = emulator.awaitCall("editMessageReplyMarkup", WAIT).param("reply_markup")
                .path("inline_keyboard").path(0).path(0).path("callback_data").asText();
        assertTrue(KEY.matcher(editedKey).matches(), editedKey);
        assertEquals(new Vote("e", true, List.of(7)), bot.callbackData(press(m, editedKey)));

        bot.execute(SendPhoto.builder().chatId(alice.id()).photo(InputFile.of(new byte[] {1, 2, 3}, "p.jpg"))
                .replyMarkup(keyboard(CallbackData.button("photo", 42L))).build());
        RecordedCall photo = emulator.awaitCall("sendPhoto", WAIT);
        String photoKey = photo.param("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data")
                .asText();
        assertEquals(42L, bot.callbackDataCache().orElseThrow().resolve(photoKey), "multipart request");

        String inlineQueryId = alice.inlineQuery(emulated, "x").path("id").asText();
        receive();
        bot.execute(AnswerInlineQuery.builder().inlineQueryId(inlineQueryId).results(List.of(
                InlineQueryResultArticle.builder().id("r1").title("one")
                        .inputMessageContent(InputTextMessageContent.builder().messageText("1").build())
                        .replyMarkup(keyboard(CallbackData.button("r1", "first"))).build(),
                InlineQueryResultArticle.builder().id("r2").title("two")
                        .inputMessageContent(InputTextMessageContent.builder().messageText("2").build())
                        .replyMarkup(keyboard(CallbackData.button("r2", "second"))).build())).build());
        JsonNode results = emulator.awaitCall("answerInlineQuery", WAIT).param("results");
        String k1 = results.path(0).path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data")
                .asText();
        String k2 = results.path(1).path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data")
                .asText();
        assertNotEquals(k1.substring(0, 32), k2.substring(0, 32), "each result's keyboard has its own id");
        assertEquals("first", bot.callbackDataCache().orElseThrow().resolve(k1));
        assertEquals("second", bot.callbackDataCache().orElseThrow().resolve(k2));
    }

    @Test
    void aKeyboardSentAgainAsReceivedKeepsItsObjects() {
        Vote v = new Vote("again", false, List.of(9));
        Message m = send(bot, keyboard(CallbackData.button("v", v)));
        InlineKeyboardMarkup received = m.replyMarkup().orElseThrow();
        Message copy = send(bot, received);
        String key = keysOf(copy).get(0);
        assertNotEquals(keysOf(m).get(0), key, "a new keyboard id");
        assertEquals(v, bot.callbackData(press(copy, key)));
    }

    @Test
    void aRawJsonKeyboardIsRewritten() throws Exception {
        JsonNode raw = TelegramJson.mapper().readTree(
                "{\"inline_keyboard\":[[{\"text\":\"raw\",\"callback_data\":\"from-json\"}]]}");
        InlineKeyboardMarkup markup = TelegramJson.parse(raw.toString(), InlineKeyboardMarkup.class);
        Message m = send(bot, markup);
        assertEquals("from-json", bot.callbackData(press(m, keysOf(m).get(0))));
    }

    @Test
    void buttonsCarryTheirObjectUntilSent() {
        Vote v = new Vote("p", true, List.of());
        InlineKeyboardButton b = CallbackData.button("v", v);
        assertEquals(v, CallbackData.objectOf(b).orElseThrow());
        assertTrue(b.callbackData().isEmpty());
        assertTrue(b.toString().contains("CallbackData[Vote[poll=p"), b.toString());
        assertEquals(b, CallbackData.button("v", new Vote("p", true, List.of())), "buttons are values");
        InlineKeyboardButton styled = InlineKeyboardButton.builder().text("s").callbackData("old").style("danger")
                .build();
        InlineKeyboardButton replaced = CallbackData.withData(styled, 5);
        assertEquals("danger", replaced.style().orElseThrow());
        assertTrue(replaced.callbackData().isEmpty());
        assertEquals(5, CallbackData.objectOf(replaced).orElseThrow());
        assertTrue(CallbackData.objectOf(styled).isEmpty());
        assertThrows(NullPointerException.class, () -> CallbackData.button("x", null));
        assertThrows(IllegalArgumentException.class, () -> Bot.builder().arbitraryCallbackData(0));
        assertThrows(IllegalArgumentException.class, () -> Bot.builder().arbitraryCallbackData(-5));
    }

    @Test
    void manyThreadsSendAndResolveAtOnce() throws Exception {
        Bot bounded = build(Bot.builder().arbitraryCallbackData(64));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        Vote v = new Vote("t" + thread, i % 2 == 0, List.of(thread, i));
                        Message m = send(bounded, keyboard(CallbackData.button("v", v)));
                        String key = keysOf(m).get(0);
                        Object resolved = bounded.callbackDataCache().orElseThrow().resolve(key);
                        // Another thread may have evicted it already; it is never someone else's object.
                        if (!(resolved instanceof InvalidCallbackData)) {
                            assertEquals(v, resolved);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            bounded.shutdown();
        }
        assertTrue(bounded.callbackDataCache().orElseThrow().size() <= 64);
    }

    @Test
    void aSnapshotSurvivesJsonAndRestoresIntoANewBot() throws Exception {
        Vote v = new Vote("persist", true, List.of(4, 5));
        Message m = send(bot, keyboard(CallbackData.button("v", v), CallbackData.button("s", "str"),
                CallbackData.button("n", 12345678901L)));
        List<String> keys = keysOf(m);
        CallbackQuery q = press(m, keys.get(0));
        assertEquals(v, bot.callbackData(q));

        ObjectMapper storeMapper = new ObjectMapper();
        String json = storeMapper.writeValueAsString(bot.callbackDataCache().orElseThrow().snapshot());
        CallbackDataSnapshot read = storeMapper.readValue(json, CallbackDataSnapshot.class);

        Bot restarted = build(Bot.builder().arbitraryCallbackData(true));
        try {
            restarted.callbackDataCache().orElseThrow().restore(read);
            assertEquals(v, restarted.callbackData(q));
            assertEquals("str", restarted.callbackDataCache().orElseThrow().resolve(keys.get(1)));
            assertEquals(12345678901L, restarted.callbackDataCache().orElseThrow().resolve(keys.get(2)));
            restarted.dropCallbackData(q);
            assertInstanceOf(InvalidCallbackData.class, restarted.callbackData(q));
        } finally {
            restarted.shutdown();
        }
    }
}
