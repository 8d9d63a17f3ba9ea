package dev.telescale.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.KeyboardButton;
import dev.telescale.api.types.ReplyKeyboardMarkup;
import dev.telescale.api.types.ReplyKeyboardRemove;
import dev.telescale.api.types.WebAppInfo;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * A Telegram Web App (PTB's {@code webappbot.py}): {@code /start} shows a keyboard button that opens PTB's color
 * picker page; the color the user picks comes back as {@code web_app_data} (JSON), which the bot shows in HEX and RGB
 * and removes the keyboard.
 *
 * <p>The RGB values are printed as a Java list, {@code [255, 0, 0]}, where Python prints a tuple,
 * {@code (255, 0, 0)}.
 */
public final class WebAppBot {

    /** The color picker page the PTB team hosts for this example. */
    static final String WEB_APP_URL = "https://python-telegram-bot.org/static/webappbot";

    private WebAppBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyText(
                "Please press the button below to choose a color via the WebApp.",
                b -> b.replyMarkup(ReplyKeyboardMarkup.builder().keyboard(List.of(List.of(KeyboardButton.builder()
                        .text("Open the color picker!").webApp(WebAppInfo.builder().url(WEB_APP_URL).build())
                        .build()))).build()))));
        app.addHandler(new MessageHandler<>(Filters.StatusUpdate.WEB_APP_DATA, (update, context) -> {
            // The page sends its data as a JSON string.
            JsonNode data = TelegramJson.mapper().readTree(
                    context.effectiveMessage().orElseThrow().webAppData().orElseThrow().data());
            List<String> rgb = new ArrayList<>();
            data.get("rgb").forEach(value -> rgb.add(value.isTextual() ? value.asText() : value.toString()));
            context.replyHtml("You selected the color with the HEX value <code>" + text(data.get("hex"))
                            + "</code>. The corresponding RGB value is <code>" + rgb + "</code>.",
                    b -> b.replyMarkup(ReplyKeyboardRemove.builder().removeKeyboard(true).build()));
        }));
        return app;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
