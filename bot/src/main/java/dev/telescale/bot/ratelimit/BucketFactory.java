package dev.telescale.bot.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.local.SynchronizationStrategy;

/**
 * Makes the Bucket4j buckets of a {@link DefaultRateLimiter}: the extension point for limits shared by several
 * instances of one bot. The default, {@link #local()}, keeps each bucket in this JVM. A distributed factory returns
 * Bucket4j proxies whose state lives in a shared store, so all instances draw from the same buckets; with Bucket4j's
 * Lettuce (Redis) integration it is a few lines:
 *
 * <pre>{@code
 * ProxyManager<byte[]> redis = ...;   // a LettuceBasedProxyManager from com.bucket4j:bucket4j_jdk17-lettuce
 * BucketFactory shared = (key, configuration) -> redis.builder()
 *         .build(("telescale:" + botId + ":" + key).getBytes(UTF_8), () -> configuration);
 * RateLimiter limiter = DefaultRateLimiter.builder().buckets(shared).maxRetries(3).build();
 * }</pre>
 *
 * <p>Keys name what a bucket limits: {@code "overall"}, {@code "paid-broadcast"}, {@code "group:<chat id or
 * @username>"}, {@code "chat:<chat id or @username>"}; prefix them with the bot's id when one store serves several
 * bots. The limiter asks for each key's bucket once and keeps it while it is in use; idle group and chat buckets are
 * forgotten (a local one is then full anyway; a distributed one keeps its state in the store). {@code create} is
 * called under a map lock: it must not block (Bucket4j proxies connect lazily). Buckets are consumed with
 * {@code asBlocking().consume(1)}, which parks the thread (no pinning of virtual threads).
 */
@FunctionalInterface
public interface BucketFactory {

    /** The bucket for {@code key}, limited by {@code configuration}. */
    Bucket create(String key, BucketConfiguration configuration);

    /** Buckets in this JVM: lock-free, nanosecond precision. */
    static BucketFactory local() {
        return (key, configuration) -> {
            LocalBucketBuilder b = Bucket.builder().withNanosecondPrecision()
                    .withSynchronizationStrategy(SynchronizationStrategy.LOCK_FREE);
            for (Bandwidth limit : configuration.getBandwidths()) {
                b.addLimit(limit);
            }
            return b.build();
        };
    }
}
