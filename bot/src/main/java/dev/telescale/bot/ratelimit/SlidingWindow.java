package dev.telescale.bot.ratelimit;

import java.time.Duration;

/**
 * At most {@code maxCalls} calls in any window of length {@code period}, counted the only way that holds whatever the
 * network does: a call may <em>start</em> only while fewer than {@code maxCalls} calls are in flight or
 * <em>ended</em> less than {@code period} ago. So call {@code k + maxCalls} starts strictly after call {@code k}
 * ended plus {@code period}. A request reaches the server between its call's start and end, so any two calls
 * {@code maxCalls} apart arrive more than {@code period} apart, however long each took on the way: a server counting
 * a sliding window ({@code (now − period, now]}, as Telegram's "30 messages per second" and the emulator's
 * {@code FloodLimits}) never sees {@code maxCalls + 1}. An in-flight call's end is not known, so it holds its slot
 * until {@link Slot#release()}. The price is one round trip per window: {@code maxCalls} calls every
 * {@code period} plus the time a call takes (a few milliseconds against a nearby server).
 *
 * <p>Why not a token bucket (Bucket4j, python-telegram-bot's {@code aiolimiter}): a bucket of {@code n} tokens
 * refilling {@code n} per period lets up to {@code 2n − 1} calls into one window, and even one token refilled at a
 * little under the rate lets a late call crowd the next window. Measured against the emulator (600 messages at 30 per
 * second): {@code DefaultRateLimiter.create()} on Bucket4j got 48 answers 429; a one-token bucket paced 4 % below the
 * rate still got 3 under load (arrival jitter compresses a window), and could never get closer than about 4 % to the
 * least possible time. Counting ends instead of starts has neither problem; as no rate-limiting library we know does
 * that, the windows are written here.
 *
 * <p>{@link #local(int, Duration)} keeps the window in this JVM; {@link WindowStore} makes windows by name, e.g.
 * shared by several instances of a bot in Redis. Implementations are thread-safe, serve waiters in arrival order
 * and park waiting threads (no pinning of virtual threads).
 */
public interface SlidingWindow {

    /**
     * Waits until a call may start, then takes a slot for it: hold it while the call is in flight and
     * {@link Slot#release() release} it when the answer (or error) is back.
     *
     * @throws InterruptedException when interrupted while waiting; no slot was taken
     */
    Slot acquire() throws InterruptedException;

    /** The most calls in one window. */
    int maxCalls();

    /** The window's length. */
    Duration period();

    /** A window in this JVM: fair (first come, first served), parks waiters, nanosecond clock. */
    static SlidingWindow local(int maxCalls, Duration period) {
        return new LocalSlidingWindow(maxCalls, period);
    }

    /** One call's place in a window, from its start until its end. */
    interface Slot {

        /**
         * The call has ended (answered, failed or never sent): records now as its end, so the slot is free again
         * {@code period} later. Call once; a second call throws {@link IllegalStateException}.
         */
        void release();
    }
}
