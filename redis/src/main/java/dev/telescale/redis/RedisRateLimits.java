package dev.telescale.redis;

import dev.telescale.bot.ratelimit.SlidingWindow;
import dev.telescale.bot.ratelimit.WindowStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Rate limits shared by several instances of one bot: a {@link WindowStore} whose sliding windows live in Redis (a
 * sorted set per window, updated by atomic Lua scripts on the server's clock), so every instance's
 * {@code DefaultRateLimiter} counts its calls in the same overall, group, per-chat and paid-broadcast windows and the
 * cluster as a whole stays under Telegram's limits, with the local limiter's guarantee: call {@code k + n} of a
 * window, on whichever instance, starts only after call {@code k} ended plus the period, so no sliding window at
 * Telegram sees more than {@code n}.
 *
 * <pre>{@code
 * RedisRateLimits shared = RedisRateLimits.builder()
 *         .uri("redis://redis:6379/0")
 *         .botId(123456789)                    // the number before ':' in the token; keys are per bot
 *         .build();                            // connects now; close() at shutdown
 * Bot bot = Bot.builder().token(token)
 *         .rateLimiter(DefaultRateLimiter.builder().windows(shared).maxRetries(3).build())
 *         .build();
 * }</pre>
 *
 * <p>Keys: {@code <prefix>ratelimit:<bot id>:<window>} with the limiter's window names ({@code overall},
 * {@code paid-broadcast}, {@code group:<chat>}, {@code chat:<chat>}). A window's key expires when its last call has
 * left the window (plus {@link #IDLE_MARGIN}), so idle chats leave nothing behind. All instances must configure the
 * same limits (each instance counts against its own {@code maxCalls}). Times come from Redis ({@code TIME} inside the
 * scripts), so the instances' clocks do not matter. A call in flight holds its slot until it ends, or at most
 * {@link Builder#inFlightLease} (an instance that died mid-call). A {@code RetryAfter} pause stays per instance.
 * Redis failures while waiting for a slot are thrown as {@link RedisRateLimitException} (the call is not sent); a
 * failure to record a call's end is logged and the slot kept until its lease runs out. Lettuce reconnects by itself,
 * and commands fail at once while it is disconnected rather than queueing.
 */
public final class RedisRateLimits implements WindowStore, AutoCloseable {

    /** How long a window's key outlives its last call's end leaving the window. */
    public static final Duration IDLE_MARGIN = Duration.ofSeconds(5);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_:.\\-]{0,64}");

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String keyPrefix;
    private final String server;
    private final long botId;
    private final Duration lease;
    /** Slot ids: unique per instance (a random id), then a counter. */
    private final String slotPrefix = UUID.randomUUID() + ":";
    private final AtomicLong slots = new AtomicLong();

    private RedisRateLimits(Builder b, RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.client = client;
        this.connection = connection;
        this.botId = b.botId;
        this.server = RedisUris.describe(b.uri);
        this.keyPrefix = b.prefix + "ratelimit:" + b.botId + ":";
        this.lease = b.lease;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The window whose state is the Redis key {@code <prefix>ratelimit:<bot id>:<name>}; connects nothing new. */
    @Override
    public SlidingWindow window(String name, int maxCalls, Duration period) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        if (maxCalls < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("window " + name + ": needs at least 1 call per positive period, was "
                    + maxCalls + "/" + period);
        }
        String redisKey = keyPrefix + name;
        return new RedisRateLimitWindow(connection.sync(), redisKey, maxCalls, period, lease, slotPrefix, slots,
                e -> new RedisRateLimitException("Shared rate limit window '" + name + "' of bot " + botId
                        + " (Redis key " + redisKey + ") could not be used on Redis at " + server
                        + ", so the call was not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e));
    }

    /** The Redis key prefix of this bot's windows, e.g. {@code telescale:ratelimit:123456789:}. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Closes the connection and the client; windows made by this store fail afterwards. */
    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    @Override
    public String toString() {
        return "RedisRateLimits[" + server + ", keys " + keyPrefix + "*]";
    }

    /**
     * Configures {@link RedisRateLimits}: {@link #uri} and {@link #botId} are required; key prefix {@code telescale:},
     * command timeout 2 s, in-flight lease 5 minutes.
     */
    public static final class Builder {
        private RedisURI uri;
        private long botId;
        private String prefix = "telescale:";
        private Duration commandTimeout = Duration.ofSeconds(2);
        private Duration lease = Duration.ofMinutes(5);

        private Builder() {
        }

        /** The server, e.g. {@code redis://localhost:6379/0} or {@code rediss://:password@host:6380/1}. */
        public Builder uri(String uri) {
            this.uri = RedisUris.parse(uri);
            return this;
        }

        /** The server as a Lettuce {@link RedisURI} (sentinel, TLS, credentials, client name, ...). */
        public Builder uri(RedisURI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * The bot whose limits these are: the number before ':' in its token (Telegram's limits are per bot). Only
         * the id is taken, never the token.
         */
        public Builder botId(long botId) {
            if (botId <= 0) {
                throw new IllegalArgumentException("botId must be positive (the number before ':' in the token), was "
                        + botId);
            }
            this.botId = botId;
            return this;
        }

        /** Prefix of every key (default {@code telescale:}), as {@code RedisPersistence}'s. */
        public Builder keyPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("key prefix '" + prefix + "' may have up to 64 letters, digits "
                        + "and _ : . -");
            }
            this.prefix = prefix;
            return this;
        }

        /** How long one Redis command may take before the call waiting for a slot fails (default 2 s). */
        public Builder commandTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("commandTimeout must be positive, was " + timeout);
            }
            this.commandTimeout = timeout;
            return this;
        }

        /**
         * The longest a call may hold its slot in flight (default 5 minutes): after that it counts as ended then, so
         * an instance that died mid-call does not hold a slot forever. Longer than any call takes, uploads included.
         */
        public Builder inFlightLease(Duration lease) {
            Objects.requireNonNull(lease, "lease");
            if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("inFlightLease must be at least 1 s (longer than any call), was "
                        + lease);
            }
            this.lease = lease;
            return this;
        }

        /** Connects to Redis; a server that cannot be reached is reported now, as a {@link RedisRateLimitException}. */
        public RedisRateLimits build() {
            if (uri == null) {
                throw new IllegalStateException("RedisRateLimits needs uri(...): the Redis server shared by the "
                        + "bot's instances");
            }
            if (botId == 0) {
                throw new IllegalStateException("RedisRateLimits needs botId(...): the number before ':' in the "
                        + "bot's token");
            }
            RedisClient client = RedisClient.create(uri);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    // A call waiting for a slot fails at once while Redis is away instead of queueing behind it.
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .build());
            StatefulRedisConnection<String, String> connection;
            try {
                connection = client.connect();
            } catch (RuntimeException e) {
                client.shutdown();
                throw new RedisRateLimitException("Could not connect to Redis at " + RedisUris.describe(uri)
                        + " for the shared rate limits of bot " + botId + ": " + e.getMessage(), e);
            }
            connection.setTimeout(commandTimeout);
            return new RedisRateLimits(this, client, connection);
        }
    }
}
