package dev.telescale.examples;

import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import java.util.Map;

/**
 * The classic first bot (PTB's {@code echobot.py}): {@code /start} greets, {@code /help} helps, and every other
 * text is sent back. Runs by long polling until Ctrl+C (SIGINT) or SIGTERM, then stops gracefully.
 *
 * <p>Environment: {@code BOT_TOKEN} (required), {@code TELEGRAM_API_BASE} (optional: a local Bot API server or
 * the testkit's emulator instead of api.telegram.org).
 */
public final class EchoBot {

    private EchoBot() {
    }

    public static void main(String[] args) {
        String token = System.getenv("BOT_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set BOT_TOKEN to your bot's token (from @BotFather), e.g. BOT_TOKEN=123:abc");
            System.exit(2);
        }
        build(System.getenv()).runPolling();
    }

    /** The application for this environment, with the bot's handlers. */
    static Application<DefaultContext> build(Map<String, String> env) {
        var builder = Application.builder().token(env.get("BOT_TOKEN"));
        String apiBase = env.get("TELEGRAM_API_BASE");
        if (apiBase != null && !apiBase.isBlank()) {
            builder.apiBaseUrl(apiBase);
        }
        Application<DefaultContext> app = builder.build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyHtml(
                "Hi " + context.effectiveUser().map(u -> escape(u.firstName())).orElse("there")
                        + "! Send me any text and I will echo it.")));
        app.addHandler(new CommandHandler<>("help", (update, context) -> context.replyText("Help!")));
        app.addHandler(new MessageHandler<>(Filters.TEXT.and(Filters.COMMAND.not()),
                (update, context) -> context.replyText(context.effectiveMessage().orElseThrow().text().orElseThrow())));
        return app;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
