package dev.telescale.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL, {@code destroyForcibly}) a child JVM writing a {@link JsonFilePersistence} in a tight loop, 100
 * times at random instants, and checks after each kill that the file loads and holds exactly the last state the
 * child reported as written, or the one it was writing. Each child continues the sequence from what it finds, so
 * every round also proves the file of the previous crash is usable.
 */
class JsonFileCrashTest {

    private static final int KILLS = 100;
    private static final long SEED = Long.getLong("telescale.crashSeed", System.nanoTime());

    @Test
    void aWriterKilledAtRandomInstantsLeavesTheLastWrittenOrTheNextStateEveryTime(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("state.json");
        Path reportFile = dir.resolve("report.txt");
        Random random = new Random(SEED);
        List<String> command = childCommand(dir, file, reportFile);
        long expectedStart = 0;
        long totalSteps = 0;
        long killedMidWrite = 0;
        for (int round = 1; round <= KILLS; round++) {
            String where = "round " + round + " (seed " + SEED + ")";
            Files.deleteIfExists(reportFile);
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            AtomicLong progress = new AtomicLong(-1);
            Thread reader = Thread.ofVirtual().start(() -> readProgress(child, progress));
            // Kill at a random instant once the child writes: 0-40 ms after its first write.
            awaitAtLeast(progress, expectedStart + 1, child, where);
            long delay = random.nextInt(40);
            if (delay > 0) {
                Thread.sleep(delay);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), where + ": the child did not die");
            reader.join(Duration.ofSeconds(30));
            Report report = Report.read(reportFile);
            assertEquals(expectedStart, report.started(), where + ": the child started from another step than the "
                    + "last state found");

            var store = JsonFilePersistence.builder(file).build();
            Map<Long, Map<String, Object>> users = store.getUserData();
            long found = JsonFileCrashWriter.lastStep(users);
            long lastWritten = report.written();
            assertTrue(found == lastWritten || found == lastWritten + 1 && report.writing() == found,
                    where + ": the file holds step " + found + ", the child had written " + lastWritten
                            + " and was writing " + report.writing());
            assertStateOf(found, users, where);
            if (found > lastWritten) {
                killedMidWrite++;
            }
            totalSteps += found - expectedStart;
            expectedStart = found;
        }
        try (var files = Files.list(dir)) {
            List<Path> left = new ArrayList<>(files.toList());
            left.remove(file);
            left.removeIf(p -> p.getFileName().toString().matches("classes\\.jar|writer\\.jsa|report\\.txt"));
            assertEquals(List.of(), left, "temporary files left by the crashes are deleted on load");
        }
        System.out.printf("JsonFileCrashTest: %d kills, %d steps written in all, %d kills found the step being "
                + "written already on disk, CDS %s, seed %d%n", KILLS, totalSteps, killedMidWrite,
                command.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")) ? "on" : "off", SEED);
    }

    /**
     * The child's command line: the current java and the test class path, with two savings for the 100 starts
     * (the JVM start dominates each round): a class-data-sharing archive of the classes the writer uses, dumped by
     * a warm-up child that writes a few steps to a scratch file and exits, and C1 only. CDS takes only jars, so the
     * class directories on the class path are packed into one; without an archive (dump refused) the children
     * simply start slower.
     */
    private static List<String> childCommand(Path dir, Path file, Path reportFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jars = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                directories.add(p);
            } else if (Files.isRegularFile(p)) {
                jars.add(entry);
            }
        }
        Path classes = dir.resolve("classes.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(classes))) {
            Set<String> seen = new HashSet<>();
            for (Path root : directories) {
                try (var walk = Files.walk(root)) {
                    for (Path f : walk.filter(Files::isRegularFile).toList()) {
                        String name = root.relativize(f).toString().replace(File.separatorChar, '/');
                        if (seen.add(name)) {
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(f, out);
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        jars.add(0, classes.toString());
        String classPath = String.join(File.pathSeparator, jars);
        Path archive = dir.resolve("writer.jsa");
        List<String> base = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m");
        List<String> warmUp = new ArrayList<>(base);
        warmUp.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", classPath,
                JsonFileCrashWriter.class.getName(), dir.resolve("warm-up.json").toString(), "20"));
        Process p = new ProcessBuilder(warmUp).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the warm-up child did not finish");
        Files.deleteIfExists(dir.resolve("warm-up.json"));
        List<String> command = new ArrayList<>(base);
        if (p.exitValue() == 0 && Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-D" + JsonFileCrashWriter.REPORT_PROPERTY + "=" + reportFile, "-cp", classPath,
                JsonFileCrashWriter.class.getName(), file.toString()));
        return command;
    }

    private static void assertStateOf(long step, Map<Long, Map<String, Object>> users, String where) {
        for (long k = 0; k < JsonFileCrashWriter.USERS; k++) {
            long expected = step - Math.floorMod(step - k, JsonFileCrashWriter.USERS);
            Map<String, Object> user = users.get(k);
            if (expected < 1) {
                assertEquals(null, user, where + ": user " + k);
                continue;
            }
            assertEquals(Map.of("step", expected, "pad", JsonFileCrashWriter.pad(expected)),
                    Map.of("step", ((Number) user.get("step")).longValue(), "pad", user.get("pad")),
                    where + ": user " + k + " of step " + step);
        }
    }

    /** Follows the child's progress on stdout ("W <step>" lines), for knowing when to kill it. */
    private static void readProgress(Process child, AtomicLong progress) {
        try (var in = new BufferedInputStream(child.getInputStream())) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                Report.step(line.toString(), "W").ifPresent(progress::set);
                line.setLength(0);
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed.
        }
    }

    /**
     * What the killed child's report file says: the step it started from, the last step it reported written and the
     * last it reported starting. A last line cut by the kill (no newline) is ignored.
     */
    private record Report(long started, long written, long writing) {

        static Report read(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            long started = -1;
            long written = -1;
            long writing = -1;
            for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                started = step(line, "START").orElse(started);
                written = step(line, "W").orElse(written);
                writing = step(line, "S").orElse(writing);
            }
            return new Report(started, written, writing);
        }

        static OptionalLong step(String line, String kind) {
            String[] parts = line.split(" ");
            return parts.length == 2 && parts[0].equals(kind) && parts[1].matches("\\d+")
                    ? OptionalLong.of(Long.parseLong(parts[1])) : OptionalLong.empty();
        }
    }

    private static void awaitAtLeast(AtomicLong value, long target, Process child, String where)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (value.get() < target) {
            if (!child.isAlive()) {
                fail(where + ": the child exited with " + child.exitValue() + " before writing");
            }
            if (Instant.now().isAfter(deadline)) {
                child.destroyForcibly();
                fail(where + ": the child wrote nothing within 30 s");
            }
            Thread.sleep(1);
        }
    }
}
