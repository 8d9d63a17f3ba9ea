package dev.telescale.api.errors;

/**
 * Telegram answered 404: the method does not exist, or (the usual case) the token in the URL is not a bot's token.
 * PTB reports this as {@code InvalidToken} too.
 */
public final class NotFound extends TelegramApiException {

    public NotFound(String method, String description) {
        super(clean(description == null ? "Not Found" : description)
                + ": the bot token is invalid or the method does not exist ("
                + (method == null ? "" : method + ", ") + "error 404)", 404, description, method, null);
    }
}
