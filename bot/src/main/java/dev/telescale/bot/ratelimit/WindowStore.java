package dev.telescale.bot.ratelimit;

import java.time.Duration;

/**
 * Makes the named {@link SlidingWindow}s of a {@link DefaultRateLimiter}: the extension point for limits shared by
 * several instances of one bot. The default, {@link #local()}, keeps each window in this JVM; a shared store (the
 * redis module's {@code RedisRateLimits}) returns windows whose slots live in the store, so all instances count
 * their calls in the same windows.
 *
 * <p>Names say what a window limits: {@code "overall"}, {@code "paid-broadcast"}, {@code "group:<chat id or
 * @username>"}, {@code "chat:<chat id or @username>"}; a store serving several bots prefixes them with the bot's id.
 * The limiter asks for each name's window once and keeps it while in use; idle group and chat windows are forgotten
 * (a local one is empty again a period after its last call ended; a shared one keeps its state in the store).
 * {@code window} is called under a map lock: it must not block.
 */
@FunctionalInterface
public interface WindowStore {

    /** The window named {@code name}: at most {@code maxCalls} calls per {@code period}. */
    SlidingWindow window(String name, int maxCalls, Duration period);

    /** Windows in this JVM ({@link SlidingWindow#local}). */
    static WindowStore local() {
        return (name, maxCalls, period) -> SlidingWindow.local(maxCalls, period);
    }
}
