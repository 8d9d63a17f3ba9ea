package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.bot.callbackdata.CallbackData;
import dev.telescale.bot.ratelimit.RateLimitedCall;
import dev.telescale.bot.ratelimit.RateLimiter;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.updater.WebhookOptions;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reply in the webhook response does not go through the Bot, so the application applies the Bot's layers to it:
 * with arbitrary callback data its keyboards carry cache keys, and with a rate limiter it is sent as a normal call
 * (a reply in the response cannot be paced). Driven end to end by the emulator's webhook deliveries.
 */
class WebhookReplyLayersTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The object on the button. */
    record Pick(String what, int n) {
    }

    private BotApiEmulator emulator;
    private EmulatedBot account;
    private EmulatedUser alice;
    private Application<DefaultContext> app;

    @BeforeEach
    void setUp() {
        emulator = BotApiEmulator.start();
        account = emulator.createBot("LayersBot");
        alice = emulator.user("alice");
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.updater().orElseThrow().stop();
            app.stop();
            app.shutdown();
        }
        emulator.close();
    }

    private Application<DefaultContext> startWebhook(Consumer<ApplicationBuilder<DefaultContext>> options) {
        ApplicationBuilder<DefaultContext> b = Application.builder().token(account.token())
                .apiBaseUrl(emulator.apiBaseUrl()).shutdownHook(false);
        options.accept(b);
        app = b.build();
        return app;
    }

    private void run() {
        app.initialize();
        app.start();
        app.updater().orElseThrow().startWebhook(WebhookOptions.builder().port(0).urlPath("/hook")
                .secretToken("s3cret").replyWait(WAIT).build());
        emulator.awaitCall("setWebhook", WAIT);
    }

    private static SendMessage menu(long chatId) {
        return SendMessage.builder().chatId(chatId).text("Pick one").replyMarkup(InlineKeyboardMarkup.builder()
                .inlineKeyboard(List.of(List.of(CallbackData.button("Cake", new Pick("cake", 2))))).build()).build();
    }

    @Test
    void aWebhookReplysKeyboardGetsCacheKeysAndThePressedButtonResolvesToItsObject() throws Exception {
        LinkedBlockingQueue<Boolean> inResponse = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Object> pressed = new LinkedBlockingQueue<>();
        startWebhook(b -> b.arbitraryCallbackData(true));
        app.addHandler(new CommandHandler<>("menu", (u, c) ->
                inResponse.add(c.replyViaWebhook(menu(c.effectiveChat().orElseThrow().id())))));
        app.addHandler(new CallbackQueryHandler<>((u, c) -> pressed.add(c.callbackData().orElseThrow())));
        run();

        alice.sendText(account, "/menu");
        RecordedCall sent = emulator.awaitCall("sendMessage", WAIT);

        assertEquals(true, inResponse.poll(WAIT.toSeconds(), TimeUnit.SECONDS),
                "the reply travelled in the webhook response");
        String key = sent.param("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText();
        assertTrue(key.matches("[0-9a-f]{64}"), "a cache key, not the object: " + key);
        JsonNode message = alice.chatWith(account).lastMessage().orElseThrow();
        alice.pressButton(message, key);
        assertEquals(new Pick("cake", 2), pressed.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void withARateLimiterAReplyIsSentAsANormalCallThroughTheLimiter() throws Exception {
        List<String> limited = new CopyOnWriteArrayList<>();
        RateLimiter counting = new RateLimiter() {
            @Override
            public <T> T process(RateLimitedCall<T> call) {
                limited.add(call.method());
                return call.execute();
            }
        };
        LinkedBlockingQueue<Boolean> inResponse = new LinkedBlockingQueue<>();
        startWebhook(b -> b.rateLimiter(counting));
        app.addHandler(new CommandHandler<>("menu", (u, c) -> inResponse.add(c.replyViaWebhook(SendMessage.builder()
                .chatId(c.effectiveChat().orElseThrow().id()).text("paced").build()))));
        app.addHandler(CommandHandler.returning("ret", (u, c) -> SendMessage.builder()
                .chatId(c.effectiveChat().orElseThrow().id()).text("returned").build()));
        run();

        alice.sendText(account, "/menu");
        assertEquals("paced", emulator.awaitCall("sendMessage", WAIT).text());
        alice.sendText(account, "/ret");
        assertEquals("returned", emulator.awaitCall("sendMessage", c -> c.text().equals("returned"), WAIT).text());

        assertEquals(false, inResponse.poll(WAIT.toSeconds(), TimeUnit.SECONDS), "not in the response");
        assertEquals(2, limited.stream().filter("sendMessage"::equals).count(), limited.toString());
    }

    @Test
    void submitForReplyWithARateLimiterAnswersAtOnceWithoutAReply() throws Exception {
        startWebhook(b -> b.noUpdater().rateLimiter(new RateLimiter() {
            @Override
            public <T> T process(RateLimitedCall<T> call) {
                return call.execute();
            }
        }));
        app.initialize();
        var future = app.submitForReply(EmulatorHarness.update("{\"update_id\":1}"));
        assertTrue(future.isDone());
        assertFalse(future.get().isPresent());
        app.shutdown();
        app = null;
    }
}
