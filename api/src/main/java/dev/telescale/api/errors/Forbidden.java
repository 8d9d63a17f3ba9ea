package dev.telescale.api.errors;

/**
 * The bot may not do this (HTTP 403): it was blocked by the user, kicked from the group, or lacks the rights.
 */
public final class Forbidden extends TelegramApiException {

    public Forbidden(String method, String description) {
        super(standardMessage(description, method, 403), 403, description, method, null);
    }
}
