package dev.telescale.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.methods.SendMessage;
import dev.telescale.bot.Bot;
import dev.telescale.bot.ratelimit.DefaultRateLimiter;
import dev.telescale.testkit.AcceptedMessage;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.FloodLimits;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of one bot (two Bots, two DefaultRateLimiters, two Redis connections) sharing their buckets through
 * a real redis-server, sending through the emulator with its flood limits on. Limits are scaled down to keep the
 * tests short; only lower bounds of the spacing are asserted (a slow machine spreads calls more, never less).
 */
class RedisRateLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Slack for the milliseconds between a token granted and the emulator's receipt of the call. */
    private static final long SLACK_MS = 120;

    private static RedisServer server;
    private String prefix;
    private BotApiEmulator emulator;
    private EmulatedBot emulated;
    private EmulatedChat group;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void freshPrefix() {
        prefix = "l" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    void startEmulator(FloodLimits limits) {
        emulator = BotApiEmulator.builder().enforceFloodLimits(limits).start();
        emulated = emulator.createBot("ClusterBot");
        EmulatedUser alice = emulator.user("alice");
        group = emulator.supergroup("the group", alice).add(emulated);
    }

    RedisRateLimits shared() {
        RedisRateLimits r = RedisRateLimits.builder().uri(server.uri()).botId(emulated.id()).keyPrefix(prefix).build();
        closing.add(r);
        return r;
    }

    /** One instance of the bot: its own Bot, limiter and Redis connection. */
    Bot instance(DefaultRateLimiter.Builder limits) {
        Bot bot = Bot.builder().token(emulated.token()).apiBaseUrl(emulator.serverUrl())
                .rateLimiter(limits.buckets(shared()).build()).build();
        closing.add(bot::shutdown);
        return bot;
    }

    SendMessage toGroup(String text) {
        return SendMessage.builder().chatId(group.id()).text(text).build();
    }

    List<Long> acceptedTimes() {
        return emulator.acceptedMessages().stream().map(AcceptedMessage::nanoTime).sorted().toList();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /**
     * The emulator allows the bot 4 messages in any sliding second; each instance alone would send one every 300 ms.
     * Unshared, two instances would send 6-7 a second and be refused; shared, all calls together keep one every
     * 300 ms (5 calls span at least 1.2 s, so no second holds more than 4).
     */
    @Test
    void twoInstancesSendingToOneGroupKeepTheCombinedLimitAndGetNo429() throws Exception {
        startEmulator(FloodLimits.telegramDefaults().withPerSecondOverall(4).withPerMinutePerGroup(0));
        DefaultRateLimiter.Builder limits = DefaultRateLimiter.builder().noOverallLimit()
                .group(1, Duration.ofMillis(300));
        Bot one = instance(limits);
        Bot two = instance(DefaultRateLimiter.builder().noOverallLimit().group(1, Duration.ofMillis(300)));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Bot bot = i % 2 == 0 ? one : two;
                String text = "m" + i;
                sends.add(pool.submit(() -> bot.execute(toGroup(text))));
            }
            for (Future<?> f : sends) {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        assertEquals(0, emulator.floodLimitHits(), "429s answered");
        List<Long> t = acceptedTimes();
        assertEquals(12, t.size());
        for (int i = 1; i < t.size(); i++) {
            long gapMs = (t.get(i) - t.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= 300 - SLACK_MS, "calls " + (i - 1) + " and " + i + " of both instances came "
                    + gapMs + " ms apart, less than the shared 300 ms: " + t);
        }
    }

    /**
     * A group bucket of 3 per hour shared by two instances: 3 calls go, the 4th waits for its token (and is cancelled
     * rather than waiting 20 minutes); the state is one Redis key per bucket, with a time to live.
     */
    @Test
    void theGroupBucketIsOneForAllInstancesAndItsKeyExpires() throws Exception {
        startEmulator(FloodLimits.telegramDefaults());
        Bot one = instance(DefaultRateLimiter.builder().group(3, Duration.ofHours(1)));
        Bot two = instance(DefaultRateLimiter.builder().group(3, Duration.ofHours(1)));
        List<Future<?>> sends = new ArrayList<>();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < 4; i++) {
                Bot bot = i % 2 == 0 ? one : two;
                String text = "g" + i;
                sends.add(pool.submit(() -> bot.execute(toGroup(text))));
            }
            await(() -> emulator.acceptedMessages().size() == 3, "three calls accepted");
            String key = prefix + "ratelimit:" + emulated.id() + ":group:" + group.id();
            await(() -> redis(c -> c.get(key)) != null, "the group bucket in Redis");
            long ttlMs = redis(c -> c.pttl(key));
            // Four tokens taken (the 4th reserved by the waiting call), each refilled in 20 minutes: full again in
            // at most 80 minutes, then the key goes.
            long fullAgainMs = Duration.ofMinutes(80).plus(RedisRateLimits.IDLE_MARGIN).toMillis();
            assertTrue(ttlMs > 0 && ttlMs <= fullAgainMs, "expires when idle: pttl " + ttlMs);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        int sent = 0;
        int cancelled = 0;
        for (Future<?> f : sends) {
            try {
                f.get();
                sent++;
            } catch (ExecutionException e) {
                assertInstanceOf(CancellationException.class, e.getCause(), "the waiting call was interrupted");
                cancelled++;
            }
        }
        assertEquals(3, sent);
        assertEquals(1, cancelled);
        assertEquals(3, emulator.acceptedMessages().size(), "the 4th call was never sent");
        assertEquals(0, emulator.floodLimitHits());
    }

    @Test
    void redisStoppedMidwayFailsTheCallNamingServerAndBucketThenRecovers() throws Exception {
        startEmulator(FloodLimits.telegramDefaults());
        Bot bot = instance(DefaultRateLimiter.builder());
        bot.execute(toGroup("before"));
        server.stop();
        try {
            RedisRateLimitException e = assertThrows(RedisRateLimitException.class,
                    () -> bot.execute(toGroup("while down")));
            String m = e.getMessage();
            assertTrue(m.contains("group:" + group.id()) && m.contains("127.0.0.1:" + server.port())
                    && m.contains("bot " + emulated.id()) && m.contains("not sent"), m);
            assertFalse(m.contains(emulated.token()), "the token is not in: " + m);
            assertFalse(m.contains(emulated.token().substring(emulated.token().indexOf(':') + 1)), m);
            assertEquals(1, emulator.acceptedMessages().size(), "nothing sent while Redis was down");
        } finally {
            server.startAgain();
        }
        // Lettuce reconnects by itself; until it has, calls keep failing fast.
        await(() -> {
            try {
                bot.execute(toGroup("after"));
                return true;
            } catch (RedisRateLimitException notYet) {
                return false;
            }
        }, "a send after Redis came back");
        assertEquals(2, emulator.acceptedMessages().size());
    }

    @Test
    void redisUnreachableAtStartIsReportedWithoutThePassword() {
        int port = RedisServer.freePort();
        RedisRateLimitException e = assertThrows(RedisRateLimitException.class, () -> RedisRateLimits.builder()
                .uri("redis://:s3cr3tPassw0rd@127.0.0.1:" + port + "/0").botId(42).build());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port) && e.getMessage().contains("bot 42"),
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3tPassw0rd"), e.getMessage());
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalStateException.class, () -> RedisRateLimits.builder().botId(1).build())
                .getMessage().contains("uri("));
        assertTrue(assertThrows(IllegalStateException.class, () -> RedisRateLimits.builder().uri(server.uri())
                .build()).getMessage().contains("botId("));
        assertThrows(IllegalArgumentException.class, () -> RedisRateLimits.builder().botId(0));
        assertThrows(IllegalArgumentException.class, () -> RedisRateLimits.builder().botId(-5));
        assertThrows(IllegalArgumentException.class, () -> RedisRateLimits.builder().uri("http://nope"));
        assertThrows(IllegalArgumentException.class, () -> RedisRateLimits.builder().keyPrefix("has space"));
        assertThrows(IllegalArgumentException.class, () -> RedisRateLimits.builder().keyPrefix("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> RedisRateLimits.builder().commandTimeout(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> RedisRateLimits.builder().uri((String) null));
        try (RedisRateLimits r = RedisRateLimits.builder().uri(server.uri()).botId(7).keyPrefix(prefix).build()) {
            assertEquals(prefix + "ratelimit:7:", r.keyPrefix());
            assertFalse(r.toString().contains("@"), r.toString());
        }
    }

    <T> T redis(java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> query) {
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return query.apply(c.sync());
        } finally {
            client.shutdown();
        }
    }
}
