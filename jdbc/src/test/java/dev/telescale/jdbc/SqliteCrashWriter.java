package dev.telescale.jdbc;

import dev.telescale.core.persistence.ConversationKey;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The child process of {@link SqliteCrashTest}: continues the sequence stored in a SQLite file and writes step after
 * step through a {@link JdbcPersistence} in a tight loop, printing {@code "S <step>"} before a step's write and
 * {@code "W <step>"} once it returned (committed).
 *
 * <p>Step {@code n} is one write, rotating over the three kinds: {@code n % 3 == 0} the user data of user
 * {@code (n / 3) % ENTITIES}, {@code 1} the chat data of chat {@code -(1 + (n / 3) % ENTITIES)}, {@code 2} the
 * state of the conversation of user {@code (n / 3) % ENTITIES} in handler {@code "crash"}. Each holds the step that
 * wrote it, so the state after step {@code n} is determined by {@code n} alone (see {@link #expectedStep}).
 */
public final class SqliteCrashWriter {

    static final int ENTITIES = 8;
    static final int KINDS = 3;
    static final String CONVERSATION = "crash";

    private SqliteCrashWriter() {
    }

    /** {@code <file>} writes until killed; {@code <file> <steps>} writes that many steps and exits (the warm-up). */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long limit = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        PrintStream out = System.out;
        try (var store = JdbcPersistence.builder().sqliteFile(file).build()) {
            long step = lastStep(store);
            out.println("START " + step);
            out.flush();
            for (long i = 0; i < limit; i++) {
                step++;
                out.println("S " + step);
                out.flush();
                write(store, step);
                out.println("W " + step);
                out.flush();
            }
        }
    }

    private static void write(JdbcPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> store,
                              long step) {
        long entity = (step / KINDS) % ENTITIES;
        switch ((int) (step % KINDS)) {
            case 0 -> store.updateUserData(entity, value(step));
            case 1 -> store.updateChatData(-(1 + entity), value(step));
            default -> store.updateConversation(CONVERSATION, ConversationKey.ofUser(entity),
                    Optional.of(state(step)));
        }
    }

    /** What a step writes as user or chat data: the step, and a pad of varying length so a torn row shows. */
    static Map<String, Object> value(long step) {
        return Map.of("step", step, "pad", "p".repeat((int) (step * 7919 % 3000)));
    }

    /** What a step writes as a conversation state. */
    static String state(long step) {
        return "s" + step + "-" + "q".repeat((int) (step * 104729 % 200));
    }

    /** The step a stored state is at: the largest step found in any row (0 when empty). */
    static long lastStep(JdbcPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> store) {
        long last = 0;
        for (Map<String, Object> v : store.getUserData().values()) {
            last = Math.max(last, ((Number) v.get("step")).longValue());
        }
        for (Map<String, Object> v : store.getChatData().values()) {
            last = Math.max(last, ((Number) v.get("step")).longValue());
        }
        for (Object s : store.getConversations(CONVERSATION).values()) {
            String text = (String) s;
            last = Math.max(last, Long.parseLong(text.substring(1, text.indexOf('-'))));
        }
        return last;
    }

    /**
     * The step whose write an entity of a kind holds after step {@code n}: the largest {@code j <= n} with
     * {@code j % KINDS == kind} and {@code (j / KINDS) % ENTITIES == entity}, i.e. {@code j ≡ KINDS * entity + kind}
     * modulo {@code KINDS * ENTITIES}; 0 when there is none yet (nothing stored).
     */
    static long expectedStep(long n, int kind, long entity) {
        long period = (long) KINDS * ENTITIES;
        long j = n - Math.floorMod(n - (KINDS * entity + kind), period);
        return j >= 1 ? j : 0;
    }
}
