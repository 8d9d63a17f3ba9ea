package dev.telescale.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.methods.SendMessage;
import dev.telescale.bot.Bot;
import dev.telescale.bot.ratelimit.DefaultRateLimiter;
import dev.telescale.bot.ratelimit.SlidingWindow;
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
 * Two instances of one bot (two Bots, two DefaultRateLimiters, two Redis connections) sharing their sliding windows
 * through a real redis-server, sending through the emulator with its flood limits on. Limits are scaled down to keep
 * the tests short; asserted are the 429s (none) and the windows' lower bound on spacing (calls n apart arrive more
 * than a period apart, exactly: each arrival lies between its call's start and end).
 */
class RedisRateLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

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
                .rateLimiter(limits.windows(shared()).build()).build();
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
     * The emulator allows the bot 4 messages in any sliding second; each instance alone would keep to 4 per second,
     * so unshared the two would send 8 and be refused. Shared, all calls together keep 4 per sliding second.
     */
    @Test
    void twoInstancesKeepTheCombinedLimitAndGetNo429() throws Exception {
        startEmulator(FloodLimits.telegramDefaults().withPerSecondOverall(4).withPerMinutePerGroup(0));
        Bot one = instance(DefaultRateLimiter.builder().overall(4, Duration.ofSeconds(1)).noGroupLimit());
        Bot two = instance(DefaultRateLimiter.builder().overall(4, Duration.ofSeconds(1)).noGroupLimit());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
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
        assertEquals(14, t.size());
        for (int i = 0; i + 4 < t.size(); i++) {
            long gap = t.get(i + 4) - t.get(i);
            assertTrue(gap > Duration.ofSeconds(1).toNanos(), "calls " + i + " and " + (i + 4) + " of both instances"
                    + " came " + gap / 1e6 + " ms apart, within one second: " + t);
        }
    }

    /** An instance that dies mid-call holds its slot only until the in-flight lease runs out. */
    @Test
    void aSlotHeldByADeadInstanceIsFreedWhenItsLeaseRunsOut() throws Exception {
        startEmulator(FloodLimits.telegramDefaults());
        RedisRateLimits dead = RedisRateLimits.builder().uri(server.uri()).botId(emulated.id()).keyPrefix(prefix)
                .inFlightLease(Duration.ofSeconds(1)).build();
        closing.add(dead);
        dead.window("chat:1", 1, Duration.ofMillis(100)).acquire();   // never released
        SlidingWindow.Slot slot = shared().window("chat:1", 1, Duration.ofMillis(100)).acquire();
        slot.release();
        assertEquals(1L, (long) redis(c -> c.zcard(prefix + "ratelimit:" + emulated.id() + ":chat:1")),
                "the lapsed slot left the window, the new one ended in it");
    }

    /**
     * A group window of 3 per hour shared by two instances: 3 calls go, the 4th waits for a slot (and is cancelled
     * rather than waiting an hour); the state is one Redis key per window, with a time to live.
     */
    @Test
    void theGroupWindowIsOneForAllInstancesAndItsKeyExpires() throws Exception {
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
            await(() -> redis(c -> c.zcard(key)) == 3, "the three ended calls in the group window in Redis");
            long ttlMs = redis(c -> c.pttl(key));
            // The last call's end leaves the window an hour after it, then the key goes.
            long idleMs = Duration.ofHours(1).plus(RedisRateLimits.IDLE_MARGIN).toMillis();
            assertTrue(ttlMs > 0 && ttlMs <= idleMs, "expires when idle: pttl " + ttlMs);
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
        assertThrows(IllegalArgumentException.class, () -> RedisRateLimits.builder()
                .inFlightLease(Duration.ofMillis(10)));
        assertThrows(NullPointerException.class, () -> RedisRateLimits.builder().inFlightLease(null));
        assertThrows(NullPointerException.class, () -> RedisRateLimits.builder().uri((String) null));
        try (RedisRateLimits r = RedisRateLimits.builder().uri(server.uri()).botId(7).keyPrefix(prefix).build()) {
            assertEquals(prefix + "ratelimit:7:", r.keyPrefix());
            assertFalse(r.toString().contains("@"), r.toString());
            assertThrows(IllegalArgumentException.class, () -> r.window("overall", 0, Duration.ofSeconds(1)));
            assertThrows(IllegalArgumentException.class, () -> r.window("overall", 1, Duration.ZERO));
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
