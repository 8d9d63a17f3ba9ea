package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.testkit.EmulatedUser;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code context.callbackData()}: the pressed button's data as the bot resolves it, empty for other updates. */
class CallbackContextDataTest {

    private EmulatorHarness h;
    private EmulatedUser alice;
    private Application<DefaultContext> app;
    private final List<Optional<Object>> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        h = new EmulatorHarness();
        alice = h.emulator.user("alice");
        app = h.app(b -> { });
        app.initialize();
        app.addHandler(new CallbackQueryHandler<>((u, c) -> seen.add(c.callbackData())));
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> seen.add(c.callbackData())));
    }

    @AfterEach
    void tearDown() {
        app.shutdown();
        h.close();
    }

    @Test
    void aPressedButtonsDataIsInTheContextAndOtherUpdatesHaveNone() {
        alice.sendText(h.bot, "hello");
        app.processUpdate(h.single(app));
        var menu = app.bot().sendMessage(SendMessage.builder().chatId(alice.chatWith(h.bot).id()).text("Pick")
                .replyMarkup(InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(
                        InlineKeyboardButton.builder().text("A").callbackData("pick:a").build()))).build())
                .build());

        alice.pressButton(alice.chatWith(h.bot).message(menu.messageId()).orElseThrow(), "pick:a");
        app.processUpdate(h.single(app));

        assertEquals(List.of(Optional.empty(), Optional.of("pick:a")), seen);
    }

    @Test
    void aGameQueryWithoutDataHasNone() {
        app.processUpdate(EmulatorHarness.update("""
                {"update_id":1,"callback_query":{"id":"1","from":{"id":5,"is_bot":false,"first_name":"u"},
                 "chat_instance":"ci","inline_message_id":"AAE","game_short_name":"g"}}"""));

        assertEquals(List.of(Optional.empty()), seen);
    }
}
