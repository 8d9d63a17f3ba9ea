package dev.telescale.api.errors;

import java.time.Duration;

/**
 * Flood control (HTTP 429): Telegram asks to wait {@link #retryAfter()} before the next call. The message follows
 * PTB's: "Flood control exceeded. Retry in N seconds".
 */
public final class RetryAfter extends TelegramApiException {

    private final Duration retryAfter;

    public RetryAfter(String method, Duration retryAfter, String description) {
        super("Flood control exceeded. Retry in " + retryAfter.toSeconds() + " seconds"
                + (method == null ? "" : " (" + method + ")"), 429, description, method, null);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before calling again ({@code parameters.retry_after}). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
