package dev.telescale.codegen;

import dev.telescale.codegen.emit.Emitter;
import dev.telescale.codegen.emit.Emitter.Output;
import dev.telescale.codegen.emit.Emitter.Root;
import dev.telescale.codegen.model.ApiModel;
import dev.telescale.codegen.model.ModelBuilder;
import dev.telescale.codegen.spec.Spec;
import dev.telescale.codegen.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The generator's entry point: reads {@code spec/botapi-10.1.json} and the bundled overrides and writes the
 * sources of {@code api/src/main/generated} and {@code bot/src/main/generated}. Run from the repository root:
 * {@code ./mvnw -q -pl codegen compile exec:java}. Optional arguments: spec file, api root, bot root.
 */
public final class Generate {

    /** The spec, relative to the repository root. */
    public static final String SPEC = "spec/botapi-10.1.json";
    /** The api module's generated source root, relative to the repository root. */
    public static final String API_ROOT = "api/src/main/generated";
    /** The bot module's generated source root, relative to the repository root. */
    public static final String BOT_ROOT = "bot/src/main/generated";

    private Generate() {
    }

    /** Generates into the default roots, or into those given as arguments. */
    public static void main(String[] args) throws IOException {
        Path spec = Path.of(args.length > 0 ? args[0] : SPEC);
        Path api = Path.of(args.length > 1 ? args[1] : API_ROOT);
        Path bot = Path.of(args.length > 2 ? args[2] : BOT_ROOT);
        List<Output> outputs = outputs(spec);
        int changed = SourceWriter.write(outputs, Map.of(Root.API, api, Root.BOT, bot));
        System.out.println("Generated " + outputs.size() + " files from " + spec + " (" + changed + " changed)");
    }

    /** Every generated file for a spec, without writing anything. */
    public static List<Output> outputs(Path specFile) throws IOException {
        Spec spec = SpecReader.read(specFile);
        ApiModel model = new ModelBuilder(spec, Overrides.load()).build();
        return Emitter.emit(model);
    }

    /** Generates into the given roots (used by the up-to-date check). */
    public static void generate(Path specFile, Path apiRoot, Path botRoot) throws IOException {
        SourceWriter.write(outputs(specFile), Map.of(Root.API, apiRoot, Root.BOT, botRoot));
    }
}
