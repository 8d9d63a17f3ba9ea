package dev.telescale.examples;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.ChatId;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import dev.telescale.bot.Bot;
import dev.telescale.bot.text.Html;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.handler.CommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An error handler that reports to the developer (PTB's {@code errorhandlerbot.py}): {@code /bad_command} fails on
 * purpose, and the error handler logs the error and sends the developer's chat an HTML message with the update
 * (as JSON, indented by 2), the chat and user data and the stack trace; {@code /start} explains and shows the chat id.
 *
 * <p>Java equivalents of what the original prints: {@code /bad_command} calls a Bot method that does not exist by
 * reflection ({@code NoSuchMethodException}, where Python raises an {@code AttributeError}); the data are printed
 * with {@code Map.toString()} ({@code {key=value}}, Python {@code {'key': value}}); the traceback is Java's stack
 * trace, cut after the last frame of the example's own code ("... N more"), which keeps the message well inside
 * Telegram's 4096 characters as Python's short tracebacks are; a missing update or data is {@code null} (Python
 * {@code None}).
 *
 * <p>Environment: {@code BOT_TOKEN}, {@code TELEGRAM_API_BASE}, {@code DEVELOPER_CHAT_ID} (required: your own
 * chat id, which {@code /start} tells you, or a developer group's).
 */
public final class ErrorHandlerBot {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlerBot.class);

    /** Python's {@code json.dumps(indent=2)}: two spaces, {@code "key": value}, one element per line. */
    private static final DefaultPrettyPrinter PYTHON_JSON = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ErrorHandlerBot() {
    }

    public static void main(String[] args) {
        long developerChatId = Long.parseLong(Environment.require("DEVELOPER_CHAT_ID",
                "the chat id that gets the error reports (send /start to the bot to see yours)"));
        build(Environment.botToken(), Environment.apiBaseUrl(), developerChatId).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; errors are reported to {@code developerChatId}. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl, long developerChatId) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyHtml(
                "Use /bad_command to cause an error.\nYour chat id is <code>"
                        + context.effectiveChat().orElseThrow().id() + "</code>.")));
        app.addHandler(new CommandHandler<>("bad_command", (update, context) ->
                // On purpose: there is no such method, so this throws and the error handler reports it.
                Bot.class.getMethod("wrongMethodName").invoke(context.bot())));
        app.addErrorHandler((update, context) -> {
            Throwable error = context.error().orElseThrow();
            // Logged first, so the error shows even if reporting it fails.
            log.error("Exception while handling an update:", error);
            String message = "An exception was raised while handling an update\n"
                    + "<pre>update = " + Html.escape(updateJson(update)) + "</pre>\n\n"
                    + "<pre>context.chat_data = " + Html.escape(String.valueOf(
                            context.chatId().isPresent() ? context.chatData() : null)) + "</pre>\n\n"
                    + "<pre>context.user_data = " + Html.escape(String.valueOf(
                            context.userId().isPresent() ? context.userData() : null)) + "</pre>\n\n"
                    + "<pre>" + Html.escape(shortTrace(error)) + "</pre>";
            context.bot().sendMessage(b -> b.chatId(ChatId.of(developerChatId)).text(message).parseMode("HTML"));
        });
        return app;
    }

    /** The update as indented JSON, or anything else as a JSON string of its {@code toString()}. */
    static String updateJson(Object update) {
        try {
            JsonNode tree = update instanceof Update u
                    ? TelegramJson.mapper().readTree(TelegramJson.write(u))
                    : TelegramJson.mapper().getNodeFactory().textNode(String.valueOf(update));
            return TelegramJson.mapper().writer(PYTHON_JSON).writeValueAsString(tree);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The update could not be written as JSON", e);
        }
    }

    /** The stack trace with causes, each cut after its last frame in this package. */
    static String shortTrace(Throwable error) {
        StringBuilder out = new StringBuilder();
        String prefix = "";
        for (Throwable t = error; t != null; t = t.getCause()) {
            out.append(prefix).append(t).append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            int last = frames.length - 1;
            while (last > 0 && !frames[last].getClassName().startsWith(ErrorHandlerBot.class.getPackageName())) {
                last--;
            }
            for (int i = 0; i <= last; i++) {
                out.append("\tat ").append(frames[i]).append('\n');
            }
            if (last < frames.length - 1) {
                out.append("\t... ").append(frames.length - 1 - last).append(" more\n");
            }
            prefix = "Caused by: ";
        }
        return out.toString();
    }
}
