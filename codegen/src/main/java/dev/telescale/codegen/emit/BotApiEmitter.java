package dev.telescale.codegen.emit;

import dev.telescale.codegen.model.FieldModel;
import dev.telescale.codegen.model.JType;
import dev.telescale.codegen.model.ObjectModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@code BotApi} interface of the bot module: abstract {@code execute} plus, per method, default
 * methods taking the request, a builder customizer, and the required parameters (or none).
 */
final class BotApiEmitter {

    private BotApiEmitter() {
    }

    static JavaFile emit(List<ObjectModel> requests, String version) {
        JavaFile f = new JavaFile(Packages.BOT, "BotApi");
        f.imports("java.util.function.Consumer").imports(Packages.API + ".ApiMethod");
        for (ObjectModel r : requests) {
            f.imports(Packages.METHODS + "." + r.name());
            importType(f, r.result().type());
            if (r.result().orTrue()) {
                f.imports("java.util.Optional");
            }
            r.fields().stream().filter(FieldModel::required).forEach(p -> importType(f, p.type()));
        }
        f.javadoc(List.of("Every method of the Telegram Bot API (" + Javadoc.escape(version) + ") as a Java method. Each"
                + " call builds the request and passes it to {@link #execute(ApiMethod)}; implementations supply"
                + " only that."));
        f.open("public interface BotApi {");
        f.line("");
        f.javadoc(List.of("Sends a request to Telegram and returns its result.", "",
                "@param method the request", "@param <R> the result type", "@return the result Telegram answered"));
        f.line("<R> R execute(ApiMethod<R> method);");
        for (ObjectModel r : requests) {
            method(f, r);
        }
        f.close("}");
        return f;
    }

    private static void method(JavaFile f, ObjectModel r) {
        String result = r.result().java();
        String name = r.methodName();
        List<String> doc = new ArrayList<>(Javadoc.paragraphs(r.description()));
        doc.add("");
        doc.add(Javadoc.seeLink(r.href(), name));
        List<FieldModel> required = r.fields().stream().filter(FieldModel::required).toList();
        boolean hasParams = !r.fields().isEmpty();

        f.line("");
        f.javadoc(doc);
        f.open("default " + result + " " + name + "(" + r.name() + " request) {");
        f.line("return execute(request);");
        f.close("}");
        if (hasParams) {
            f.line("");
            f.javadoc(concat(doc, "@param spec sets the parameters on the request's builder"));
            f.open("default " + result + " " + name + "(Consumer<" + r.name() + ".Builder> spec) {");
            f.line(r.name() + ".Builder builder = " + r.name() + ".builder();");
            f.line("spec.accept(builder);");
            f.line("return execute(builder.build());");
            f.close("}");
        }
        f.line("");
        List<String> params = new ArrayList<>();
        StringBuilder chain = new StringBuilder(r.name() + ".builder()");
        List<String> paramDocs = new ArrayList<>(doc);
        for (FieldModel p : required) {
            params.add(p.type().java() + " " + p.javaName());
            chain.append('.').append(p.javaName()).append('(').append(p.javaName()).append(')');
            paramDocs.add("@param " + p.javaName() + " " + Javadoc.escape(p.description()));
        }
        f.javadoc(paramDocs);
        f.open("default " + result + " " + name + "(" + String.join(", ", params) + ") {");
        f.line("return execute(" + chain + ".build());");
        f.close("}");
    }

    private static List<String> concat(List<String> doc, String line) {
        List<String> all = new ArrayList<>(doc);
        all.add(line);
        return all;
    }

    private static void importType(JavaFile f, JType t) {
        switch (t.kind()) {
            case LIST -> {
                f.imports("java.util.List");
                importType(f, t.element());
            }
            case CHAT_ID -> f.imports(Packages.API + ".ChatId");
            case INPUT_FILE -> f.imports(Packages.API + ".InputFile");
            case OBJECT -> f.imports(Packages.TYPES + "." + t.name());
            default -> {
            }
        }
    }
}
