package dev.telescale.examples;

import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.api.types.LinkPreviewOptions;
import dev.telescale.bot.text.DeepLinks;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CommandHandler;
import java.util.List;

/**
 * Telegram's deep-linking parameters (PTB's {@code deeplinking.py}): {@code /start} gives a link that adds the bot to
 * a group with a payload; each payload leads to the next level — a URL button back to the private chat, an HTML link
 * without preview, a callback button whose answer opens the last link — and the last level shows the payload.
 *
 * <p>The last level prints the command's arguments as a Java list ({@code [using-keyboard-here]}) where Python prints
 * its list repr ({@code ['using-keyboard-here']}).
 */
public final class DeepLinkingBot {

    static final String CHECK_THIS_OUT = "check-this-out";
    static final String USING_ENTITIES = "using-entities-here";
    static final String USING_KEYBOARD = "using-keyboard-here";
    static final String SO_COOL = "so-cool";
    /** Callback data of the button of the third level. */
    static final String KEYBOARD_CALLBACKDATA = "keyboard-callback-data";

    private DeepLinkingBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        // The payload handlers come before the plain /start: in a group only the first matching handler runs.
        app.addHandler(new CommandHandler<DefaultContext>("start", (update, context) -> context.replyText(
                "Awesome, you just accessed hidden functionality! Now let's get back to the private chat.",
                b -> b.replyMarkup(InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(
                        InlineKeyboardButton.builder().text("Continue here!")
                                .url(DeepLinks.start(username(context), SO_COOL)).build()))).build())))
                .filter(Filters.regex(CHECK_THIS_OUT)));
        app.addHandler(new CommandHandler<DefaultContext>("start", (update, context) -> context.replyText(
                "You can also mask the deep-linked URLs as links: <a href=\""
                        + DeepLinks.start(username(context), USING_ENTITIES) + "\">▶️ CLICK HERE</a>.",
                b -> b.parseMode("HTML").linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())))
                .filter(Filters.regex(SO_COOL)));
        app.addHandler(new CommandHandler<DefaultContext>("start", (update, context) -> context.replyText(
                "It is also possible to make deep-linking using InlineKeyboardButtons.",
                b -> b.replyMarkup(InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(
                        InlineKeyboardButton.builder().text("Like this!").callbackData(KEYBOARD_CALLBACKDATA)
                                .build()))).build())))
                .filter(Filters.regex(USING_ENTITIES)));
        app.addHandler(new CommandHandler<DefaultContext>("start", (update, context) -> context.replyText(
                "Congratulations! This is as deep as it gets 👏🏻\n\nThe payload was: " + context.args()))
                .filter(Filters.regex(USING_KEYBOARD)));
        app.addHandler(new CallbackQueryHandler<DefaultContext>((update, context) ->
                context.answer(b -> b.url(DeepLinks.start(username(context), USING_KEYBOARD))))
                .pattern(KEYBOARD_CALLBACKDATA));
        app.addHandler(new CommandHandler<DefaultContext>("start", (update, context) -> context.replyText(
                "Feel free to tell your friends about it:\n\n"
                        + DeepLinks.startGroup(username(context), CHECK_THIS_OUT))));
        return app;
    }

    private static String username(CallbackContext<?, ?, ?> context) {
        return context.application().botUser().username().orElseThrow();
    }
}
