package dev.telescale.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.methods.GetUpdates;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.bot.callbackdata.CallbackData;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import dev.telescale.bot.callbackdata.InvalidCallbackData;
import dev.telescale.core.Application;
import dev.telescale.core.ContextTypes;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arbitrary callback data across a restart: the application restores the bot's cache from its persistence at
 * initialize and writes it on each run, so a button sent before the restart resolves to its object after it.
 */
class CallbackDataPersistenceTest {

    /** The object on the button: a record holding a list, as PTB's arbitrarycallbackdatabot puts lists. */
    record Choice(int number, List<Integer> selected) {
    }

    @TempDir
    Path dir;
    private BotApiEmulator emulator;
    private EmulatedBot bot;
    private EmulatedUser alice;
    private long offset;

    @BeforeEach
    void setUp() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("CacheBot");
        alice = emulator.user("alice");
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    private Application<DefaultContext> app(Path file, StoreData storeData) {
        return Application.builder().token(bot.token()).apiBaseUrl(emulator.apiBaseUrl()).noUpdater()
                .shutdownHook(false).arbitraryCallbackData(true)
                .contextTypes(ContextTypes.defaults(), JsonFilePersistence.builder(file).storeData(storeData).build())
                .build();
    }

    /** The first run: sends a keyboard with an object on its button, then shuts down (the final write). */
    private JsonNode sendMenuAndStop(Path file, StoreData storeData) {
        Application<DefaultContext> first = app(file, storeData);
        first.initialize();
        alice.sendText(bot, "hi");
        long chat = alice.chatWith(bot).id();
        Message menu = first.bot().sendMessage(SendMessage.builder().chatId(chat).text("Pick")
                .replyMarkup(InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(
                        CallbackData.button("3", new Choice(3, List.of(1, 2)))))).build())
                .build());
        first.shutdown();
        return alice.chatWith(bot).message(menu.messageId()).orElseThrow();
    }

    private List<Object> pressAfterRestart(Path file, StoreData storeData, JsonNode menu) {
        Application<DefaultContext> second = app(file, storeData);
        List<Object> seen = new CopyOnWriteArrayList<>();
        second.addHandler(new CallbackQueryHandler<>((u, c) -> seen.add(c.callbackData().orElseThrow())));
        second.initialize();
        String key = menu.path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText();
        alice.pressButton(menu, key);
        for (Update u : pending(second)) {
            second.processUpdate(u);
        }
        second.shutdown();
        return seen;
    }

    private List<Update> pending(Application<?> app) {
        List<Update> updates = app.bot().getUpdates(GetUpdates.builder().offset(offset).timeout(0L).build());
        if (!updates.isEmpty()) {
            offset = updates.getLast().updateId() + 1;
        }
        return updates.stream().filter(u -> u.callbackQuery().isPresent()).toList();
    }

    @Test
    void aButtonPressedAfterARestartResolvesToTheOriginalObject() throws Exception {
        Path file = dir.resolve("state.json");
        JsonNode menu = sendMenuAndStop(file, StoreData.ALL);
        assertTrue(Files.readString(file).contains("\"callbackData\""), "the shutdown run wrote the cache");

        List<Object> seen = pressAfterRestart(file, StoreData.ALL, menu);

        assertEquals(List.of(new Choice(3, List.of(1, 2))), seen);
    }

    @Test
    void withCallbackDataNotStoredTheButtonIsInvalidAfterARestart() throws Exception {
        Path file = dir.resolve("state.json");
        StoreData noCallbackData = StoreData.ALL.withCallbackData(false);
        JsonNode menu = sendMenuAndStop(file, noCallbackData);
        assertFalse(Files.readString(file).contains("\"callbackData\""), "nothing written");

        List<Object> seen = pressAfterRestart(file, noCallbackData, menu);

        assertEquals(1, seen.size());
        assertInstanceOf(InvalidCallbackData.class, seen.get(0));
    }

    @Test
    void aStoredCacheThatCannotBeRestoredFailsInitializeNamingTheProblem() throws Exception {
        Path file = dir.resolve("state.json");
        var store = JsonFilePersistence.builder(file).build();
        store.updateCallbackData(new CallbackDataSnapshot(List.of(),
                Map.of("query", "not-a-keyboard-id")));
        Application<DefaultContext> app = app(file, StoreData.ALL);
        PersistenceException e = assertThrows(PersistenceException.class,
                app::initialize);
        assertTrue(e.getMessage().contains("getCallbackData") && e.getMessage().contains("not-a-keyboard-id"),
                e.getMessage());
        assertFalse(app.isInitialized());
        app.shutdown();
    }
}
