package dev.telescale.codegen;

import dev.telescale.codegen.emit.Emitter.Output;
import dev.telescale.codegen.emit.Emitter.Root;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes generated files under their source roots, leaving unchanged files untouched and deleting files of
 * the generated packages that the generator no longer produces (a type removed from the spec).
 */
final class SourceWriter {

    private SourceWriter() {
    }

    /** Writes {@code outputs}; returns how many files changed. */
    static int write(List<Output> outputs, Map<Root, Path> roots) throws IOException {
        Set<Path> expected = new HashSet<>();
        Set<Path> dirs = new HashSet<>();
        int changed = 0;
        for (Output o : outputs) {
            Path file = roots.get(o.root()).resolve(o.path());
            expected.add(file.toAbsolutePath().normalize());
            dirs.add(file.getParent());
            Files.createDirectories(file.getParent());
            byte[] bytes = o.content().getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                Files.write(file, bytes);
                changed++;
            }
        }
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (!expected.contains(f.toAbsolutePath().normalize())) {
                        Files.delete(f);
                        changed++;
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return changed;
    }
}
