package dev.telescale.benchmarks.broadcast;

import dev.telescale.api.methods.SendMessage;
import dev.telescale.bot.Bot;
import dev.telescale.bot.ratelimit.DefaultRateLimiter;
import dev.telescale.testkit.AcceptedMessage;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.FloodLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broadcast benchmark: {@code messages} sendMessage calls, one to each of as many private chats, through a Bot
 * with a rate limiter (see {@link BroadcastMode}) against the Bot API emulator enforcing Telegram's flood limits
 * ({@code FloodLimits.telegramDefaults()} with {@code perSecond} overall: sliding 1 s windows, 429 with
 * retry_after when broken). Each mode gets a fresh emulator. Reported per mode: 429s, lost messages, the span from
 * first to last accepted call, the theoretical minimum for the window ({@link BroadcastResult#minimumSeconds}), their
 * ratio, and the most calls in one second (fixed bins and sliding).
 *
 * <p>Emulator and sender share this JVM: the load is 30 calls a second, a thousandth of what the emulator serves, and
 * the accepted calls' times then come from the emulator's own flood-control record on the sender's clock, with no
 * reporting channel between processes.
 *
 * <p>The broadcast loop is what a bot would write: one virtual thread per message, at most {@code inFlight} (the
 * Bot's connection pool size, 256) outstanding, so the unlimited mode does not queue beyond the pool's 1 s timeout.
 * System properties: {@code broadcast.messages} (10000), {@code broadcast.perSecond} (30),
 * {@code broadcast.modes} ("default,none"), {@code broadcast.inFlight} (256). Argument: the results file (optional).
 */
public final class BroadcastBenchmark {

    private BroadcastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("broadcast.messages", 10_000);
        int perSecond = Integer.getInteger("broadcast.perSecond", 30);
        int inFlight = Integer.getInteger("broadcast.inFlight", 256);
        List<BroadcastMode> modes = Arrays.stream(System.getProperty("broadcast.modes", "default,none").split(","))
                .map(BroadcastMode::of).toList();
        if (messages < 1 || perSecond < 1 || inFlight < 1) {
            throw new IllegalArgumentException("broadcast.messages, .perSecond and .inFlight must be positive");
        }
        String header = String.format(Locale.ROOT, "Broadcast: %d messages to %d private chats, emulator flood limits"
                + " %d/s per bot (sliding 1 s), 1/s per chat; at most %d in flight; minimum span floor((n-1)/%d) s;"
                + " %s%n", messages, messages, perSecond, inFlight, perSecond, Runtime.version());
        System.out.print(header);
        warmUp(Math.min(messages, 2_000), inFlight);
        List<BroadcastResult> results = new ArrayList<>();
        for (BroadcastMode mode : modes) {
            System.out.printf(Locale.ROOT, "%s: %s ...%n", mode.key(), mode.describe(perSecond));
            BroadcastResult r = run(mode, messages, perSecond, inFlight);
            results.add(r);
            System.out.println("  " + line(r));
        }
        String table = header + table(results, perSecond);
        System.out.println();
        System.out.println(table);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), table, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code n} messages with no limits to an emulator without flood control, so class loading and JIT of the
     * client, the limiter and the emulator do not delay the first measured calls: a call that arrives late lets the
     * next second's calls crowd the window it is still in.
     */
    static void warmUp(int n, int inFlight) throws InterruptedException {
        try (BotApiEmulator emulator = BotApiEmulator.builder().recordCalls(false).messageHistoryLimit(1).start()) {
            EmulatedBot emulated = emulator.createBot("WarmUpBot");
            long chat = emulator.user("warm").chatWith(emulated).id();
            Bot bot = Bot.builder().token(emulated.token()).apiBaseUrl(emulator.serverUrl())
                    .rateLimiter(DefaultRateLimiter.builder()
                            .overall(1_000_000, Duration.ofSeconds(1)).build())
                    .build();
            Semaphore slots = new Semaphore(inFlight);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < n; i++) {
                    SendMessage send = SendMessage.builder().chatId(chat).text("warm-up " + i).build();
                    slots.acquire();
                    pool.submit(() -> {
                        try {
                            bot.execute(send);
                        } finally {
                            slots.release();
                        }
                    });
                }
            } finally {
                bot.shutdown();
            }
        }
    }

    static BroadcastResult run(BroadcastMode mode, int messages, int perSecond, int inFlight)
            throws InterruptedException {
        try (BotApiEmulator emulator = BotApiEmulator.builder().recordCalls(false).messageHistoryLimit(1)
                .enforceFloodLimits(FloodLimits.telegramDefaults().withPerSecondOverall(perSecond)).start()) {
            EmulatedBot emulated = emulator.createBot("BroadcastBot");
            long[] chats = new long[messages];
            for (int i = 0; i < messages; i++) {
                chats[i] = emulator.user("reader" + i).chatWith(emulated).id();
            }
            Bot.Builder builder = Bot.builder().token(emulated.token()).apiBaseUrl(emulator.serverUrl());
            mode.limiter(perSecond).ifPresent(builder::rateLimiter);
            Bot bot = builder.build();
            AtomicInteger failed = new AtomicInteger();
            Queue<Long> failedAt = new ConcurrentLinkedQueue<>();
            Semaphore slots = new Semaphore(inFlight);
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < messages; i++) {
                    SendMessage send = SendMessage.builder().chatId(chats[i]).text("News #1 for reader " + i).build();
                    slots.acquire();
                    pool.submit(() -> {
                        try {
                            bot.execute(send);
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            failedAt.add(System.nanoTime());
                        } finally {
                            slots.release();
                        }
                    });
                }
            } finally {
                bot.shutdown();
            }
            long wall = System.nanoTime() - start;
            List<Long> accepted = emulator.acceptedMessages().stream().map(AcceptedMessage::nanoTime).toList();
            BroadcastResult r = BroadcastResult.of(mode, messages, accepted, emulator.floodLimitHits(), failed.get(),
                    wall, perSecond);
            if (!failedAt.isEmpty()) {
                System.out.printf(Locale.ROOT, "  failures between %.2f s and %.2f s after the start%n",
                        (failedAt.stream().mapToLong(Long::longValue).min().orElseThrow() - start) / 1e9,
                        (failedAt.stream().mapToLong(Long::longValue).max().orElseThrow() - start) / 1e9);
            }
            return r;
        }
    }

    static String line(BroadcastResult r) {
        return String.format(Locale.ROOT, "accepted %d/%d, 429s %d, failed %d, span %.2f s (minimum %.0f s, ratio "
                        + "%.4f), wall %.2f s, max per second %d (sliding %d)", r.accepted(), r.messages(),
                r.hits429(), r.failed(), r.spanSeconds(), r.minimumSeconds(), r.ratio(), r.wallSeconds(),
                r.maxPerSecondBin(), r.maxSlidingWindow());
    }

    static String table(List<BroadcastResult> results, int perSecond) {
        StringBuilder sb = new StringBuilder();
        sb.append("| limiter | accepted | 429s | lost | span first→last accepted | minimum | ratio | wall"
                + " | max/s (bins) | max/s (sliding) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (BroadcastResult r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %d / %d | %d | %d | %.2f s | %.0f s | %.4f | %.2f s | %d"
                            + " | %d |%n", r.mode().describe(perSecond), r.accepted(), r.messages(),
                    r.hits429(), r.failed(), r.spanSeconds(), r.minimumSeconds(), r.ratio(), r.wallSeconds(),
                    r.maxPerSecondBin(), r.maxSlidingWindow()));
        }
        return sb.toString();
    }
}
