package dev.telescale.bot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.ChatId;
import dev.telescale.api.InputFile;
import dev.telescale.api.errors.BadRequest;
import dev.telescale.api.errors.RetryAfter;
import dev.telescale.api.methods.GetMe;
import dev.telescale.api.methods.GetUpdates;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.methods.SendPhoto;
import dev.telescale.api.types.User;
import dev.telescale.bot.Bot;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.FloodLimits;
import dev.telescale.testkit.RecordedCall;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default rate limiter in a Bot against the emulator over HTTP. Limits are scaled down so tests stay short. The
 * emulator records when each call arrives; a sliding window of n per period guarantees that calls n apart arrive
 * more than a period apart (each arrival lies between its call's start and end), so that lower bound is asserted
 * exactly, with no slack (a slow machine spreads calls more, never less). With the emulator's flood limits on, the
 * 429s it answered are counted. "Not limited" is shown by a limit that would block for an hour.
 */
class RateLimiterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Slack for the few milliseconds between a pause's start and the emulator's receipt. */
    private static final long SLACK_MS = 120;
    private static final Duration HOUR = Duration.ofHours(1);

    /** A call as the emulator received it. */
    record Arrival(String method, String chatId, long nanos) {
    }

    BotApiEmulator emulator;
    EmulatedBot emulated;
    EmulatedUser alice;
    EmulatedChat group;
    final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    final List<Bot> bots = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = BotApiEmulator.builder().onCall(c -> arrivals.add(new Arrival(c.method(), chatOf(c),
                System.nanoTime()))).start();
        emulated = emulator.createBot("LimitedBot");
        alice = emulator.user("alice");
        alice.chatWith(emulated);
        group = emulator.supergroup("the group", alice).add(emulated);
    }

    private static String chatOf(RecordedCall c) {
        return c.param("chat_id") == null ? null : c.param("chat_id").asText();
    }

    @AfterEach
    void stop() {
        bots.forEach(Bot::shutdown);
        emulator.close();
    }

    Bot bot(RateLimiter limiter) {
        Bot b = Bot.builder().token(emulated.token()).apiBaseUrl(emulator.serverUrl()).rateLimiter(limiter).build();
        bots.add(b);
        return b;
    }

    static SendMessage message(long chat, String text) {
        return SendMessage.builder().chatId(chat).text(text).build();
    }

    /** Runs the sends concurrently on virtual threads and waits for all. */
    static void concurrently(int n, java.util.function.IntConsumer send) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                fs.add(pool.submit(() -> send.accept(k)));
            }
            for (Future<?> f : fs) {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    List<Long> times(String method) {
        List<Long> t = new ArrayList<>();
        for (Arrival a : arrivals) {
            if (a.method().equals(method)) {
                t.add(a.nanos());
            }
        }
        Collections.sort(t);
        return t;
    }

    /** No {@code period} window holds more than {@code n} of the times: calls n apart came more than a period apart. */
    static void assertWindow(List<Long> t, int n, Duration period) {
        for (int i = 0; i + n < t.size(); i++) {
            long gap = t.get(i + n) - t.get(i);
            assertTrue(gap > period.toNanos(), "calls " + i + " and " + (i + n) + " came " + gap / 1e6 + " ms apart,"
                    + " within one " + period.toMillis() + " ms window: " + t);
        }
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

    @Test
    void callsToOneGroupAreSpreadByTheGroupLimit() throws Exception {
        Bot bot = bot(DefaultRateLimiter.builder().group(4, Duration.ofMillis(500)).build());
        concurrently(10, i -> bot.execute(message(group.id(), "g" + i)));
        List<Long> t = times("sendMessage");
        assertEquals(10, t.size());
        assertWindow(t, 4, Duration.ofMillis(500));
    }

    @Test
    void callsWithAChatIdAreSpreadByTheOverallLimit() throws Exception {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            EmulatedUser u = emulator.user("user" + i);
            u.chatWith(emulated);
            users.add(u.id());
        }
        Bot bot = bot(DefaultRateLimiter.builder().overall(4, Duration.ofMillis(500)).build());
        concurrently(12, i -> bot.execute(message(users.get(i), "o" + i)));
        assertWindow(times("sendMessage"), 4, Duration.ofMillis(500));
    }

    @Test
    void thePerChatLimitSpreadsCallsToAPrivateChat() throws Exception {
        Bot bot = bot(DefaultRateLimiter.builder().perChat(1, Duration.ofMillis(300)).build());
        concurrently(6, i -> bot.execute(message(alice.id(), "c" + i)));
        assertWindow(times("sendMessage"), 1, Duration.ofMillis(300));
    }

    @Test
    void privateChatsHaveNoGroupLimitAndCallsWithoutChatNoOverallLimit() throws Exception {
        Bot bot = bot(DefaultRateLimiter.builder().group(1, HOUR).overall(1, HOUR).build());
        bot.execute(message(group.id(), "takes the only group token and the only overall token"));
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 5; i++) {
                bot.execute(new GetMe());
                bot.execute(GetUpdates.builder().timeout(0L).build());
            }
        });
        done.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Bot privateOnly = bot(DefaultRateLimiter.builder().group(1, HOUR).build());
        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 5; i++) {
                privateOnly.execute(message(alice.id(), "p" + i));
            }
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void paidBroadcastsSkipTheOverallAndGroupLimitsAndHaveTheirOwn() throws Exception {
        Bot bot = bot(DefaultRateLimiter.builder().overall(1, HOUR).group(1, HOUR)
                .paidBroadcast(2, Duration.ofMillis(500)).build());
        bot.execute(message(group.id(), "uses up the overall and group tokens"));
        arrivals.clear();
        concurrently(6, i -> bot.execute(SendMessage.builder().chatId(group.id()).text("paid" + i)
                .allowPaidBroadcast(true).build()));
        assertWindow(times("sendMessage"), 2, Duration.ofMillis(500));
    }

    @Test
    void aRetryAfterPausesEveryCallAndTheCallIsSentAgain() throws Exception {
        DefaultRateLimiter limiter = DefaultRateLimiter.builder().maxRetries(2).build();
        Bot bot = bot(limiter);
        emulator.faults().next(1, "sendMessage").retryAfter(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(
                () -> bot.execute(message(alice.id(), "retried")).text().orElseThrow());
        await(limiter::paused, "the pause after the 429");
        long rejectedAt = times("sendMessage").get(0);
        bot.execute(new GetMe());
        long otherAt = times("getMe").get(0);
        assertTrue((otherAt - rejectedAt) / 1_000_000 >= 1100 - SLACK_MS,
                "a call without any limit waited for the pause: " + (otherAt - rejectedAt) / 1_000_000 + " ms");
        assertEquals("retried", first.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        List<Long> sends = times("sendMessage");
        assertEquals(2, sends.size(), "one rejected attempt, one accepted");
        assertTrue((sends.get(1) - sends.get(0)) / 1_000_000 >= 1100 - SLACK_MS);
    }

    @Test
    void retriesExhaustedRethrowTheRetryAfter() {
        Bot bot = bot(DefaultRateLimiter.builder().maxRetries(1).build());
        emulator.faults().next(2, "sendMessage").retryAfter(0);
        RetryAfter e = assertThrows(RetryAfter.class, () -> bot.execute(message(alice.id(), "x")));
        assertEquals(Duration.ZERO, e.retryAfter());
        assertEquals(2, times("sendMessage").size(), "the first attempt and one retry");

        arrivals.clear();
        Bot noRetries = bot(DefaultRateLimiter.create());
        emulator.faults().next(1, "sendMessage").retryAfter(0);
        assertThrows(RetryAfter.class, () -> noRetries.execute(message(alice.id(), "x")));
        assertEquals(1, times("sendMessage").size(), "PTB's default: no retries");

        arrivals.clear();
        emulator.faults().next(2, "sendMessage").retryAfter(0);
        assertEquals("override", noRetries.executeWithRetries(message(alice.id(), "override"), 2).text()
                .orElseThrow(), "the per-call retry count wins");
        assertEquals(3, times("sendMessage").size());
    }

    @Test
    void otherErrorsPassThroughWithoutRetry() {
        Bot bot = bot(DefaultRateLimiter.builder().maxRetries(3).build());
        emulator.faults().next(1, "sendMessage").answer(400, "Bad Request: chat not found");
        BadRequest e = assertThrows(BadRequest.class, () -> bot.execute(message(alice.id(), "x")));
        assertEquals("Chat not found (sendMessage, error 400)", e.getMessage());
        assertEquals(1, times("sendMessage").size());
    }

    @Test
    void aOneShotUploadIsNotSentAgain() {
        Bot bot = bot(DefaultRateLimiter.builder().maxRetries(3).build());
        emulator.faults().next(1, "sendPhoto").retryAfter(0);
        assertThrows(RetryAfter.class, () -> bot.execute(SendPhoto.builder().chatId(alice.id())
                .photo(InputFile.of(new ByteArrayInputStream(new byte[] {1, 2}), "p.jpg")).build()));
        assertEquals(1, times("sendPhoto").size());
    }

    @Test
    void theLimiterSeesMethodChatAndFlags() {
        List<String> seen = new CopyOnWriteArrayList<>();
        RateLimiter recording = new RateLimiter() {
            @Override
            public <T> T process(RateLimitedCall<T> call) {
                seen.add(call.method() + " " + call.chatId().map(Object::toString).orElse("-") + " "
                        + call.allowPaidBroadcast() + " " + call.maxRetries() + " " + call.repeatable());
                return call.execute();
            }
        };
        emulator.channel("news", "somechannel").add(emulated);
        Bot bot = bot(recording);
        bot.execute(message(alice.id(), "a"));
        bot.execute(SendMessage.builder().chatId(ChatId.of("@somechannel")).text("b").allowPaidBroadcast(true)
                .build());
        bot.executeWithRetries(new GetMe(), 4);
        bot.execute(GetUpdates.builder().timeout(0L).build());
        assertEquals(List.of(
                "sendMessage " + alice.id() + " false OptionalInt.empty true",
                "sendMessage @somechannel true OptionalInt.empty true",
                "getMe - false OptionalInt[4] true"), seen, "getUpdates never reaches the limiter");
    }

    @Test
    void limitersSharingWindowsLimitTheirBotsTogether() throws Exception {
        // What a shared WindowStore does, in memory: the same name gives the same window to every instance.
        Map<String, SlidingWindow> store = new ConcurrentHashMap<>();
        List<String> names = new CopyOnWriteArrayList<>();
        WindowStore shared = (name, maxCalls, period) -> {
            names.add(name);
            return store.computeIfAbsent(name, k -> SlidingWindow.local(maxCalls, period));
        };
        Bot one = bot(DefaultRateLimiter.builder().group(4, Duration.ofMillis(500)).windows(shared).build());
        Bot two = bot(DefaultRateLimiter.builder().group(4, Duration.ofMillis(500)).windows(shared).build());
        concurrently(12, i -> (i % 2 == 0 ? one : two).execute(message(group.id(), "s" + i)));
        assertWindow(times("sendMessage"), 4, Duration.ofMillis(500));
        assertTrue(names.containsAll(List.of("overall", "paid-broadcast", "group:" + group.id())), names.toString());
    }

    /**
     * The defaults' shape at a tenth of the rate, against the emulator's sliding windows (10 per second per bot, 1 per
     * second per private chat): 90 messages to 90 private chats, all at once, get no 429.
     */
    @Test
    void theDefaultLimiterGetsNo429FromSlidingWindowFloodLimits() throws Exception {
        try (FloodedBot flooded = new FloodedBot(null)) {
            Bot bot = flooded.bot(DefaultRateLimiter.builder().overall(10, Duration.ofSeconds(1)).build());
            concurrently(90, i -> bot.execute(message(flooded.chats.get(i), "news " + i)));
            assertEquals(0, flooded.emulator.floodLimitHits(), "429s answered");
            assertEquals(90, flooded.emulator.acceptedMessages().size());
        }
    }

    /**
     * Every 7th call is held 250 ms on its way in (before the emulator counts it). A limiter counting from each call's
     * start would let the next second's calls crowd the window the late call lands in; counting from its end does not.
     */
    @Test
    void lateArrivalsDoNotCrowdAWindow() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        try (FloodedBot flooded = new FloodedBot((emulator, c) -> {
            // Runs before the emulator takes this call's fault, so the delay applies to this very call.
            if (c.method().equals("sendMessage") && sends.incrementAndGet() % 7 == 3) {
                emulator.faults().next(1, "sendMessage").delay(Duration.ofMillis(250));
            }
        })) {
            Bot bot = flooded.bot(DefaultRateLimiter.builder().overall(10, Duration.ofSeconds(1)).build());
            concurrently(50, i -> bot.execute(message(flooded.chats.get(i), "late " + i)));
            assertEquals(0, flooded.emulator.floodLimitHits(), "429s answered");
            assertEquals(50, flooded.emulator.acceptedMessages().size());
            assertEquals(50, sends.get(), "no call was refused and sent again");
        }
    }

    @Test
    void aCallInterruptedWhileWaitingIsCancelledAndNotSent() throws Exception {
        Bot bot = bot(DefaultRateLimiter.builder().group(1, HOUR).build());
        bot.execute(message(group.id(), "takes the hour's only slot"));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            Future<?> second = pool.submit(() -> {
                thread.complete(Thread.currentThread());
                return bot.execute(message(group.id(), "never"));
            });
            Thread t = thread.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            await(() -> t.getState() == Thread.State.TIMED_WAITING, "the call to wait for the window");
            t.interrupt();
            ExecutionException e = assertThrows(ExecutionException.class, second::get);
            assertTrue(e.getCause() instanceof java.util.concurrent.CancellationException, e.toString());
            assertTrue(e.getCause().getMessage().contains("sendMessage") && e.getCause().getMessage()
                    .contains("not sent"), e.getCause().getMessage());
        }
        assertEquals(1, times("sendMessage").size(), "only the first call went out");
    }

    /** A second emulator with flood limits on (10 per second per bot) and 90 private chats with its bot. */
    final class FloodedBot implements AutoCloseable {
        final BotApiEmulator emulator;
        final EmulatedBot account;
        final List<Long> chats = new ArrayList<>();

        /** @param listener sees each call as it arrives, with this emulator; or null */
        FloodedBot(java.util.function.BiConsumer<BotApiEmulator, RecordedCall> listener) {
            java.util.concurrent.atomic.AtomicReference<BotApiEmulator> started =
                    new java.util.concurrent.atomic.AtomicReference<>();
            BotApiEmulator.Builder b = BotApiEmulator.builder()
                    .enforceFloodLimits(FloodLimits.telegramDefaults().withPerSecondOverall(10));
            if (listener != null) {
                b.onCall(c -> listener.accept(started.get(), c));
            }
            emulator = b.start();
            started.set(emulator);
            account = emulator.createBot("FloodedBot");
            for (int i = 0; i < 90; i++) {
                chats.add(emulator.user("reader" + i).chatWith(account).id());
            }
        }

        Bot bot(RateLimiter limiter) {
            Bot b = Bot.builder().token(account.token()).apiBaseUrl(emulator.serverUrl()).rateLimiter(limiter).build();
            bots.add(b);
            return b;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }

    @Test
    void idleGroupWindowsAreDropped() throws Exception {
        DefaultRateLimiter limiter = DefaultRateLimiter.builder().noOverallLimit().group(1, Duration.ofMillis(20))
                .build();
        for (int i = 1; i <= 600; i++) {
            limiter.process(new DirectCall(-i));
        }
        long last = System.nanoTime();
        await(() -> System.nanoTime() - last > Duration.ofMillis(50).toNanos(), "the windows to be idle");
        // The next sweep comes at the latest when twice the windows left by the last one exist.
        int next = 601;
        while (limiter.groupWindows() >= 600 && next < 2000) {
            limiter.process(new DirectCall(-next++));
        }
        assertTrue(limiter.groupWindows() < 600, "kept " + limiter.groupWindows() + " after " + next + " groups");
    }

    /** A call that sends nothing, to drive the limiter's bookkeeping without HTTP. */
    record DirectCall(long chat) implements RateLimitedCall<Long> {
        @Override
        public String method() {
            return "sendMessage";
        }

        @Override
        public java.util.Optional<ChatId> chatId() {
            return java.util.Optional.of(ChatId.of(chat));
        }

        @Override
        public boolean allowPaidBroadcast() {
            return false;
        }

        @Override
        public java.util.OptionalInt maxRetries() {
            return java.util.OptionalInt.empty();
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public Long execute() {
            return chat;
        }
    }

    @Test
    void badBuilderInputIsRefusedWithTheReason() {
        DefaultRateLimiter.Builder b = DefaultRateLimiter.builder();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.overall(0, Duration.ofSeconds(1)))
                .getMessage().contains("noOverallLimit()"));
        assertThrows(IllegalArgumentException.class, () -> b.group(-1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> b.perChat(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.paidBroadcast(1, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.overall(Integer.MAX_VALUE, Duration.ofNanos(1)));
        assertThrows(NullPointerException.class, () -> b.group(1, null));
        assertThrows(IllegalArgumentException.class, () -> b.maxRetries(-1));
        assertThrows(NullPointerException.class, () -> b.windows(null));

        Bot plain = Bot.builder().token(emulated.token()).apiBaseUrl(emulator.serverUrl()).build();
        bots.add(plain);
        assertTrue(assertThrows(IllegalStateException.class, () -> plain.executeWithRetries(new GetMe(), 1))
                .getMessage().contains("rateLimiter"));
        Bot limited = bot(DefaultRateLimiter.create());
        assertThrows(IllegalStateException.class,
                () -> limited.executeWithRetries(GetUpdates.builder().build(), 1));
        assertThrows(IllegalArgumentException.class, () -> limited.executeWithRetries(new GetMe(), -1));
        User me = limited.executeWithRetries(new GetMe(), 0);
        assertEquals(emulated.id(), me.id());
        assertTrue(limited.rateLimiter().orElseThrow().toString().contains("overall=30/PT1S"));
    }
}
