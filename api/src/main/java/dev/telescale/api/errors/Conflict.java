package dev.telescale.api.errors;

/**
 * Telegram answered 409 to {@code getUpdates}: another getUpdates poller is running with the same token, or a
 * webhook is set (delete it first, or use the webhook). Only one consumer of updates per bot may exist.
 */
public final class Conflict extends TelegramApiException {

    public Conflict(String method, String description) {
        super(clean(description == null ? "Conflict" : description)
                + ": another getUpdates poller is running or a webhook is set ("
                + (method == null ? "" : method + ", ") + "error 409)", 409, description, method, null);
    }
}
