package dev.telescale.api.errors;

/**
 * Telegram refused the request as malformed or impossible (HTTP 400): a wrong parameter, a missing chat or message, text too long. Sending it again unchanged fails again.
 */
public final class BadRequest extends TelegramApiException {

    public BadRequest(String method, String description) {
        super(standardMessage(description, method, 400), 400, description, method, null);
    }
}
