package dev.telescale.core.persistence;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link JsonFileCrashTest}: continues the sequence stored in the file and writes, in a tight
 * loop, step after step to a {@link JsonFilePersistence}, printing {@code "W <step>"} after each write returned
 * (the file then holds that step) and {@code "S <step>"} before it (the write of that step may be under way).
 * The same lines go to the file named by the system property {@value #REPORT_PROPERTY}, each with one
 * {@code write} call: once it returns the line is in the kernel, so a kill cannot lose it, while lines still in
 * the stdout pipe can miss the parent's reader when the child dies. The parent awaits progress on stdout and
 * judges the crash by the report file.
 *
 * <p>Step {@code n} is one write: user {@code n % USERS} becomes {@code {"step": n, "pad": ...}}. The state after
 * step {@code n} is therefore fully determined by {@code n}: user {@code k} holds the largest step
 * {@code j <= n} with {@code j % USERS == k}.
 */
public final class JsonFileCrashWriter {

    static final int USERS = 16;
    static final String REPORT_PROPERTY = "telescale.crashReport";

    private JsonFileCrashWriter() {
    }

    /** {@code <file>} writes until killed; {@code <file> <steps>} writes that many steps and exits (a warm-up). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long limit = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        JsonFilePersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> store =
                JsonFilePersistence.builder(file).build();
        long step = lastStep(store.getUserData());
        String reportFile = System.getProperty(REPORT_PROPERTY);
        try (OutputStream report = reportFile == null
                ? OutputStream.nullOutputStream() : new FileOutputStream(reportFile, true)) {
            report(report, "START " + step);
            for (long n = 0; n < limit; n++) {
                step++;
                report(report, "S " + step);
                store.updateUserData(step % USERS, Map.of("step", step, "pad", pad(step)));
                report(report, "W " + step);
            }
        }
    }

    private static void report(OutputStream report, String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.US_ASCII);
        report.write(bytes);
        PrintStream out = System.out;
        out.write(bytes);
        out.flush();
    }

    /** The step a stored state is at: the largest step of any user (0 when empty). */
    static long lastStep(Map<Long, Map<String, Object>> users) {
        return users.values().stream().mapToLong(u -> ((Number) u.get("step")).longValue()).max().orElse(0L);
    }

    /** Varying lengths, so that a torn write could not go unnoticed. */
    static String pad(long step) {
        return "p".repeat((int) (step * 7919 % 2000));
    }
}
