package dev.telescale.examples;

import dev.telescale.api.types.InlineQueryResult;
import dev.telescale.api.types.InlineQueryResultArticle;
import dev.telescale.api.types.InputTextMessageContent;
import dev.telescale.bot.text.Html;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.InlineQueryHandler;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An inline bot (PTB's {@code inlinebot.py}; enable inline mode with @BotFather): typing {@code @bot some text} in any
 * chat offers three articles — the text in capitals, in bold and in italics (HTML, escaped); an empty query gets no
 * answer. {@code /start} says "Hi!", {@code /help} "Help!".
 */
public final class InlineBot {

    private InlineBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyText("Hi!")));
        app.addHandler(new CommandHandler<>("help", (update, context) -> context.replyText("Help!")));
        app.addHandler(new InlineQueryHandler<>((update, context) -> {
            var inlineQuery = update.inlineQuery().orElseThrow();
            String query = inlineQuery.query();
            if (query.isEmpty()) {
                return;
            }
            List<InlineQueryResult> results = List.of(
                    article("Caps", InputTextMessageContent.builder().messageText(query.toUpperCase(Locale.ROOT))),
                    article("Bold", InputTextMessageContent.builder()
                            .messageText("<b>" + Html.escape(query) + "</b>").parseMode("HTML")),
                    article("Italic", InputTextMessageContent.builder()
                            .messageText("<i>" + Html.escape(query) + "</i>").parseMode("HTML")));
            context.bot().answerInlineQuery(inlineQuery.id(), results);
        }));
        return app;
    }

    private static InlineQueryResultArticle article(String title, InputTextMessageContent.Builder content) {
        return InlineQueryResultArticle.builder().id(UUID.randomUUID().toString()).title(title)
                .inputMessageContent(content.build()).build();
    }
}
