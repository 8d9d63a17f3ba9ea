package dev.telescale.bot.ratelimit;

import dev.telescale.api.ChatId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Bot API call as a {@link RateLimiter} sees it: what it targets and a way to send it. Made by the Bot for each
 * call; not thread-safe.
 *
 * @param <T> the call's result type
 */
public interface RateLimitedCall<T> {

    /** The Bot API method, e.g. {@code "sendMessage"}. */
    String method();

    /**
     * The request's {@code chat_id} after Defaults, a numeric string read as a number; empty when the method has no
     * {@code chat_id} (e.g. {@code answerCallbackQuery}) or its value is neither a number nor an {@code @username}.
     */
    Optional<ChatId> chatId();

    /** The request's {@code allow_paid_broadcast} flag (false when absent). */
    boolean allowPaidBroadcast();

    /** The caller's override of the limiter's retry count ({@code bot.executeWithRetries}); empty when none. */
    OptionalInt maxRetries();

    /** Whether the call may be sent again after a failure: false for uploads streamed from a one-shot InputStream. */
    boolean repeatable();

    /**
     * Sends the request and decodes the answer; throws the call's {@link dev.telescale.api.errors.TelegramApiException}
     * on failure. Call it once per attempt.
     *
     * @throws IllegalStateException when called again although {@link #repeatable()} is false
     */
    T execute();
}
