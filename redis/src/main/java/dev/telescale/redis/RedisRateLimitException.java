package dev.telescale.redis;

/**
 * The shared rate limits in Redis could not be used: the server was unreachable when {@link RedisRateLimits} was
 * built, or a window could not be read or updated while a call waited for a slot (that call was not sent). The
 * message names the server (never its password), the bot id and the window; the cause is Lettuce's error. Unchecked,
 * like the Bot's own errors: it reaches the caller of {@code bot.execute(...)} (in an Application, the error
 * handlers).
 */
public final class RedisRateLimitException extends RuntimeException {

    RedisRateLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
