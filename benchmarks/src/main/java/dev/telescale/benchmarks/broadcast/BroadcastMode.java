package dev.telescale.benchmarks.broadcast;

import dev.telescale.bot.ratelimit.DefaultRateLimiter;
import dev.telescale.bot.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * How the broadcast is paced: the limiter each run gives its Bot.
 *
 * <ul>
 *   <li>{@link #DEFAULT}: {@code DefaultRateLimiter.create()}, what an author gets (at another
 *       {@code broadcast.perSecond}, {@code DefaultRateLimiter.builder().overall(perSecond, 1 s)}): sliding windows
 *       that let call {@code k + 30} start only after call {@code k} ended plus 1 s, so no second at the server holds
 *       more than 30 whatever the latency.</li>
 *   <li>{@link #NONE}: no limiter (a PTB bot without {@code AIORateLimiter}): everything at once, 429s counted.</li>
 * </ul>
 */
enum BroadcastMode {
    DEFAULT("DefaultRateLimiter.create(): sliding windows, 30 per second"),
    NONE("no rate limiter");

    private final String description;

    BroadcastMode(String description) {
        this.description = description;
    }

    Optional<RateLimiter> limiter(int perSecond) {
        return switch (this) {
            case DEFAULT -> Optional.of(perSecond == 30 ? DefaultRateLimiter.create()
                    : DefaultRateLimiter.builder().overall(perSecond, Duration.ofSeconds(1)).build());
            case NONE -> Optional.empty();
        };
    }

    String describe(int perSecond) {
        return switch (this) {
            case DEFAULT -> perSecond == 30 ? description
                    : "DefaultRateLimiter.builder().overall(" + perSecond + ", 1 s): sliding windows";
            case NONE -> description;
        };
    }

    /** The name on the command line: default, none. */
    String key() {
        return switch (this) {
            case DEFAULT -> "default";
            case NONE -> "none";
        };
    }

    static BroadcastMode of(String key) {
        for (BroadcastMode m : values()) {
            if (m.key().equals(key.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + key + "': use default or none");
    }
}
