package dev.telescale.benchmarks.e2e;

import dev.telescale.api.methods.SendMessage;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.updater.WebhookOptions;

/**
 * The Telescale echo bot: {@code Application} with its defaults (ordered-per-chat-and-user processor on virtual
 * threads, in-memory job queue, SocketTransport), one {@code MessageHandler(Filters.TEXT, ...)}.
 *
 * <p>Args: {@code polling <apiBaseUrl> <token> <sleepMs>}: {@code context.replyText(text)} (a sendMessage with
 * chat_id and text; no reply_parameters in a private chat), {@code runPolling()} with its defaults (10 s long
 * poll, limit 100). {@code webhook <apiBaseUrl> <token> <sleepMs> <port>}: the handler returns the SendMessage
 * ({@code MessageHandler.returning}), which travels in the webhook's HTTP response; {@code runWebhook} on
 * 127.0.0.1:port, max_connections 40 (its default), setWebhook to http://127.0.0.1:port/hook.
 * {@code webhook-call ...}: the same server, but the handler answers with {@code context.replyText(text)}, a
 * separate sendMessage call — the baseline that shows what a webhook reply saves.
 */
public final class TelescaleEchoBot {

    private TelescaleEchoBot() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        long sleepMs = Long.parseLong(args[3]);
        Application<DefaultContext> app = Application.builder().token(args[2]).apiBaseUrl(args[1]).build();
        if (mode.equals("webhook")) {
            app.addHandler(MessageHandler.returning(Filters.TEXT, (update, context) -> {
                String text = update.message().orElseThrow().text().orElseThrow();
                Handlers.simulatedIo(text, sleepMs);
                return SendMessage.builder().chatId(context.chatId().getAsLong()).text(text).build();
            }));
        } else {
            app.addHandler(new MessageHandler<>(Filters.TEXT, (update, context) -> {
                String text = update.message().orElseThrow().text().orElseThrow();
                Handlers.simulatedIo(text, sleepMs);
                context.replyText(text);
            }));
        }
        if (mode.startsWith("webhook")) {
            int port = Integer.parseInt(args[4]);
            app.runWebhook(WebhookOptions.builder().listen("127.0.0.1").port(port).urlPath("/hook")
                    .webhookUrl("http://127.0.0.1:" + port + "/hook").maxConnections(40).build());
        } else {
            app.runPolling();
        }
    }
}
