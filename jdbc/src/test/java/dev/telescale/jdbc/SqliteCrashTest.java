package dev.telescale.jdbc;

import dev.telescale.core.persistence.ConversationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code kill -9} against the SQLite store: a child JVM ({@link SqliteCrashWriter}) writes user data, chat data and
 * conversation states through a {@link JdbcPersistence} in a tight loop and is killed with SIGKILL
 * ({@code destroyForcibly}) at a random instant, 100 times. After each kill the file passes SQLite's
 * {@code integrity_check}, opens as a store, and holds exactly the last step the child reported committed, or the
 * step it was writing (committed, but killed before it could say so) — every row of every kind as that step
 * determines. Each child continues from what it finds, so every round also proves the previous crash left a usable
 * store.
 */
class SqliteCrashTest {

    private static final int KILLS = 100;
    /** The jars the writer needs (every jar the JVM opens and CDS validates costs each of the 100 starts). */
    private static final Pattern WRITER_JARS = Pattern.compile(
            "(telescale-(core|bot|api)-[0-9.]+(-SNAPSHOT)?|jackson-.*|HikariCP-.*|sqlite-jdbc-.*|slf4j-api-.*)\\.jar");
    private static final long SEED = Long.getLong("telescale.crashSeed", System.nanoTime());

    @Test
    void aWriterKilledAtRandomInstantsLeavesAnIntactStoreWithTheLastOrTheNextCommittedStep(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("state.db");
        Random random = new Random(SEED);
        List<String> command = childCommand(dir, db);
        long start = System.nanoTime();
        long toFirstCommit = 0;
        long expectedStart = 0;
        long steps = 0;
        int foundTheStepBeingWritten = 0;
        for (int round = 1; round <= KILLS; round++) {
            String where = "round " + round + " (seed " + SEED + ")";
            Path output = dir.resolve("child-" + round + ".out");
            Path errors = dir.resolve("child.err");
            Process child = new ProcessBuilder(command).redirectError(errors.toFile())
                    .redirectOutput(output.toFile()).start();
            long launched = System.nanoTime();
            Report.awaitWritten(output, expectedStart + 1, child, where);
            toFirstCommit += System.nanoTime() - launched;
            int delayMillis = random.nextInt(40);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), where + ": the child did not die");
            Report report = Report.of(output);
            Files.delete(output);
            assertEquals(expectedStart, report.started(), where + ": the child started from another step than "
                    + "the one found after the previous kill");

            assertEquals("ok", integrityCheck(db), where + ": SQLite's integrity_check");
            long found;
            try (var store = JdbcPersistence.builder().sqliteFile(db).build()) {
                found = SqliteCrashWriter.lastStep(store);
                long written = report.written();
                assertTrue(found == written || found == written + 1 && report.writing() == found,
                        where + ": the store holds step " + found + ", the child had committed " + written
                                + " and was writing " + report.writing());
                assertStateOf(found, store, where);
                if (found > written) {
                    foundTheStepBeingWritten++;
                }
            }
            steps += found - expectedStart;
            expectedStart = found;
        }
        System.out.printf("SqliteCrashTest: %d kills in %.1f s (a child's start to its first commit: %d ms on "
                        + "average), %d steps committed in all, %d kills found the step being written already "
                        + "committed, CDS %s, seed %d%n", KILLS, (System.nanoTime() - start) / 1e9,
                toFirstCommit / KILLS / 1_000_000, steps, foundTheStepBeingWritten,
                command.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")) ? "on" : "off", SEED);
    }

    private static String integrityCheck(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("pragma integrity_check")) {
            StringBuilder result = new StringBuilder();
            while (rs.next()) {
                result.append(result.isEmpty() ? "" : "; ").append(rs.getString(1));
            }
            return result.toString();
        }
    }

    private static void assertStateOf(long step,
                                      JdbcPersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> store,
                                      String where) {
        Map<Long, Map<String, Object>> users = store.getUserData();
        Map<Long, Map<String, Object>> chats = store.getChatData();
        Map<ConversationKey, Object> conversations = store.getConversations(SqliteCrashWriter.CONVERSATION);
        for (long e = 0; e < SqliteCrashWriter.ENTITIES; e++) {
            assertRow(SqliteCrashWriter.expectedStep(step, 0, e), users.get(e), where + ": user " + e);
            assertRow(SqliteCrashWriter.expectedStep(step, 1, e), chats.get(-(1 + e)), where + ": chat " + -(1 + e));
            long conversation = SqliteCrashWriter.expectedStep(step, 2, e);
            assertEquals(conversation == 0 ? null : SqliteCrashWriter.state(conversation),
                    conversations.get(ConversationKey.ofUser(e)), where + ": the conversation of user " + e);
        }
        assertTrue(users.size() <= SqliteCrashWriter.ENTITIES && chats.size() <= SqliteCrashWriter.ENTITIES
                && conversations.size() <= SqliteCrashWriter.ENTITIES, where + ": rows nobody wrote");
    }

    private static void assertRow(long expected, Map<String, Object> row, String where) {
        if (expected == 0) {
            assertEquals(null, row, where);
            return;
        }
        assertTrue(row != null, where + ": missing, expected step " + expected);
        Map<String, Object> value = SqliteCrashWriter.value(expected);
        assertEquals(value.get("step"), ((Number) row.get("step")).longValue(), where);
        assertEquals(value.get("pad"), row.get("pad"), where);
    }

    /**
     * The child's java command. Its start dominates each round, so: C1 only, the serial collector, a
     * class-data-sharing archive dumped by a warm-up child (which writes a few steps to a scratch file and exits;
     * CDS wants jars, so the class directories are packed into one), only the jars it needs, and SQLite's native
     * library extracted once
     * here instead of by every child into the temporary directory (where a killed child would leave it).
     */
    private static List<String> childCommand(Path dir, Path db) throws Exception {
        Path nativeDir = Files.createDirectories(dir.resolve("native"));
        String libraryName = "libsqlitejdbc.so";
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                + System.mapLibraryName("sqlitejdbc");
        try (InputStream in = SqliteCrashTest.class.getResourceAsStream(resource)) {
            if (in != null) {
                libraryName = System.mapLibraryName("sqlitejdbc");
                Files.copy(in, nativeDir.resolve(libraryName));
            }
        }
        List<String> classPath = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                directories.add(p);
            } else if (Files.isRegularFile(p) && WRITER_JARS.matcher(p.getFileName().toString()).matches()) {
                classPath.add(entry);
            }
        }
        Path classesJar = dir.resolve("classes.jar");
        packDirectories(directories, classesJar);
        classPath.addFirst(classesJar.toString());

        Path archive = dir.resolve("writer.jsa");
        List<String> base = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m",
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"));
        if (Files.isRegularFile(nativeDir.resolve(libraryName))) {
            base.add("-Dorg.sqlite.lib.path=" + nativeDir);
            base.add("-Dorg.sqlite.lib.name=" + libraryName);
        }
        List<String> warmUp = new ArrayList<>(base);
        warmUp.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", String.join(File.pathSeparator, classPath),
                SqliteCrashWriter.class.getName(), dir.resolve("warm-up.db").toString(), "30"));
        Process p = new ProcessBuilder(warmUp).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the warm-up child did not finish");
        List<String> command = new ArrayList<>(base);
        if (p.exitValue() == 0 && Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), SqliteCrashWriter.class.getName(),
                db.toString()));
        return command;
    }

    private static void packDirectories(List<Path> directories, Path jar) throws IOException {
        Set<String> names = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : directories) {
                List<Path> files;
                try (var walk = Files.walk(root)) {
                    files = walk.filter(Files::isRegularFile).toList();
                }
                for (Path f : files) {
                    String name = root.relativize(f).toString().replace(File.separatorChar, '/');
                    if (names.add(name)) {
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
            }
        }
    }

    /**
     * What the child printed to its output file: the step it started from, the last committed, the one being
     * written. A file, not a pipe: what a killed child wrote to a pipe can be lost when the JDK drains the pipe of
     * an exited process while another thread reads it; the file keeps every byte the child wrote.
     */
    private record Report(long started, long written, long writing) {

        /** The report of the whole lines in {@code output} (a last line cut by the kill has no newline: ignored). */
        static Report of(Path output) throws IOException {
            String text = Files.readString(output, StandardCharsets.US_ASCII);
            long started = -1;
            long written = -1;
            long writing = -1;
            int end = text.lastIndexOf('\n');
            for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
                int space = line.indexOf(' ');
                if (space < 0 || !line.substring(space + 1).matches("\\d{1,18}")) {
                    continue;
                }
                long step = Long.parseLong(line.substring(space + 1));
                switch (line.substring(0, space)) {
                    case "START" -> started = step;
                    case "S" -> writing = step;
                    case "W" -> written = step;
                    default -> { }
                }
            }
            return new Report(started, written, writing);
        }

        /** Waits until the child committed {@code step}; its standard error is in {@code child.err} beside. */
        static void awaitWritten(Path output, long step, Process child, String where) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (of(output).written() < step) {
                if (!child.isAlive()) {
                    Path errors = output.resolveSibling("child.err");
                    fail(where + ": the child exited (" + child.exitValue() + ") before committing step " + step
                            + (Files.exists(errors) ? "; its errors: " + Files.readString(errors) : ""));
                }
                if (System.nanoTime() > deadline) {
                    child.destroyForcibly();
                    fail(where + ": the child committed nothing within 30 s");
                }
                Thread.sleep(1);
            }
        }
    }
}
