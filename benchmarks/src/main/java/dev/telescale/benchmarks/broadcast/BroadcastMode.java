package dev.telescale.benchmarks.broadcast;

import dev.telescale.bot.ratelimit.DefaultRateLimiter;
import dev.telescale.bot.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * How the broadcast is paced: the limiter each run gives its Bot.
 *
 * <ul>
 *   <li>{@link #PACED}: {@code DefaultRateLimiter.builder().overall(1, spacing)}, one call every
 *       {@code 1 s / perSecond × (1 + margin)} and no burst. A token bucket of capacity {@code b} refilling
 *       {@code r} per second lets {@code b + r} calls into a 1 s window, so against a sliding window of
 *       {@code perSecond} only {@code b = 1} and {@code r < perSecond} stay under it at all times; the margin is
 *       the room left for calls that arrive late (a 4 % margin at 30/s: 31 calls span 1.04 s, 40 ms of room).</li>
 *   <li>{@link #PTB_DEFAULTS}: {@code DefaultRateLimiter.create()}: python-telegram-bot's {@code AIORateLimiter}
 *       defaults, a burst of 30 then 30 per second evenly, no retries. Its second second already holds 31 calls
 *       (the burst and the first refill), so a sliding-window server answers 429.</li>
 *   <li>{@link #NONE}: no limiter (a PTB bot without {@code AIORateLimiter}): everything at once, 429s counted.</li>
 * </ul>
 */
enum BroadcastMode {
    PACED("DefaultRateLimiter.builder().overall(1, %s): even spacing, no burst"),
    PTB_DEFAULTS("DefaultRateLimiter.create(): burst of 30, then 30/s (PTB's defaults)"),
    NONE("no rate limiter");

    private final String description;

    BroadcastMode(String description) {
        this.description = description;
    }

    /** The PACED spacing: a 1 s window's share per call, widened by the margin, rounded up to whole µs. */
    static Duration spacing(int perSecond, double margin) {
        long micros = (long) Math.ceil(1_000_000.0 / perSecond * (1 + margin));
        return Duration.ofNanos(micros * 1_000);
    }

    Optional<RateLimiter> limiter(int perSecond, double margin) {
        return switch (this) {
            case PACED -> Optional.of(DefaultRateLimiter.builder().overall(1, spacing(perSecond, margin)).build());
            case PTB_DEFAULTS -> Optional.of(DefaultRateLimiter.builder().overall(perSecond, Duration.ofSeconds(1))
                    .build());
            case NONE -> Optional.empty();
        };
    }

    String describe(int perSecond, double margin) {
        return switch (this) {
            case PACED -> description.formatted(spacing(perSecond, margin).toNanos() / 1e6 + " ms");
            case PTB_DEFAULTS -> perSecond == 30 ? description
                    : "DefaultRateLimiter.builder().overall(" + perSecond + ", 1 s): burst, then even refill";
            case NONE -> description;
        };
    }

    /** The name on the command line: paced, ptb, none. */
    String key() {
        return switch (this) {
            case PACED -> "paced";
            case PTB_DEFAULTS -> "ptb";
            case NONE -> "none";
        };
    }

    static BroadcastMode of(String key) {
        for (BroadcastMode m : values()) {
            if (m.key().equals(key.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + key + "': use paced, ptb or none");
    }
}
