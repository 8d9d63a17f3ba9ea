package dev.telescale.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The end-to-end benchmark: echo bots on Telescale, TelegramBots 10.2.0 and pengrad 10.1.0 (and a raw-socket
 * control) against the Bot API emulator, one after the other in one run. For every scenario × library it starts
 * an {@link EchoEmulator} in a child JVM, then the bot in another child JVM (so the bot's CPU time and peak RSS are
 * its own), warms the bot up with {@code warmup} updates, then queues {@code updates} text updates from
 * {@code chats} chats at t0 and waits until every one has been echoed (or the deadline passes). Measured:
 * <ul>
 *   <li>updates/s = replies / (last reply − t0);</li>
 *   <li>p50/p99 completion latency = reply arrival − t0 (all updates were queued at t0);</li>
 *   <li>bot CPU µs/update = the bot process's utime+stime (/proc/pid/stat) from t0 to the last reply / replies;</li>
 *   <li>peak RSS = the bot process's VmHWM (/proc/pid/status) at the end (warm-up included);</li>
 *   <li>order violations per chat (see {@link EchoEmulator}).</li>
 * </ul>
 * System properties: {@code e2e.updates} (20000), {@code e2e.chats} (1000), {@code e2e.warmup} (40000),
 * {@code e2e.deadlineMs} (30000: a run that has not finished by then reports what it got, marked partial),
 * {@code e2e.only} (a regex on "scenario/library" to select runs), {@code e2e.botJvmArgs} (extra JVM options for
 * the bot children, e.g. JFR), {@code e2e.logDir} (bot and emulator output). Argument: the results file.
 */
public final class E2eBenchmark {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CP = System.getProperty("java.class.path");
    private static final List<String> BOT_JVM = List.of("-Xmx512m");
    private static final List<String> EMULATOR_JVM = List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC");

    record Run(String scenario, String library, long sleepMs, boolean webhook, String mainClass, List<String> args,
               String note) {
    }

    record Outcome(Run run, int replies, int target, double updatesPerSecond, double p50Ms, double p99Ms,
                   double cpuMicrosPerUpdate, double rssMiB, int violations, int duplicates,
                   double emulatorCpuMicrosPerUpdate, double injectMs, String load, String error) {
    }

    private E2eBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int updates = Integer.getInteger("e2e.updates", 20_000);
        int chats = Integer.getInteger("e2e.chats", 1_000);
        int warmup = Integer.getInteger("e2e.warmup", 40_000);
        long deadlineMs = Long.getLong("e2e.deadlineMs", 30_000);
        Pattern only = Pattern.compile(System.getProperty("e2e.only", ".*"));
        Path logDir = Path.of(System.getProperty("e2e.logDir", "benchmarks/target/e2e-logs"));
        Files.createDirectories(logDir);
        Path resultFile = args.length > 0 ? Path.of(args[0]) : null;

        List<Run> runs = runs();
        List<Outcome> outcomes = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        header.append(String.format(Locale.ROOT, "updates %d from %d chats (round-robin), warm-up %d, deadline %d ms;"
                + " bot JVM %s%s; emulator JVM %s; %s%n", updates, chats, warmup, deadlineMs,
                String.join(" ", BOT_JVM), System.getProperty("e2e.botJvmArgs", "").isBlank() ? ""
                        : " " + System.getProperty("e2e.botJvmArgs"),
                String.join(" ", EMULATOR_JVM), Runtime.version()));
        System.out.print(header);
        for (Run run : runs) {
            if (!only.matcher(run.scenario + "/" + run.library).find()) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%s / %s ...%n", run.scenario, run.library);
            Outcome o = measure(run, updates, chats, warmup, deadlineMs, logDir);
            outcomes.add(o);
            System.out.println("  " + line(o));
        }
        String table = header + table(outcomes);
        System.out.println();
        System.out.println(table);
        if (resultFile != null) {
            Files.writeString(resultFile, table, StandardCharsets.UTF_8);
        }
        System.exit(0);
    }

    static List<Run> runs() {
        String tele = TelescaleEchoBot.class.getName();
        String tgb = TelegramBotsEchoBot.class.getName();
        String pen = PengradEchoBot.class.getName();
        List<Run> runs = new ArrayList<>();
        runs.add(new Run("A polling", "Telescale", 0, false, tele, List.of("polling"),
                "Application defaults, replyText"));
        runs.add(new Run("A polling", "TelegramBots 10.2.0", 0, false, tgb, List.of("single"),
                "LongPollingSingleThreadUpdateConsumer"));
        runs.add(new Run("A polling", "pengrad 10.1.0", 0, false, pen, List.of("single"),
                "setUpdatesListener, execute"));
        runs.add(new Run("A polling", "control: raw socket loop", 0, false, RawSocketEchoBot.class.getName(),
                List.of(), "sequential, fixed bytes"));
        runs.add(new Run("B polling, 50 ms handlers", "Telescale", 50, false, tele, List.of("polling"),
                "ordered per chat (default)"));
        runs.add(new Run("B polling, 50 ms handlers", "TelegramBots 10.2.0", 50, false, tgb, List.of("single"),
                "out of the box: one thread"));
        runs.add(new Run("B polling, 50 ms handlers", "TelegramBots 10.2.0 + virtual threads", 50, false, tgb,
                List.of("virtual"), "hand-written consumer, unordered"));
        runs.add(new Run("B polling, 50 ms handlers", "pengrad 10.1.0", 50, false, pen, List.of("single"),
                "out of the box: one thread"));
        runs.add(new Run("B polling, 50 ms handlers", "pengrad 10.1.0 + virtual threads", 50, false, pen,
                List.of("virtual"), "hand-written listener, unordered"));
        runs.add(new Run("C webhook, max 40 in flight", "Telescale", 0, true, tele, List.of("webhook"),
                "reply in the HTTP response"));
        runs.add(new Run("C webhook, max 40 in flight", "Telescale, no webhook reply", 0, true, tele,
                List.of("webhook-call"), "replyText: a separate sendMessage call"));
        return runs;
    }

    private static Outcome measure(Run run, int updates, int chats, int warmup, long deadlineMs, Path logDir)
            throws Exception {
        String name = (run.scenario.charAt(0) + "-" + run.library).replaceAll("[^A-Za-z0-9.+-]+", "_");
        List<String> emulatorCommand = new ArrayList<>();
        emulatorCommand.add(JAVA);
        emulatorCommand.addAll(EMULATOR_JVM);
        emulatorCommand.addAll(List.of("-cp", CP, EchoEmulator.class.getName(), Integer.toString(chats)));
        Process emulator = new ProcessBuilder(emulatorCommand)
                .redirectError(logDir.resolve(name + ".emulator.log").toFile()).start();
        Process bot = null;
        try {
            BlockingQueue<String> lines = lines(emulator);
            String ready = await(lines, "READY", 60);
            String[] parts = ready.split(" ");
            String apiBase = parts[1];
            String token = parts[2];

            List<String> botCommand = new ArrayList<>();
            botCommand.add(JAVA);
            botCommand.addAll(BOT_JVM);
            String extra = System.getProperty("e2e.botJvmArgs", "").trim();
            if (!extra.isEmpty()) {
                for (String a : extra.split("\\s+")) {
                    botCommand.add(a.replace("{run}", name));
                }
            }
            botCommand.addAll(List.of("-cp", CP, run.mainClass));
            botCommand.addAll(run.args);
            botCommand.add(apiBase);
            botCommand.add(token);
            if (!run.mainClass.equals(RawSocketEchoBot.class.getName())) {
                botCommand.add(Long.toString(run.sleepMs));
            }
            if (run.webhook) {
                botCommand.add(Integer.toString(freePort()));
            }
            File botLog = logDir.resolve(name + ".bot.log").toFile();
            bot = new ProcessBuilder(botCommand).redirectErrorStream(true).redirectOutput(botLog).start();

            OutputStream control = emulator.getOutputStream();
            send(control, "WARMUP " + warmup);
            String warm = await(lines, "WARM", 120);
            if (!warm.equals("WARM_DONE")) {
                throw new IllegalStateException("warm-up did not finish: " + warm + " (see " + botLog + ")");
            }
            long cpu0 = cpuTicks(bot.pid());
            send(control, "GO " + updates + " " + deadlineMs);
            String result = await(lines, "RESULT", deadlineMs / 1000 + 120);
            long cpu1 = cpuTicks(bot.pid());
            double rss = peakRssKiB(bot.pid()) / 1024.0;
            String load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
            Map<String, String> r = parse(result);
            int replies = Integer.parseInt(r.get("replies"));
            long elapsedNs = Long.parseLong(r.get("elapsedNs"));
            double cpuMicros = (cpu1 - cpu0) * (1_000_000.0 / clockTicksPerSecond());
            return new Outcome(run, replies, updates, replies / (elapsedNs / 1e9),
                    Long.parseLong(r.get("p50Ns")) / 1e6, Long.parseLong(r.get("p99Ns")) / 1e6,
                    replies == 0 ? Double.NaN : cpuMicros / replies, rss,
                    Integer.parseInt(r.get("violations")), Integer.parseInt(r.get("duplicates")),
                    replies == 0 ? Double.NaN : Long.parseLong(r.get("emulatorCpuNs")) / 1e3 / replies,
                    Long.parseLong(r.get("injectNs")) / 1e6, load, null);
        } catch (Exception e) {
            return new Outcome(run, 0, updates, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0,
                    Double.NaN, Double.NaN, "", e.getMessage());
        } finally {
            if (bot != null) {
                stop(bot);
            }
            emulator.getOutputStream().close();
            if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    queue.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            queue.add("EOF");
        });
        return queue;
    }

    private static String await(BlockingQueue<String> lines, String prefix, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("no " + prefix + " from the emulator within " + seconds + " s");
            }
            if (line.equals("EOF")) {
                throw new IllegalStateException("the emulator ended before " + prefix);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Map<String, String> parse(String result) {
        Map<String, String> map = new HashMap<>();
        for (String part : result.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                map.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return map;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** utime + stime of a process, in clock ticks, from /proc/pid/stat (all its threads). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long peakRssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private static long clockTicks;

    static long clockTicksPerSecond() {
        if (clockTicks == 0) {
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
                clockTicks = Long.parseLong(new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                        .trim());
            } catch (IOException | NumberFormatException e) {
                clockTicks = 100;
            }
        }
        return clockTicks;
    }

    private static String line(Outcome o) {
        if (o.error != null) {
            return "FAILED: " + o.error;
        }
        return String.format(Locale.ROOT, "%,.0f updates/s, p50 %.0f ms, p99 %.0f ms, CPU %.0f µs/update, "
                        + "peak RSS %.0f MiB, violations %d, duplicates %d, emulator CPU %.0f µs/update, "
                        + "injection %.0f ms, load %s%s", o.updatesPerSecond, o.p50Ms, o.p99Ms, o.cpuMicrosPerUpdate,
                o.rssMiB, o.violations, o.duplicates, o.emulatorCpuMicrosPerUpdate, o.injectMs, o.load,
                o.replies < o.target ? " (partial: " + o.replies + " of " + o.target + " replies by the deadline)"
                        : "");
    }

    private static String table(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | library | updates/s | p50 ms | p99 ms | bot CPU µs/update | bot peak RSS MiB "
                + "| order violations | emulator CPU µs/update | load 1m | how |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Outcome o : outcomes) {
            if (o.error != null) {
                sb.append(String.format("| %s | %s | failed: %s | | | | | | | | |%n", o.run.scenario, o.run.library,
                        o.error));
                continue;
            }
            String partial = o.replies < o.target
                    ? String.format(Locale.ROOT, " (partial: %,d of %,d)", o.replies, o.target) : "";
            sb.append(String.format(Locale.ROOT, "| %s | %s | %,.0f%s | %.0f | %.0f | %.0f | %.0f | %d%s | %.0f | %s "
                            + "| %s |%n", o.run.scenario, o.run.library, o.updatesPerSecond, partial, o.p50Ms,
                    o.p99Ms, o.cpuMicrosPerUpdate, o.rssMiB, o.violations,
                    o.duplicates > 0 ? " (+" + o.duplicates + " dup)" : "", o.emulatorCpuMicrosPerUpdate, o.load,
                    o.run.note));
        }
        return sb.toString();
    }
}
