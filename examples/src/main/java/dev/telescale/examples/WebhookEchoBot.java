package dev.telescale.examples;

import dev.telescale.api.methods.SendMessage;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.updater.WebhookOptions;
import java.net.URI;
import java.util.Map;

/**
 * The echo bot served by webhook. Echoes are <em>webhook replies</em>: the handler returns the
 * {@code sendMessage} and it travels inside the HTTP response to Telegram's webhook request, saving a round trip.
 *
 * <p>Environment: {@code BOT_TOKEN} (required), {@code WEBHOOK_URL} (required: the public HTTPS URL Telegram posts
 * to, e.g. your reverse proxy), {@code PORT} (local port, default 8443), {@code WEBHOOK_SECRET} (optional secret
 * token; a random one otherwise), {@code WEBHOOK_LISTEN} (bind address, default 0.0.0.0),
 * {@code TELEGRAM_API_BASE} (optional). The server serves the path of {@code WEBHOOK_URL}.
 */
public final class WebhookEchoBot {

    private WebhookEchoBot() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (blank(env.get("BOT_TOKEN")) || blank(env.get("WEBHOOK_URL"))) {
            System.err.println("Set BOT_TOKEN and WEBHOOK_URL (the public https URL Telegram should post to); "
                    + "optionally PORT (default 8443) and WEBHOOK_SECRET");
            System.exit(2);
        }
        build(env).runWebhook(webhookOptions(env));
    }

    /** The application for this environment, with the bot's handlers. */
    static Application<DefaultContext> build(Map<String, String> env) {
        var builder = Application.builder().token(env.get("BOT_TOKEN"));
        if (!blank(env.get("TELEGRAM_API_BASE"))) {
            builder.apiBaseUrl(env.get("TELEGRAM_API_BASE"));
        }
        Application<DefaultContext> app = builder.build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyViaWebhook(
                SendMessage.builder().chatId(context.chatId().getAsLong())
                        .text("Hi! Send me any text and I will echo it.").build())));
        app.addHandler(MessageHandler.returning(Filters.TEXT.and(Filters.COMMAND.not()), (update, context) ->
                SendMessage.builder().chatId(context.chatId().getAsLong())
                        .text(context.effectiveMessage().orElseThrow().text().orElseThrow()).build()));
        return app;
    }

    /**
     * Webhook options from the environment: listen on WEBHOOK_LISTEN (default all interfaces) at PORT, serve the
     * path of WEBHOOK_URL and register WEBHOOK_URL with Telegram.
     */
    static WebhookOptions webhookOptions(Map<String, String> env) {
        String url = env.get("WEBHOOK_URL");
        String port = env.getOrDefault("PORT", "8443");
        if (!port.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("PORT must be a port number, got '" + port + "'");
        }
        var options = WebhookOptions.builder()
                .listen(env.getOrDefault("WEBHOOK_LISTEN", "0.0.0.0"))
                .port(Integer.parseInt(port))
                .urlPath(URI.create(url).getPath())
                .webhookUrl(url);
        if (!blank(env.get("WEBHOOK_SECRET"))) {
            options.secretToken(env.get("WEBHOOK_SECRET"));
        }
        return options.build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
