package dev.telescale.examples;

import dev.telescale.api.types.ForceReply;
import dev.telescale.bot.text.Html;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;

/**
 * The classic first bot (PTB's {@code echobot.py}): {@code /start} greets the user with an HTML mention and asks for
 * a reply (a selective {@code ForceReply}), {@code /help} says "Help!", and every other text is sent back. Runs by
 * long polling until Ctrl+C (SIGINT) or SIGTERM, then stops gracefully.
 *
 * <p>Environment: {@code BOT_TOKEN} (required), {@code TELEGRAM_API_BASE} (optional: a local Bot API server or the
 * testkit's emulator instead of api.telegram.org).
 */
public final class EchoBot {

    private EchoBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyHtml(
                "Hi " + Html.mention(context.effectiveUser().orElseThrow()) + "!",
                b -> b.replyMarkup(ForceReply.builder().forceReply(true).selective(true).build()))));
        app.addHandler(new CommandHandler<>("help", (update, context) -> context.replyText("Help!")));
        app.addHandler(new MessageHandler<>(Filters.TEXT.and(Filters.COMMAND.not()),
                (update, context) -> context.replyText(context.effectiveMessage().orElseThrow().text().orElseThrow())));
        return app;
    }
}
