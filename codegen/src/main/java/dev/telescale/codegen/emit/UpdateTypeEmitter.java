package dev.telescale.codegen.emit;

import static dev.telescale.codegen.emit.ValueCode.literal;

import dev.telescale.codegen.Naming;
import java.util.List;

/**
 * Writes {@code UpdateType}: one constant per optional field of Update, plus UNKNOWN, and {@code ALL_TYPES},
 * the wire names of every known kind (for {@code allowed_updates}).
 */
final class UpdateTypeEmitter {

    private UpdateTypeEmitter() {
    }

    static JavaFile emit(List<String> kinds) {
        JavaFile f = new JavaFile(Packages.TYPES, "UpdateType");
        f.javadoc(List.of("The kind of an {@link Update}: which of its optional fields is present. {@link #UNKNOWN}"
                + " stands for kinds added to the Bot API after this library version.",
                "", "@see Update#type()"));
        f.imports("java.util.List");
        f.open("public enum UpdateType {");
        for (String k : kinds) {
            f.javadoc(List.of("An update carrying {@code " + k + "}."));
            f.line(Naming.constant(k) + "(" + literal(k) + "),");
        }
        f.javadoc(List.of("An update of a kind this library version does not know."));
        f.line("UNKNOWN(null);");
        f.line("");
        f.javadoc(List.of("The wire names of every update kind this library version knows, in the spec's order (all"
                + " constants but {@link #UNKNOWN}): pass it as {@code allowed_updates} to receive every kind,"
                + " including those Telegram leaves out by default ({@code chat_member}, {@code message_reaction},"
                + " {@code message_reaction_count}). Unmodifiable."));
        StringBuilder all = new StringBuilder("public static final List<String> ALL_TYPES = List.of(");
        for (int i = 0; i < kinds.size(); i++) {
            all.append(i == 0 ? "" : ", ").append(literal(kinds.get(i)));
        }
        f.line(all.append(");").toString());
        f.line("");
        f.line("private final String jsonName;");
        f.line("");
        f.open("UpdateType(String jsonName) {");
        f.line("this.jsonName = jsonName;");
        f.close("}");
        f.line("");
        f.javadoc(List.of("The field name, as used in {@code allowed_updates}; null for {@link #UNKNOWN}."));
        f.open("public String jsonName() {");
        f.line("return jsonName;");
        f.close("}");
        f.close("}");
        return f;
    }
}
