package dev.telescale.bot.ratelimit;

import dev.telescale.api.ChatId;
import dev.telescale.api.errors.RetryAfter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limiter with python-telegram-bot's semantics ({@code AIORateLimiter}), on Bucket4j token buckets:
 *
 * <ul>
 *   <li><b>overall</b> 30 calls per second, only for calls that have a {@code chat_id};</li>
 *   <li><b>per group</b> 20 calls per minute for each group, supergroup or channel: a negative chat id or an
 *       {@code @username}; private chats (positive ids) have no group limit;</li>
 *   <li>optionally <b>per chat</b> (any chat id), e.g. Telegram's advice of one message per second in a chat;</li>
 *   <li><b>paid broadcasts</b> ({@code allow_paid_broadcast=true}) skip the overall and group limits and draw from
 *       their own bucket, 1000 per second;</li>
 *   <li>a {@link RetryAfter} answer pauses <b>all</b> calls through this limiter for {@code retry_after} + 0.1 s and
 *       sends the call again, up to {@code maxRetries} times (0 by default, as PTB; a call may override it), then
 *       rethrows. Other errors pass through untouched.</li>
 * </ul>
 *
 * A call takes a token from its chat bucket, then its group bucket, then the overall one, waiting (parking the thread,
 * no pinning of virtual threads) until each has one, then waits out any pause. Each bucket allows a burst of its
 * whole capacity, then refills evenly ({@code n} per period: one every {@code period/n}), as PTB's leaky buckets. Idle
 * group and chat buckets are dropped once more than 512 exist. {@link BucketFactory} makes the buckets: local by
 * default, or shared by several instances of a bot (Redis) with a distributed factory. Thread-safe.
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
    static final Duration RETRY_MARGIN = Duration.ofMillis(100);
    private static final int SWEEP_THRESHOLD = 512;

    private final BucketFactory factory;
    private final Bucket overall;
    private final Bucket paid;
    private final Keyed groups;
    private final Keyed chats;
    private final int maxRetries;
    private final String description;
    /** System.nanoTime() until which every call waits after a RetryAfter; 0 when not paused. */
    private final AtomicLong pausedUntil = new AtomicLong();

    private DefaultRateLimiter(Builder b) {
        this.factory = b.factory;
        this.overall = b.overall == null ? null : factory.create("overall", b.overall.configuration());
        this.paid = b.paid == null ? null : factory.create("paid-broadcast", b.paid.configuration());
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
            acquire(call);
            awaitPause(call.method());
            try {
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
            }
        }
    }

    private void acquire(RateLimitedCall<?> call) {
        ChatId chat = call.chatId().orElse(null);
        if (chat != null && chats != null) {
            chats.consume(chat.toString(), call.method());
        }
        if (call.allowPaidBroadcast()) {
            if (paid != null) {
                consume(paid, call.method());
            }
            return;
        }
        if (chat == null) {
            return;
        }
        if (groups != null && isGroup(chat)) {
            groups.consume(chat.toString(), call.method());
        }
        if (overall != null) {
            consume(overall, call.method());
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

    private static void consume(Bucket bucket, String method) {
        try {
            bucket.asBlocking().consume(1);
        } catch (InterruptedException e) {
            throw interrupted(method, e);
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

    /** How many per-group buckets are kept (for tests). */
    int groupBuckets() {
        return groups == null ? 0 : groups.entries.size();
    }

    @Override
    public String toString() {
        return description;
    }

    /** Buckets by chat, made on first use and dropped when idle (a bucket idle for its period is full again). */
    private final class Keyed {
        private final String prefix;
        private final Limit limit;
        private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
        private final AtomicBoolean sweeping = new AtomicBoolean();
        private volatile int sweepAt = SWEEP_THRESHOLD;

        /** Mutated only inside the map's compute functions, which order them per key. */
        private static final class Entry {
            final Bucket bucket;
            int inUse;
            long lastUsed;

            Entry(Bucket bucket) {
                this.bucket = bucket;
            }
        }

        Keyed(String prefix, Limit limit) {
            this.prefix = prefix;
            this.limit = limit;
        }

        void consume(String chat, String method) {
            Entry entry = entries.compute(chat, (k, old) -> {
                Entry e = old != null ? old : new Entry(factory.create(prefix + k, limit.configuration()));
                e.inUse++;
                return e;
            });
            try {
                DefaultRateLimiter.consume(entry.bucket, method);
            } finally {
                entries.computeIfPresent(chat, (k, e) -> {
                    e.inUse--;
                    e.lastUsed = System.nanoTime();
                    return e;
                });
            }
            if (entries.size() > sweepAt) {
                sweep();
            }
        }

        /** Drops buckets nobody waits on that were last used a full period ago (they are full again). */
        private void sweep() {
            if (!sweeping.compareAndSet(false, true)) {
                return;
            }
            try {
                long now = System.nanoTime();
                long period = limit.period().toNanos();
                for (String key : entries.keySet()) {
                    entries.computeIfPresent(key, (k, e) -> e.inUse == 0 && now - e.lastUsed > period ? null : e);
                }
                sweepAt = Math.max(SWEEP_THRESHOLD, 2 * entries.size());
            } finally {
                sweeping.set(false);
            }
        }
    }

    /** {@code maxRate} calls per {@code period}: a burst of maxRate, then one every period/maxRate. */
    record Limit(int maxRate, Duration period) {
        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(maxRate).refillGreedy(maxRate, period).build())
                    .build();
        }

        static Limit of(String what, int maxRate, Duration period) {
            if (maxRate < 1) {
                throw new IllegalArgumentException(what + ": maxRate must be at least 1, was " + maxRate
                        + " (to lift this limit use no" + Character.toUpperCase(what.charAt(0)) + what.substring(1)
                        + "Limit())");
            }
            Objects.requireNonNull(period, () -> what + ": period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(what + ": period must be positive, was " + period);
            }
            if (period.toNanos() / maxRate == 0) {
                throw new IllegalArgumentException(what + ": " + maxRate + " per " + period
                        + " is more than one call per nanosecond");
            }
            return new Limit(maxRate, period);
        }

        @Override
        public String toString() {
            return maxRate + "/" + period;
        }
    }

    /**
     * Configures a {@link DefaultRateLimiter}. Defaults are PTB's: {@code overall(30, 1 s)}, {@code group(20, 60 s)},
     * {@code paidBroadcast(1000, 1 s)}, no per-chat limit, {@code maxRetries(0)}, local buckets.
     */
    public static final class Builder {
        private Limit overall = new Limit(30, Duration.ofSeconds(1));
        private Limit group = new Limit(20, Duration.ofSeconds(60));
        private Limit perChat;
        private Limit paid = new Limit(1000, Duration.ofSeconds(1));
        private int maxRetries;
        private BucketFactory factory = BucketFactory.local();

        private Builder() {
        }

        /** At most {@code maxRate} calls with a chat_id per {@code period}, all chats together. */
        public Builder overall(int maxRate, Duration period) {
            this.overall = Limit.of("overall", maxRate, period);
            return this;
        }

        /** No overall limit. */
        public Builder noOverallLimit() {
            this.overall = null;
            return this;
        }

        /** At most {@code maxRate} calls per {@code period} to each group, supergroup or channel. */
        public Builder group(int maxRate, Duration period) {
            this.group = Limit.of("group", maxRate, period);
            return this;
        }

        /** No per-group limit. */
        public Builder noGroupLimit() {
            this.group = null;
            return this;
        }

        /** At most {@code maxRate} calls per {@code period} to each chat, private or not (off by default). */
        public Builder perChat(int maxRate, Duration period) {
            this.perChat = Limit.of("perChat", maxRate, period);
            return this;
        }

        /** No per-chat limit (the default). */
        public Builder noPerChatLimit() {
            this.perChat = null;
            return this;
        }

        /** At most {@code maxRate} paid broadcast calls per {@code period} (default 1000 per second). */
        public Builder paidBroadcast(int maxRate, Duration period) {
            this.paid = Limit.of("paidBroadcast", maxRate, period);
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

        /** Where buckets live: {@link BucketFactory#local()} (default) or a distributed factory (see there). */
        public Builder buckets(BucketFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public DefaultRateLimiter build() {
            return new DefaultRateLimiter(this);
        }
    }
}
