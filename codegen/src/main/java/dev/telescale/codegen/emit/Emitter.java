package dev.telescale.codegen.emit;

import dev.telescale.codegen.model.ApiModel;
import dev.telescale.codegen.model.ObjectModel;
import dev.telescale.codegen.model.UnionModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Produces every generated source file of the model, as (package-relative path, content) pairs. */
public final class Emitter {

    /** A generated file: which output root it belongs to, its path under that root, and its text. */
    public record Output(Root root, String path, String content) {
    }

    /** The source roots written to. */
    public enum Root { API, BOT }

    private Emitter() {
    }

    /** All files, in a stable order. */
    public static List<Output> emit(ApiModel model) {
        Set<String> generated = new HashSet<>();
        model.types().forEach(t -> generated.add(t.name()));
        model.unions().forEach(u -> generated.add(u.name()));
        List<JavaFile> api = new ArrayList<>();
        for (ObjectModel t : model.types()) {
            if (t.specName() != null) {
                api.add(new ObjectEmitter(t, model, generated).emit());
            }
        }
        for (UnionModel u : model.unions()) {
            api.addAll(new UnionEmitter(u).emit());
        }
        api.add(UpdateTypeEmitter.emit(model.updateKinds()));
        List<Output> out = new ArrayList<>();
        for (JavaFile f : api) {
            out.add(new Output(Root.API, Packages.TYPES.replace('.', '/') + "/" + f.className() + ".java", f.render()));
        }
        for (ObjectModel r : model.requests()) {
            out.add(new Output(Root.API, Packages.METHODS.replace('.', '/') + "/" + r.name() + ".java",
                    new ObjectEmitter(r, model, generated).emit().render()));
        }
        JavaFile registry = MethodRegistryEmitter.emit(model.requests());
        out.add(new Output(Root.API, Packages.METHODS.replace('.', '/') + "/" + registry.className() + ".java", registry.render()));
        JavaFile botApi = BotApiEmitter.emit(model.requests(), model.version());
        out.add(new Output(Root.BOT, Packages.BOT.replace('.', '/') + "/BotApi.java", botApi.render()));
        out.sort((a, b) -> a.root() != b.root() ? a.root().compareTo(b.root()) : a.path().compareTo(b.path()));
        return out;
    }
}
