package dev.telescale.redis;

import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketListener;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.SchedulingBucket;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.UninterruptibleBlockingStrategy;
import io.github.bucket4j.VerboseBlockingBucket;
import io.github.bucket4j.VerboseBucket;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A Bucket4j proxy bucket whose failures (Redis unreachable, timed out) are rethrown as a
 * {@link RedisRateLimitException} naming the server and the bucket, instead of Lettuce's bare "Currently not
 * connected". The verbose and scheduling views are the proxy's own: the rate limiter uses only the plain and blocking
 * calls.
 */
final class RedisRateLimitBucket implements Bucket {

    /** Blocking calls that may be interrupted. */
    @FunctionalInterface
    private interface Interruptible<T> {
        T get() throws InterruptedException;
    }

    private final Bucket proxy;
    private final Function<RuntimeException, RedisRateLimitException> failure;
    private final BlockingBucket blocking;

    RedisRateLimitBucket(Bucket proxy, Function<RuntimeException, RedisRateLimitException> failure) {
        this.proxy = proxy;
        this.failure = failure;
        this.blocking = new Blocking(proxy.asBlocking());
    }

    private <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw failure.apply(e);
        }
    }

    private long guardLong(LongSupplier call) {
        try {
            return call.getAsLong();
        } catch (RuntimeException e) {
            throw failure.apply(e);
        }
    }

    private void guardRun(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw failure.apply(e);
        }
    }

    private <T> T guardInterruptible(Interruptible<T> call) throws InterruptedException {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw failure.apply(e);
        }
    }

    @Override
    public BlockingBucket asBlocking() {
        return blocking;
    }

    @Override
    public SchedulingBucket asScheduler() {
        return proxy.asScheduler();
    }

    @Override
    public VerboseBucket asVerbose() {
        return proxy.asVerbose();
    }

    @Override
    public boolean tryConsume(long numTokens) {
        return guard(() -> proxy.tryConsume(numTokens));
    }

    @Override
    public long consumeIgnoringRateLimits(long tokens) {
        return guardLong(() -> proxy.consumeIgnoringRateLimits(tokens));
    }

    @Override
    public ConsumptionProbe tryConsumeAndReturnRemaining(long numTokens) {
        return guard(() -> proxy.tryConsumeAndReturnRemaining(numTokens));
    }

    @Override
    public EstimationProbe estimateAbilityToConsume(long numTokens) {
        return guard(() -> proxy.estimateAbilityToConsume(numTokens));
    }

    @Override
    public long tryConsumeAsMuchAsPossible() {
        return guardLong(proxy::tryConsumeAsMuchAsPossible);
    }

    @Override
    public long tryConsumeAsMuchAsPossible(long limit) {
        return guardLong(() -> proxy.tryConsumeAsMuchAsPossible(limit));
    }

    @Override
    public void addTokens(long tokensToAdd) {
        guardRun(() -> proxy.addTokens(tokensToAdd));
    }

    @Override
    public void forceAddTokens(long tokensToAdd) {
        guardRun(() -> proxy.forceAddTokens(tokensToAdd));
    }

    @Override
    public void reset() {
        guardRun(proxy::reset);
    }

    @Override
    public long getAvailableTokens() {
        return guardLong(proxy::getAvailableTokens);
    }

    @Override
    public void replaceConfiguration(BucketConfiguration newConfiguration,
            TokensInheritanceStrategy tokensInheritanceStrategy) {
        guardRun(() -> proxy.replaceConfiguration(newConfiguration, tokensInheritanceStrategy));
    }

    @Override
    public Bucket toListenable(BucketListener listener) {
        return new RedisRateLimitBucket(proxy.toListenable(listener), failure);
    }

    /** The blocking view: Bucket4j reserves the token in Redis, then parks here until its time comes. */
    private final class Blocking implements BlockingBucket {
        private final BlockingBucket delegate;

        Blocking(BlockingBucket delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean tryConsume(long numTokens, long maxWaitTimeNanos, BlockingStrategy blockingStrategy)
                throws InterruptedException {
            return guardInterruptible(() -> delegate.tryConsume(numTokens, maxWaitTimeNanos, blockingStrategy));
        }

        @Override
        public boolean tryConsumeUninterruptibly(long numTokens, long maxWaitTimeNanos,
                UninterruptibleBlockingStrategy blockingStrategy) {
            return guard(() -> delegate.tryConsumeUninterruptibly(numTokens, maxWaitTimeNanos, blockingStrategy));
        }

        @Override
        public void consume(long numTokens, BlockingStrategy blockingStrategy) throws InterruptedException {
            guardInterruptible(() -> {
                delegate.consume(numTokens, blockingStrategy);
                return null;
            });
        }

        @Override
        public void consumeUninterruptibly(long numTokens, UninterruptibleBlockingStrategy blockingStrategy) {
            guardRun(() -> delegate.consumeUninterruptibly(numTokens, blockingStrategy));
        }

        @Override
        public VerboseBlockingBucket asVerbose() {
            return delegate.asVerbose();
        }
    }
}
