package dev.telescale.api.errors;

/**
 * Telegram rejected the bot token (HTTP 401): it is wrong or was revoked with BotFather. Nothing will work until the
 * token is replaced; the message says so and never shows the token.
 */
public final class Unauthorized extends TelegramApiException {

    public Unauthorized(String method, String description) {
        super(clean(description == null ? "Unauthorized" : description) + ": the bot token is invalid or was revoked ("
                + (method == null ? "" : method + ", ") + "error 401)", 401, description, method, null);
    }
}
