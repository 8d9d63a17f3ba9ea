package dev.telescale.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI guard: the generated sources committed under api/ and bot/ must be exactly what the generator produces
 * from the spec, so nobody edits generated code by hand and nobody forgets to regenerate.
 */
class GeneratedSourcesUpToDateTest {

    private static final Path REPO = Path.of("..");
    private static final String REGENERATE = "./mvnw -q -pl codegen compile exec:java   (from the repository root)";

    @Test
    void committedGeneratedSourcesEqualGeneratorOutput(@TempDir Path tmp) throws IOException {
        Path api = tmp.resolve("api");
        Path bot = tmp.resolve("bot");
        Generate.generate(REPO.resolve(Generate.SPEC), api, bot);

        List<String> problems = new ArrayList<>();
        compare(api, REPO.resolve(Generate.API_ROOT), problems);
        compare(bot, REPO.resolve(Generate.BOT_ROOT), problems);
        if (!problems.isEmpty()) {
            fail("Generated sources are out of date (" + problems.size() + " files):\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(50, problems.size())))
                    + "\nRegenerate with: " + REGENERATE);
        }
    }

    @Test
    void generationIsDeterministic(@TempDir Path tmp) throws IOException {
        Generate.generate(REPO.resolve(Generate.SPEC), tmp.resolve("a1"), tmp.resolve("b1"));
        Generate.generate(REPO.resolve(Generate.SPEC), tmp.resolve("a2"), tmp.resolve("b2"));
        List<String> problems = new ArrayList<>();
        compare(tmp.resolve("a1"), tmp.resolve("a2"), problems);
        compare(tmp.resolve("b1"), tmp.resolve("b2"), problems);
        assertTrue(problems.isEmpty(), () -> "two runs differ: " + problems);
    }

    private static void compare(Path expectedRoot, Path committedRoot, List<String> problems) throws IOException {
        Map<String, Path> expected = javaFiles(expectedRoot);
        Map<String, Path> committed = javaFiles(committedRoot);
        for (Map.Entry<String, Path> e : expected.entrySet()) {
            Path actual = committed.get(e.getKey());
            if (actual == null) {
                problems.add("missing: " + committedRoot.resolve(e.getKey()));
            } else if (!Arrays.equals(Files.readAllBytes(e.getValue()), Files.readAllBytes(actual))) {
                problems.add("differs: " + committedRoot.resolve(e.getKey()));
            }
        }
        for (String extra : committed.keySet()) {
            if (!expected.containsKey(extra)) {
                problems.add("extra (not generated): " + committedRoot.resolve(extra));
            }
        }
    }

    private static Map<String, Path> javaFiles(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".java"))
                    .forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), p));
        }
        return files;
    }
}
