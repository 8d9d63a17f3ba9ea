package dev.telescale.codegen.emit;

import static dev.telescale.codegen.emit.ValueCode.literal;

import dev.telescale.codegen.model.ObjectModel;
import java.util.List;
import java.util.Locale;

/** Writes {@code BotApiMethods}: every request class by lower-case method name, for TelegramJson.methodClass. */
final class MethodRegistryEmitter {

    private MethodRegistryEmitter() {
    }

    static JavaFile emit(List<ObjectModel> requests) {
        JavaFile f = new JavaFile(Packages.METHODS, "BotApiMethods");
        f.imports("java.util.Map").imports(Packages.API + ".ApiMethod");
        f.javadoc(List.of("Every request class of the Bot API version this library was generated from, by method name"
                + " in lower case (Telegram matches method names case-insensitively)."));
        f.open("public final class BotApiMethods {");
        f.line("");
        f.javadoc(List.of("Request classes by lower-case method name."));
        f.line("public static final Map<String, Class<? extends ApiMethod<?>>> BY_LOWER_CASE_NAME = Map.ofEntries(");
        for (int i = 0; i < requests.size(); i++) {
            ObjectModel r = requests.get(i);
            f.line("        Map.entry(" + literal(r.methodName().toLowerCase(Locale.ROOT)) + ", " + r.name() + ".class)"
                    + (i == requests.size() - 1 ? ");" : ","));
        }
        f.line("");
        f.open("private BotApiMethods() {");
        f.close("}");
        f.close("}");
        return f;
    }
}
