package dev.telescale.bot.ratelimit;

import dev.telescale.api.ChatId;
import dev.telescale.api.errors.RetryAfter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limiter with python-telegram-bot's semantics ({@code AIORateLimiter}), every limit an exact
 * {@link SlidingWindow}:
 *
 * <ul>
 *   <li><b>overall</b> 30 calls per second, only for calls that have a {@code chat_id};</li>
 *   <li><b>per group</b> 20 calls per minute for each group, supergroup or channel: a negative chat id or an
 *       {@code @username}; private chats (positive ids) have no group limit;</li>
 *   <li>optionally <b>per chat</b> (any chat id), e.g. Telegram's advice of one message per second in a chat;</li>
 *   <li><b>paid broadcasts</b> ({@code allow_paid_broadcast=true}) skip the overall and group limits and use their
 *       own window, 1000 per second;</li>
 *   <li>a {@link RetryAfter} answer pauses <b>all</b> calls through this limiter for {@code retry_after} + 0.1 s and
 *       sends the call again, up to {@code maxRetries} times (0 by default, as PTB; a call may override it), then
 *       rethrows. Other errors pass through untouched.</li>
 * </ul>
 *
 * A call takes a slot in its chat window, then its group window, then the overall one, waiting (parked, first come
 * first served) until each has one, then waits out any pause, is sent, and releases its slots when its answer is
 * back. A window of {@code n} per {@code period} lets call {@code k + n} start only after call {@code k} ended plus
 * {@code period}, so no {@code period}-long window at the server ever holds more than {@code n}, whatever the
 * network delays, and there is no burst beyond the window. PTB's (and Bucket4j's) token buckets let up to
 * {@code 2n − 1} calls into a window: measured against the emulator's sliding windows, 600 messages at 30/s through
 * a Bucket4j-based default got 48 answers 429 (see {@link SlidingWindow}). Idle group and chat windows are dropped
 * once more than 512 exist. {@link WindowStore} makes the windows: local by default, or shared by several instances
 * of a bot (the redis module's {@code RedisRateLimits}). Thread-safe.
 *
 * <pre>{@code
 * Bot bot = Bot.builder().token(token)
 *         .rateLimiter(DefaultRateLimiter.builder().perChat(1, Duration.ofSeconds(1)).maxRetries(3).build())
 *         .build();
 * }</pre>
 */
public final class DefaultRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRateLimiter.class);
    /** PTB's margin on top of Telegram's retry_after. */
    private static final Duration RETRY_MARGIN = Duration.ofMillis(100);
    private static final int SWEEP_THRESHOLD = 512;

    private final WindowStore store;
    private final SlidingWindow overall;
    private final SlidingWindow paid;
    private final Keyed groups;
    private final Keyed chats;
    private final int maxRetries;
    private final String description;
    /** System.nanoTime() until which every call waits after a RetryAfter; 0 when not paused. */
    private final AtomicLong pausedUntil = new AtomicLong();

    private DefaultRateLimiter(Builder b) {
        this.store = b.store;
        this.overall = b.overall == null ? null : store.window("overall", b.overall.maxCalls(), b.overall.period());
        this.paid = b.paid == null ? null : store.window("paid-broadcast", b.paid.maxCalls(), b.paid.period());
        this.groups = b.group == null ? null : new Keyed("group:", b.group);
        this.chats = b.perChat == null ? null : new Keyed("chat:", b.perChat);
        this.maxRetries = b.maxRetries;
        this.description = "DefaultRateLimiter[overall=" + b.overall + ", group=" + b.group + ", perChat=" + b.perChat
                + ", paidBroadcast=" + b.paid + ", maxRetries=" + maxRetries + "]";
    }

    /** PTB's defaults: overall 30/s, 20/min per group, no per-chat limit, paid broadcasts 1000/s, no retries. */
    public static DefaultRateLimiter create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public <T> T process(RateLimitedCall<T> call) {
        Objects.requireNonNull(call, "call");
        int retries = call.maxRetries().orElse(maxRetries);
        for (int attempt = 0; ; attempt++) {
            List<SlidingWindow.Slot> slots = acquire(call);
            try {
                awaitPause(call.method());
                return call.execute();
            } catch (RetryAfter e) {
                if (attempt >= retries || !call.repeatable()) {
                    if (retries > 0) {
                        LOG.warn("Rate limit hit by {}: giving up after {} retries{}", call.method(), attempt,
                                call.repeatable() ? "" : " (the request cannot be sent again)");
                    }
                    throw e;
                }
                Duration pause = e.retryAfter().plus(RETRY_MARGIN);
                pauseAll(pause);
                LOG.info("Rate limit hit by {}: pausing all calls for {} ms, then retry {} of {}", call.method(),
                        pause.toMillis(), attempt + 1, retries);
            } finally {
                // The answer is back (or the call never went out): the end that frees each slot a period later.
                release(slots);
            }
        }
    }

    /** Takes the call's slots: chat, group, overall (or paid); on failure gives back those already taken. */
    private List<SlidingWindow.Slot> acquire(RateLimitedCall<?> call) {
        List<SlidingWindow.Slot> slots = new ArrayList<>(3);
        try {
            ChatId chat = call.chatId().orElse(null);
            if (chat != null && chats != null) {
                slots.add(chats.acquire(chat.toString()));
            }
            if (call.allowPaidBroadcast()) {
                if (paid != null) {
                    slots.add(paid.acquire());
                }
            } else if (chat != null) {
                if (groups != null && isGroup(chat)) {
                    slots.add(groups.acquire(chat.toString()));
                }
                if (overall != null) {
                    slots.add(overall.acquire());
                }
            }
            return slots;
        } catch (InterruptedException e) {
            release(slots);
            throw interrupted(call.method(), e);
        } catch (RuntimeException | Error e) {
            release(slots);
            throw e;
        }
    }

    private static void release(List<SlidingWindow.Slot> slots) {
        RuntimeException failure = null;
        for (SlidingWindow.Slot slot : slots.reversed()) {
            try {
                slot.release();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Groups, supergroups and channels: negative ids; @usernames name public supergroups and channels. */
    private static boolean isGroup(ChatId chat) {
        return chat instanceof ChatId.Username || ((ChatId.Numeric) chat).id() < 0;
    }

    private void pauseAll(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        pausedUntil.accumulateAndGet(until, (current, next) -> current == 0 || next - current > 0 ? next : current);
    }

    private void awaitPause(String method) {
        while (true) {
            long until = pausedUntil.get();
            if (until == 0) {
                return;
            }
            long wait = until - System.nanoTime();
            if (wait <= 0) {
                pausedUntil.compareAndSet(until, 0);
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                throw interrupted(method, e);
            }
        }
    }

    private static CancellationException interrupted(String method, InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException c = new CancellationException("Interrupted while " + method
                + " waited for the rate limiter; it was not sent");
        c.initCause(e);
        return c;
    }

    /** Whether calls are held back after a RetryAfter right now (for tests). */
    boolean paused() {
        long until = pausedUntil.get();
        return until != 0 && until - System.nanoTime() > 0;
    }

    /** How many per-group windows are kept (for tests). */
    int groupWindows() {
        return groups == null ? 0 : groups.entries.size();
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Windows by chat, made on first use and dropped when idle: nothing in flight and the last call ended a full
     * period ago (a local window is then empty, a shared one lives on in its store).
     */
    private final class Keyed {
        private final String prefix;
        private final Limit limit;
        private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
        private final AtomicBoolean sweeping = new AtomicBoolean();
        private volatile int sweepAt = SWEEP_THRESHOLD;

        /** Mutated only inside the map's compute functions, which order them per key. */
        private static final class Entry {
            final SlidingWindow window;
            int inUse;
            long lastEnded;

            Entry(SlidingWindow window) {
                this.window = window;
            }
        }

        Keyed(String prefix, Limit limit) {
            this.prefix = prefix;
            this.limit = limit;
        }

        SlidingWindow.Slot acquire(String chat) throws InterruptedException {
            Entry entry = entries.compute(chat, (k, old) -> {
                Entry e = old != null ? old : new Entry(store.window(prefix + k, limit.maxCalls(), limit.period()));
                e.inUse++;
                return e;
            });
            SlidingWindow.Slot slot;
            try {
                slot = entry.window.acquire();
            } catch (InterruptedException | RuntimeException | Error e) {
                done(chat);
                throw e;
            }
            if (entries.size() > sweepAt) {
                sweep();
            }
            return () -> {
                try {
                    slot.release();
                } finally {
                    done(chat);
                }
            };
        }

        private void done(String chat) {
            entries.computeIfPresent(chat, (k, e) -> {
                e.inUse--;
                e.lastEnded = System.nanoTime();
                return e;
            });
        }

        /** Drops windows nobody waits on or holds whose last call ended a full period ago. */
        private void sweep() {
            if (!sweeping.compareAndSet(false, true)) {
                return;
            }
            try {
                long now = System.nanoTime();
                long period = limit.period().toNanos();
                for (String key : entries.keySet()) {
                    entries.computeIfPresent(key, (k, e) -> e.inUse == 0 && now - e.lastEnded > period ? null : e);
                }
                sweepAt = Math.max(SWEEP_THRESHOLD, 2 * entries.size());
            } finally {
                sweeping.set(false);
            }
        }
    }

    /** At most {@code maxCalls} calls per sliding {@code period}. */
    record Limit(int maxCalls, Duration period) {

        static Limit of(String what, int maxCalls, Duration period) {
            if (maxCalls < 1) {
                throw new IllegalArgumentException(what + ": maxCalls must be at least 1, was " + maxCalls
                        + " (to lift this limit use no" + Character.toUpperCase(what.charAt(0)) + what.substring(1)
                        + "Limit())");
            }
            Objects.requireNonNull(period, () -> what + ": period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(what + ": period must be positive, was " + period);
            }
            if (period.toNanos() / maxCalls == 0) {
                // The windows count in nanoseconds.
                throw new IllegalArgumentException(what + ": " + maxCalls + " per " + period
                        + " is more than one call per nanosecond");
            }
            return new Limit(maxCalls, period);
        }

        @Override
        public String toString() {
            return maxCalls + "/" + period;
        }
    }

    /**
     * Configures a {@link DefaultRateLimiter}. Defaults are PTB's: {@code overall(30, 1 s)}, {@code group(20, 60 s)},
     * {@code paidBroadcast(1000, 1 s)}, no per-chat limit, {@code maxRetries(0)}, local windows.
     */
    public static final class Builder {
        private Limit overall = new Limit(30, Duration.ofSeconds(1));
        private Limit group = new Limit(20, Duration.ofSeconds(60));
        private Limit perChat;
        private Limit paid = new Limit(1000, Duration.ofSeconds(1));
        private int maxRetries;
        private WindowStore store = WindowStore.local();

        private Builder() {
        }

        /** At most {@code maxCalls} calls with a chat_id per {@code period}, all chats together. */
        public Builder overall(int maxCalls, Duration period) {
            this.overall = Limit.of("overall", maxCalls, period);
            return this;
        }

        /** No overall limit. */
        public Builder noOverallLimit() {
            this.overall = null;
            return this;
        }

        /** At most {@code maxCalls} calls per {@code period} to each group, supergroup or channel. */
        public Builder group(int maxCalls, Duration period) {
            this.group = Limit.of("group", maxCalls, period);
            return this;
        }

        /** No per-group limit. */
        public Builder noGroupLimit() {
            this.group = null;
            return this;
        }

        /** At most {@code maxCalls} calls per {@code period} to each chat, private or not (off by default). */
        public Builder perChat(int maxCalls, Duration period) {
            this.perChat = Limit.of("perChat", maxCalls, period);
            return this;
        }

        /** No per-chat limit (the default). */
        public Builder noPerChatLimit() {
            this.perChat = null;
            return this;
        }

        /** At most {@code maxCalls} paid broadcast calls per {@code period} (default 1000 per second). */
        public Builder paidBroadcast(int maxCalls, Duration period) {
            this.paid = Limit.of("paidBroadcast", maxCalls, period);
            return this;
        }

        /** No limit on paid broadcast calls. */
        public Builder noPaidBroadcastLimit() {
            this.paid = null;
            return this;
        }

        /** How often a call answered with RetryAfter is sent again (default 0: the RetryAfter is thrown at once). */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Where the windows live: {@link WindowStore#local()} (default) or a store shared by a bot's instances. */
        public Builder windows(WindowStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public DefaultRateLimiter build() {
            return new DefaultRateLimiter(this);
        }
    }
}
