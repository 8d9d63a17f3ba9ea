package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.api.types.Update;
import dev.telescale.bot.Defaults;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** replyText/replyHtml/answer/editMessageText and webhook replies, checked on what the emulator received. */
class ContextShortcutsTest {

    private EmulatorHarness h;
    private EmulatedUser alice;
    private Application<DefaultContext> app;

    @BeforeEach
    void setUp() {
        h = new EmulatorHarness();
        alice = h.emulator.user("alice");
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            if (app.isRunning()) {
                app.stop();
            }
            app.shutdown();
        }
        h.close();
    }

    private Application<DefaultContext> echoApp(Defaults defaults) {
        app = h.app(b -> {
            if (defaults != null) {
                b.defaults(defaults);
            }
        });
        app.initialize();
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> c.replyText("echo")));
        return app;
    }

    private RecordedCall sendAndAwaitReply(EmulatedChat chat) {
        alice.sendText(chat, "hi");
        app.processUpdate(h.single(app));
        return h.emulator.awaitCall("sendMessage", EmulatorHarness.WAIT);
    }

    @Test
    void repliesInPrivateChatsDoNotQuote() {
        echoApp(null);
        RecordedCall call = sendAndAwaitReply(alice.chatWith(h.bot));
        assertEquals("echo", call.text());
        assertEquals(Long.toString(alice.id()), call.chatId());
        assertTrue(call.param("reply_parameters") == null || call.param("reply_parameters").isMissingNode()
                || call.param("reply_parameters").isNull(), String.valueOf(call.param("reply_parameters")));
    }

    @Test
    void repliesInGroupsQuoteTheMessage() {
        echoApp(null);
        EmulatedChat group = h.emulator.group("g", alice).add(h.bot);
        alice.sendText(group, "hi");
        Update update = h.single(app);
        app.processUpdate(update);
        RecordedCall call = h.emulator.awaitCall("sendMessage", EmulatorHarness.WAIT);

        assertEquals(Long.toString(group.id()), call.chatId());
        SendMessage sent = call.as(SendMessage.class);
        assertEquals(update.message().orElseThrow().messageId(), sent.replyParameters().orElseThrow().messageId());
    }

    @Test
    void doQuoteDefaultsOverrideTheChatTypeRule() {
        echoApp(Defaults.builder().doQuote(true).build());
        SendMessage inPrivate = sendAndAwaitReply(alice.chatWith(h.bot)).as(SendMessage.class);
        assertTrue(inPrivate.replyParameters().isPresent());
        app.shutdown();

        echoApp(Defaults.builder().doQuote(false).build());
        EmulatedChat group = h.emulator.group("g2", alice).add(h.bot);
        SendMessage inGroup = sendAndAwaitReply(group).as(SendMessage.class);
        assertFalse(inGroup.replyParameters().isPresent());
    }

    @Test
    void replyHtmlSetsTheParseModeAndOptionsCanOverride() {
        app = h.app(b -> { });
        app.initialize();
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> c.replyHtml("<b>x</b>", b -> b.protectContent(true))));
        RecordedCall call = sendAndAwaitReply(alice.chatWith(h.bot));
        assertEquals("HTML", call.string("parse_mode"));
        assertTrue(call.as(SendMessage.class).protectContent());
    }

    @Test
    void answerAndEditMessageTextOnACallbackQuery() {
        app = h.app(b -> { });
        app.initialize();
        ObjectNode hi = alice.sendText(h.bot, "menu");
        h.fetch(app);
        Long chatId = alice.chatWith(h.bot).id();
        var menu = app.bot().sendMessage(SendMessage.builder().chatId(chatId).text("Pick")
                .replyMarkup(InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(
                        InlineKeyboardButton.builder().text("A").callbackData("pick:a").build()))).build())
                .build());
        app.addHandler(new CallbackQueryHandler<DefaultContext>((u, c) -> {
            c.answer("picked " + c.match().orElseThrow().group(1));
            c.editMessageText("You picked " + c.match().orElseThrow().group(1));
        }).pattern("pick:(\\w)"));

        ObjectNode message = alice.chatWith(h.bot).message(menu.messageId()).orElseThrow();
        ObjectNode query = alice.pressButton(message, "pick:a");
        app.processUpdate(h.single(app));

        JsonNode answer = h.bot.callbackAnswer(query.get("id").asText()).orElseThrow();
        assertEquals("picked a", answer.path("text").asText());
        assertEquals("You picked a", alice.chatWith(h.bot).message(menu.messageId()).orElseThrow()
                .path("text").asText());
        assertTrue(hi.has("message_id"));
    }

    @Test
    void shortcutsWithoutTheRightUpdateFailClearly() {
        app = h.app(b -> { });
        app.initialize();
        AtomicReference<Throwable> error = new AtomicReference<>();
        app.addHandler(new dev.telescale.core.handler.TypeHandler<>(String.class, (s, c) -> c.replyText("x")));
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> c.answer()), 1);
        app.addErrorHandler((u, c) -> error.set(c.error().orElseThrow()));

        app.processUpdate("custom");
        assertTrue(error.get().getMessage().contains("replyText needs an update with a message"),
                error.get().getMessage());
        alice.sendText(h.bot, "x");
        app.processUpdate(h.single(app));
        assertTrue(error.get().getMessage().contains("answer needs a callback query update; this one is an update of "
                + "type message"), error.get().getMessage());
    }

    @Test
    void theFirstWebhookReplyGoesIntoTheResponseAndLaterOnesAreNormalCalls() throws Exception {
        app = h.app(b -> { });
        app.initialize();
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            boolean first = c.replyViaWebhook(SendMessage.builder().chatId(c.chatId().getAsLong()).text("one").build());
            boolean second = c.replyViaWebhook(SendMessage.builder().chatId(c.chatId().getAsLong()).text("two")
                    .build());
            c.chatData().put("result", first + "/" + second);
        }));
        app.start();
        alice.sendText(h.bot, "x");
        Update update = h.single(app);

        Optional<dev.telescale.api.ApiMethod<?>> reply = app.submitForReply(update).get(20, TimeUnit.SECONDS);

        assertEquals("one", ((SendMessage) reply.orElseThrow()).text());
        assertEquals("two", h.emulator.awaitCall("sendMessage", EmulatorHarness.WAIT).text());
        h.emulator.clearCalls();
        // The future completes as soon as the reply is given, before the handler ends: wait for the handler.
        EmulatorHarness.await("the handler to finish", () -> !app.data().allChatData().isEmpty()
                && ((java.util.Map<?, ?>) app.data().allChatData().values().iterator().next()).containsKey("result"));
        assertEquals("true/false", app.data().allChatData().values().stream()
                .map(m -> ((java.util.Map<?, ?>) m).get("result")).findFirst().orElseThrow());
    }

    @Test
    void aReturnedMethodIsTheWebhookReplyAndNoReplyCompletesEmpty() throws Exception {
        app = h.app(b -> { });
        app.initialize();
        app.addHandler(MessageHandler.returning(Filters.regex("^reply"), (u, c) ->
                SendMessage.builder().chatId(c.chatId().getAsLong()).text("returned").build()));
        app.start();
        alice.sendText(h.bot, "reply please");
        alice.sendText(h.bot, "silence");
        List<Update> updates = h.fetch(app);

        assertEquals("returned", ((SendMessage) app.submitForReply(updates.get(0)).get(20, TimeUnit.SECONDS)
                .orElseThrow()).text());
        assertEquals(Optional.empty(), app.submitForReply(updates.get(1)).get(20, TimeUnit.SECONDS));
        assertTrue(h.emulator.calls("sendMessage").isEmpty(), "nothing was sent separately");
    }

    @Test
    void aReplyAfterTheSourceStoppedWaitingIsSentAsANormalCall() throws Exception {
        app = h.app(b -> { });
        app.initialize();
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            cancelled.await();
            assertFalse(c.replyViaWebhook(SendMessage.builder().chatId(c.chatId().getAsLong()).text("late").build()));
        }));
        app.start();
        alice.sendText(h.bot, "x");
        CompletableFuture<Optional<dev.telescale.api.ApiMethod<?>>> future = app.submitForReply(h.single(app));
        assertTrue(future.cancel(false));
        cancelled.countDown();

        assertEquals("late", h.emulator.awaitCall("sendMessage", EmulatorHarness.WAIT).text());
    }

    @Test
    void theNonBlockingSubmitsQueueWhileThereIsRoomAndReportAFullQueue() throws Exception {
        app = h.app(b -> b.updateQueueCapacity(1));
        app.initialize();
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            assertTrue(c.replyViaWebhook(SendMessage.builder().chatId(c.chatId().getAsLong()).text("fast").build()));
        }));
        alice.sendText(h.bot, "x");
        Update update = h.single(app);
        // Not started: nothing takes from the queue, so its one place stays filled.
        CompletableFuture<Optional<dev.telescale.api.ApiMethod<?>>> future = app.trySubmitForReply(update);
        assertTrue(future != null, "queued while there was room");
        assertEquals(null, app.trySubmitForReply(update), "full: not queued, and no blocking");
        assertFalse(app.trySubmit(update));
        app.start();
        assertEquals("fast", ((SendMessage) future.get(20, TimeUnit.SECONDS).orElseThrow()).text());
        app.stop();
        assertThrows(IllegalStateException.class, () -> app.trySubmit(update));
        assertThrows(IllegalStateException.class, () -> app.trySubmitForReply(update));
    }
}
