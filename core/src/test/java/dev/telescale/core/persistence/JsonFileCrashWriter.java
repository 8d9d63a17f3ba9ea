package dev.telescale.core.persistence;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link JsonFileCrashTest}: continues the sequence stored in the file and writes, in a tight
 * loop, step after step to a {@link JsonFilePersistence}, printing {@code "W <step>"} after each write returned
 * (the file then holds that step) and {@code "S <step>"} before it (the write of that step may be under way).
 *
 * <p>Step {@code n} is one write: user {@code n % USERS} becomes {@code {"step": n, "pad": ...}}. The state after
 * step {@code n} is therefore fully determined by {@code n}: user {@code k} holds the largest step
 * {@code j <= n} with {@code j % USERS == k}.
 */
public final class JsonFileCrashWriter {

    static final int USERS = 16;

    private JsonFileCrashWriter() {
    }

    /** {@code <file>} writes until killed; {@code <file> <steps>} writes that many steps and exits (a warm-up). */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long limit = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        JsonFilePersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> store =
                JsonFilePersistence.builder(file).build();
        long step = lastStep(store.getUserData());
        PrintStream out = System.out;
        out.println("START " + step);
        out.flush();
        for (long n = 0; n < limit; n++) {
            step++;
            out.println("S " + step);
            out.flush();
            store.updateUserData(step % USERS, Map.of("step", step, "pad", pad(step)));
            out.println("W " + step);
            out.flush();
        }
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
