package dev.telescale.redis;

import dev.telescale.bot.ratelimit.BucketFactory;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Rate limits shared by several instances of one bot: a {@link BucketFactory} whose buckets live in Redis (Bucket4j's
 * proxy buckets on Lettuce, compare-and-swap), so every instance's {@code DefaultRateLimiter} draws from the same
 * overall, group, per-chat and paid-broadcast buckets and the cluster as a whole stays under Telegram's limits.
 *
 * <pre>{@code
 * RedisRateLimits shared = RedisRateLimits.builder()
 *         .uri("redis://redis:6379/0")
 *         .botId(123456789)                    // the number before ':' in the token; keys are per bot
 *         .build();                            // connects now; close() at shutdown
 * Bot bot = Bot.builder().token(token)
 *         .rateLimiter(DefaultRateLimiter.builder().buckets(shared).maxRetries(3).build())
 *         .build();
 * }</pre>
 *
 * <p>Keys: {@code <prefix>ratelimit:<bot id>:<bucket>} with the limiter's bucket names ({@code overall},
 * {@code paid-broadcast}, {@code group:<chat>}, {@code chat:<chat>}). A bucket's key expires once the bucket would be
 * full again (plus {@link #IDLE_MARGIN}), so idle chats leave nothing behind. All instances must configure the same
 * limits (the first instance to create a bucket fixes its configuration until the key expires), and their clocks
 * must agree (NTP): bucket state is computed from each client's clock. A {@code RetryAfter} pause stays per
 * instance. Redis failures while taking a token are thrown as {@link RedisRateLimitException} (the call is not sent);
 * Lettuce reconnects by itself, and commands fail at once while it is disconnected rather than queueing.
 */
public final class RedisRateLimits implements BucketFactory, AutoCloseable {

    /** How long a bucket's key outlives the moment the bucket is full again: room for clocks a little apart. */
    public static final Duration IDLE_MARGIN = Duration.ofSeconds(5);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_:.\\-]{0,64}");

    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final ProxyManager<byte[]> buckets;
    private final String keyPrefix;
    private final String server;
    private final long botId;

    private RedisRateLimits(Builder b, RedisClient client, StatefulRedisConnection<byte[], byte[]> connection) {
        this.client = client;
        this.connection = connection;
        this.botId = b.botId;
        this.server = describe(b.uri);
        this.keyPrefix = b.prefix + "ratelimit:" + b.botId + ":";
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(IDLE_MARGIN))
                .requestTimeout(b.commandTimeout)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A bucket whose state is the Redis key {@code <prefix>ratelimit:<bot id>:<key>}; connects nothing new. */
    @Override
    public Bucket create(String key, BucketConfiguration configuration) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(configuration, "configuration");
        String redisKey = keyPrefix + key;
        Bucket proxy = buckets.builder().build(redisKey.getBytes(StandardCharsets.UTF_8), () -> configuration);
        return new RedisRateLimitBucket(proxy, e -> new RedisRateLimitException("Shared rate limit bucket '" + key
                + "' of bot " + botId + " (Redis key " + redisKey + ") could not be used on Redis at " + server
                + ", so the call was not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e));
    }

    /** The Redis key prefix of this bot's buckets, e.g. {@code telescale:ratelimit:123456789:}. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Closes the connection and the client; buckets made by this factory fail afterwards. */
    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    @Override
    public String toString() {
        return "RedisRateLimits[" + server + ", keys " + keyPrefix + "*]";
    }

    /** Where the server is, without credentials. */
    private static String describe(RedisURI uri) {
        if (uri.getHost() != null) {
            return uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        }
        if (uri.getSocket() != null) {
            return "unix:" + uri.getSocket();
        }
        return "sentinel master " + uri.getSentinelMasterId();
    }

    /**
     * Configures {@link RedisRateLimits}: {@link #uri} and {@link #botId} are required; key prefix {@code telescale:},
     * command timeout 2 s.
     */
    public static final class Builder {
        private RedisURI uri;
        private long botId;
        private String prefix = "telescale:";
        private Duration commandTimeout = Duration.ofSeconds(2);

        private Builder() {
        }

        /** The server, e.g. {@code redis://localhost:6379/0} or {@code rediss://:password@host:6380/1}. */
        public Builder uri(String uri) {
            Objects.requireNonNull(uri, "uri");
            try {
                this.uri = RedisURI.create(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a Redis URI (expected redis://host:port/db): "
                        + e.getMessage(), e);
            }
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

        /** How long one Redis command may take before the call waiting for a token fails (default 2 s). */
        public Builder commandTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("commandTimeout must be positive, was " + timeout);
            }
            this.commandTimeout = timeout;
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
                    // A call waiting for a token fails at once while Redis is away instead of queueing behind it.
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .build());
            StatefulRedisConnection<byte[], byte[]> connection;
            try {
                connection = client.connect(ByteArrayCodec.INSTANCE);
            } catch (RuntimeException e) {
                client.shutdown();
                throw new RedisRateLimitException("Could not connect to Redis at " + describe(uri)
                        + " for the shared rate limits of bot " + botId + ": " + e.getMessage(), e);
            }
            connection.setTimeout(commandTimeout);
            return new RedisRateLimits(this, client, connection);
        }
    }
}
