package dev.telescale.redis;

import dev.telescale.bot.ratelimit.SlidingWindow;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SlidingWindow} shared by a bot's instances: one sorted set per window in Redis, a member per call
 * scored by its end (Redis server time, microseconds) or, while in flight, by when its lease runs out. Acquiring runs
 * one Lua script atomically: drop the ends that left the window, then take a slot if fewer than {@code maxCalls}
 * remain, else answer how long until the oldest leaves (or that only a call in flight can free one). Releasing
 * scores the member with the server's time now. The server's clock is the only clock, so the instances' clocks do not
 * matter; the key's time to live is set on every write to when its last member leaves the window (plus
 * {@link RedisRateLimits#IDLE_MARGIN}).
 *
 * <p>In this JVM the waiters of a window queue on a fair lock, so only the head asks Redis: it waits the time Redis
 * named, or polls every {@link #POLL} while calls are in flight elsewhere, and is woken at once by a release in
 * this JVM. A call in flight longer than its lease (an instance that died mid-call) counts as ended when the lease
 * ran out.
 */
final class RedisRateLimitWindow implements SlidingWindow {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitWindow.class);
    /** How often the head waiter asks again while every slot is held by calls in flight on other instances. */
    static final Duration POLL = Duration.ofMillis(5);

    /** KEYS[1] window; ARGV slot id, max calls, period µs, lease µs, idle margin ms. 0: taken; -1: all in flight. */
    static final String ACQUIRE = """
            if redis.replicate_commands then redis.replicate_commands() end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local period = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - period - 1)
            local count = redis.call('ZCARD', KEYS[1])
            local limit = tonumber(ARGV[2])
            if count < limit then
              redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
              local last = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
              redis.call('PEXPIRE', KEYS[1], math.floor((last + period - now) / 1000) + tonumber(ARGV[5]))
              return 0
            end
            local oldest = tonumber(redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')[2])
            if oldest > now then return -1 end
            return oldest + period - now + 1
            """;

    /** KEYS[1] window; ARGV slot id, period µs, idle margin ms. */
    static final String RELEASE = """
            if redis.replicate_commands then redis.replicate_commands() end
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            redis.call('ZADD', KEYS[1], now, ARGV[1])
            local last = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
            redis.call('PEXPIRE', KEYS[1], math.floor((last + tonumber(ARGV[2]) - now) / 1000) + tonumber(ARGV[3]))
            return 0
            """;

    private final RedisCommands<String, String> redis;
    private final String key;
    private final int maxCalls;
    private final Duration period;
    private final String[] keys;
    private final String maxCallsArg;
    private final String periodMicros;
    private final String leaseMicros;
    private final String marginMillis;
    private final String slotPrefix;
    private final AtomicLong slots;
    private final Function<RuntimeException, RedisRateLimitException> failure;
    private final ReentrantLock gate = new ReentrantLock(true);
    private final ReentrantLock signal = new ReentrantLock();
    private final Condition released = signal.newCondition();
    private final AtomicLong releases = new AtomicLong();
    private final String acquireSha;
    private final String releaseSha;

    RedisRateLimitWindow(RedisCommands<String, String> redis, String key, int maxCalls, Duration period,
            Duration lease, String slotPrefix, AtomicLong slots,
            Function<RuntimeException, RedisRateLimitException> failure) {
        this.redis = redis;
        this.key = key;
        this.maxCalls = maxCalls;
        this.period = period;
        this.keys = new String[] {key};
        this.maxCallsArg = Integer.toString(maxCalls);
        this.periodMicros = Long.toString(Math.max(1, TimeUnit.NANOSECONDS.toMicros(period.toNanos())));
        this.leaseMicros = Long.toString(TimeUnit.NANOSECONDS.toMicros(lease.toNanos()));
        this.marginMillis = Long.toString(RedisRateLimits.IDLE_MARGIN.toMillis());
        this.slotPrefix = slotPrefix;
        this.slots = slots;
        this.failure = failure;
        this.acquireSha = redis.digest(ACQUIRE);
        this.releaseSha = redis.digest(RELEASE);
    }

    @Override
    public Slot acquire() throws InterruptedException {
        gate.lockInterruptibly();
        try {
            String slot = slotPrefix + slots.incrementAndGet();
            while (true) {
                long seen = releases.get();
                long answer = acquireScript(slot, maxCallsArg, periodMicros, leaseMicros, marginMillis);
                if (answer == 0) {
                    return new RedisSlot(slot);
                }
                long waitNanos = answer > 0 ? TimeUnit.MICROSECONDS.toNanos(answer) : POLL.toNanos();
                signal.lockInterruptibly();
                try {
                    if (releases.get() == seen) {
                        released.awaitNanos(waitNanos);
                    }
                } finally {
                    signal.unlock();
                }
            }
        } finally {
            gate.unlock();
        }
    }

    private long acquireScript(String... args) throws InterruptedException {
        try {
            return script(ACQUIRE, acquireSha, args);
        } catch (RedisCommandInterruptedException e) {
            // Interrupted while Redis answered: cancelled like any wait for a slot (a slot it took lapses by lease).
            Thread.interrupted();
            InterruptedException interrupted = new InterruptedException("interrupted while asking Redis for a slot");
            interrupted.initCause(e);
            throw interrupted;
        } catch (RuntimeException e) {
            throw failure.apply(e);
        }
    }

    /** Runs a script by its digest, loading it on the first use on a server (or after the server restarted). */
    private long script(String script, String sha, String... args) {
        try {
            return redis.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
        } catch (RedisNoScriptException notLoaded) {
            return redis.eval(script, ScriptOutputType.INTEGER, keys, args);
        }
    }

    @Override
    public int maxCalls() {
        return maxCalls;
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public String toString() {
        return "RedisRateLimitWindow[" + key + ", " + maxCalls + "/" + period + "]";
    }

    private final class RedisSlot implements Slot {
        private final String id;
        private final AtomicBoolean done = new AtomicBoolean();

        RedisSlot(String id) {
            this.id = id;
        }

        /**
         * Records the end in Redis. A failure is logged, not thrown: the call has been sent and its answer must reach
         * the caller; the slot then counts as in flight until its lease runs out, which errs on the safe side.
         */
        @Override
        public void release() {
            if (!done.compareAndSet(false, true)) {
                throw new IllegalStateException("this slot of " + RedisRateLimitWindow.this + " was already released");
            }
            try {
                script(RELEASE, releaseSha, id, periodMicros, marginMillis);
            } catch (RuntimeException e) {
                LOG.warn("The end of a call could not be recorded in the shared rate limit window {} ({}: {}); its "
                        + "slot stays taken until its lease runs out", key, e.getClass().getSimpleName(),
                        e.getMessage());
            }
            releases.incrementAndGet();
            signal.lock();
            try {
                released.signalAll();
            } finally {
                signal.unlock();
            }
        }
    }
}
