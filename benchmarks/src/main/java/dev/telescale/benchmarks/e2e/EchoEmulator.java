package dev.telescale.benchmarks.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.RecordedCall;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Bot API emulator of the end-to-end benchmark, in a JVM of its own (started by {@link E2eBenchmark}).
 *
 * <p>One bot and {@code chats} private chats (user i writes in chat i). The bot's {@code sendMessage} is answered by
 * a stub that builds the Message a real server returns (message_id, from, chat, date, text) and records, for each
 * reply, its chat, the sequence number carried in its text and its arrival time ({@link System#nanoTime()}). The
 * emulator's own message simulation (chat transcripts) is bypassed: this is the "fast fake server" of the issue, and
 * the same for every library. Recorded calls are off.
 *
 * <p>Protocol on standard input/output, one line each:
 * <ul>
 *   <li>out {@code READY <apiBaseUrl> <token>} once the emulator listens;</li>
 *   <li>in {@code WARMUP <n>}: queues n text updates "w&lt;seq&gt;", round-robin over the chats; out
 *       {@code WARM_DONE} when n warm-up replies arrived (or {@code WARM_TIMEOUT <got>} after 90 s);</li>
 *   <li>in {@code GO <n> <deadlineMs>}: t0 = now; queues n updates "m&lt;seq&gt;" round-robin over the chats (chat
 *       k mod chats gets sequence number k / chats); out {@code RESULT key=value...} when n measured replies arrived
 *       or at the deadline;</li>
 *   <li>end of input: the emulator stops.</li>
 * </ul>
 * Latency of a reply = its arrival − t0 ("completion latency" of a burst of n updates queued at t0).
 * A per-chat order violation = a reply whose sequence number is lower than one already replied in that chat;
 * a duplicate = the same sequence number replied again.
 */
public final class EchoEmulator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BotApiEmulator emulator;
    private final EmulatedBot bot;
    private final int chats;
    private final long[] chatIds;
    private final Map<Long, Integer> chatIndex = new HashMap<>();
    private final ObjectNode botUser;
    private long messageId;

    // Reply bookkeeping, guarded by this.
    private int warmTarget = Integer.MAX_VALUE;
    private int warmReplies;
    private int measuredTarget = Integer.MAX_VALUE;
    private int measuredReplies;
    private long t0;
    private long[] arrivals = new long[0];
    private int[] maxSeq;
    private int violations;
    private int duplicates;
    private int foreign;

    private EchoEmulator(int chats) {
        this.emulator = BotApiEmulator.builder().recordCalls(false).messageHistoryLimit(16).start();
        this.bot = emulator.createBot("EchoBench");
        this.botUser = bot.user();
        this.chats = chats;
        this.chatIds = new long[chats];
        for (int i = 0; i < chats; i++) {
            chatIds[i] = emulator.user("user" + i).chatWith(bot).id();
            chatIndex.put(chatIds[i], i);
        }
        this.maxSeq = new int[chats];
        emulator.respond("sendMessage", this::onSendMessage);
    }

    public static void main(String[] args) throws Exception {
        int chats = Integer.parseInt(args[0]);
        EchoEmulator e = new EchoEmulator(chats);
        System.out.println("READY " + e.emulator.apiBaseUrl() + " " + e.bot.token());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.trim().split(" ");
            switch (p[0]) {
                case "WARMUP" -> e.warmUp(Integer.parseInt(p[1]));
                case "GO" -> e.go(Integer.parseInt(p[1]), Long.parseLong(p[2]));
                default -> { }
            }
        }
        e.emulator.close();
        System.exit(0);
    }

    private JsonNode onSendMessage(RecordedCall call) {
        long now = System.nanoTime();
        String chatIdText = call.chatId();
        String text = call.text();
        long chatId = chatIdText == null ? 0 : Long.parseLong(chatIdText);
        record(chatId, text, now);
        ObjectNode message = MAPPER.createObjectNode();
        synchronized (this) {
            message.put("message_id", ++messageId);
        }
        message.set("from", botUser);
        ObjectNode chat = message.putObject("chat");
        chat.put("id", chatId);
        chat.put("type", "private");
        chat.put("first_name", "User");
        message.put("date", System.currentTimeMillis() / 1000);
        message.put("text", text == null ? "" : text);
        return message;
    }

    private synchronized void record(long chatId, String text, long now) {
        Integer index = chatIndex.get(chatId);
        if (index == null || text == null || text.length() < 2) {
            foreign++;
            return;
        }
        char kind = text.charAt(0);
        if (kind == 'w') {
            if (++warmReplies >= warmTarget) {
                notifyAll();
            }
            return;
        }
        if (kind != 'm') {
            foreign++;
            return;
        }
        int seq = Integer.parseInt(text, 1, text.length(), 10);
        int i = index;
        if (seq < maxSeq[i]) {
            violations++;
        } else if (seq == maxSeq[i]) {
            duplicates++;
        } else {
            maxSeq[i] = seq;
        }
        if (measuredReplies < arrivals.length) {
            arrivals[measuredReplies] = now - t0;
        }
        if (++measuredReplies >= measuredTarget) {
            notifyAll();
        }
    }

    private void warmUp(int n) throws InterruptedException {
        synchronized (this) {
            warmReplies = 0;
            warmTarget = n;
        }
        ObjectNode[] updates = build(n, 'w');
        for (ObjectNode update : updates) {
            emulator.injectUpdate(bot, update);
        }
        long deadline = System.nanoTime() + 90_000_000_000L;
        synchronized (this) {
            long left;
            while (warmReplies < n && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
            System.out.println(warmReplies >= n ? "WARM_DONE" : "WARM_TIMEOUT " + warmReplies);
            System.out.flush();
        }
    }

    private void go(int n, long deadlineMs) throws InterruptedException {
        ObjectNode[] updates = build(n, 'm');
        synchronized (this) {
            Arrays.fill(maxSeq, -1);
            violations = 0;
            duplicates = 0;
            measuredReplies = 0;
            arrivals = new long[n];
            measuredTarget = n;
        }
        long cpu0 = processCpuNanos();
        synchronized (this) {
            t0 = System.nanoTime();
        }
        for (ObjectNode update : updates) {
            emulator.injectUpdate(bot, update);
        }
        long injected = System.nanoTime() - t0;
        long deadline = t0 + deadlineMs * 1_000_000L;
        synchronized (this) {
            long left;
            while (measuredReplies < n && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
            int got = Math.min(measuredReplies, n);
            long[] sorted = Arrays.copyOf(arrivals, got);
            Arrays.sort(sorted);
            long last = got == 0 ? 0 : sorted[got - 1];
            long elapsed = got >= n ? last : System.nanoTime() - t0;
            System.out.println("RESULT replies=" + got + " elapsedNs=" + elapsed
                    + " p50Ns=" + percentile(sorted, 0.50) + " p99Ns=" + percentile(sorted, 0.99)
                    + " violations=" + violations + " duplicates=" + duplicates + " foreign=" + foreign
                    + " injectNs=" + injected + " emulatorCpuNs=" + (processCpuNanos() - cpu0));
            System.out.flush();
            measuredTarget = Integer.MAX_VALUE;
        }
    }

    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** n private text-message updates, update k in chat k mod chats with text kind + (k / chats). */
    private ObjectNode[] build(int n, char kind) {
        ObjectNode[] updates = new ObjectNode[n];
        long date = System.currentTimeMillis() / 1000;
        for (int k = 0; k < n; k++) {
            int c = k % chats;
            long chatId = chatIds[c];
            ObjectNode update = MAPPER.createObjectNode();
            ObjectNode message = update.putObject("message");
            message.put("message_id", 1_000_000 + k);
            ObjectNode from = message.putObject("from");
            from.put("id", chatId);
            from.put("is_bot", false);
            from.put("first_name", "User");
            from.put("last_name", "N" + c);
            from.put("language_code", "en");
            ObjectNode chat = message.putObject("chat");
            chat.put("id", chatId);
            chat.put("first_name", "User");
            chat.put("last_name", "N" + c);
            chat.put("type", "private");
            message.put("date", date);
            message.put("text", kind + Integer.toString(k / chats));
            updates[k] = update;
        }
        return updates;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
