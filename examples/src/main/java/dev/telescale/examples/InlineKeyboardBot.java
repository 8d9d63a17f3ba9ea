package dev.telescale.examples;

import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CommandHandler;
import java.util.List;

/**
 * Inline keyboards (PTB's {@code inlinekeyboard.py}): {@code /start} sends "Please choose:" with three buttons
 * (callback data "1", "2", "3"); pressing one answers the callback query and edits the message to
 * "Selected option: N"; {@code /help} explains.
 */
public final class InlineKeyboardBot {

    private InlineKeyboardBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyText("Please choose:",
                b -> b.replyMarkup(InlineKeyboardMarkup.builder().inlineKeyboard(List.of(
                        List.of(button("Option 1", "1"), button("Option 2", "2")),
                        List.of(button("Option 3", "3")))).build()))));
        app.addHandler(new CallbackQueryHandler<>((update, context) -> {
            // Every callback query must be answered, even without a notification: some clients wait for it.
            context.answer();
            context.editMessageText("Selected option: " + update.callbackQuery().orElseThrow().data().orElse(""));
        }));
        app.addHandler(new CommandHandler<>("help", (update, context) -> context.replyText("Use /start to test this bot.")));
        return app;
    }

    private static InlineKeyboardButton button(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }
}
