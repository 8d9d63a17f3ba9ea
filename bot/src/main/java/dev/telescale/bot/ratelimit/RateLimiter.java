package dev.telescale.bot.ratelimit;

/**
 * Decides when each Bot API call may go out (python-telegram-bot's {@code BaseRateLimiter}). The Bot hands every call
 * except {@code getUpdates} to {@link #process} after encoding it (Defaults applied, keyboards rewritten), so the
 * limiter sees the method, the resolved chat and the {@code allow_paid_broadcast} flag; the default is
 * {@link DefaultRateLimiter}. Set one with {@code Bot.builder().rateLimiter(...)}.
 *
 * <p>Contract: call {@link RateLimitedCall#execute()} exactly once per attempt and return its result; retry only on
 * {@link dev.telescale.api.errors.RetryAfter} and only while {@link RateLimitedCall#repeatable()}; never swallow or
 * replace other exceptions. {@code process} runs on the caller's thread (usually virtual): block freely, but use
 * {@code java.util.concurrent} locks rather than {@code synchronized} around waits.
 */
public interface RateLimiter {

    /** Runs the call when the limits allow it, possibly several times; returns what the last attempt returned. */
    <T> T process(RateLimitedCall<T> call);

    /** Releases what the limiter holds; called by {@code Bot.shutdown()}. Does nothing by default. */
    default void shutdown() {
    }
}
