package dev.telescale.codegen.emit;

import static dev.telescale.codegen.emit.ValueCode.literal;

import dev.telescale.codegen.Overrides.PresenceRule;
import dev.telescale.codegen.Overrides.ScalarVariants;
import dev.telescale.codegen.model.FieldModel;
import dev.telescale.codegen.model.JType;
import dev.telescale.codegen.model.UnionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a union: the sealed interface with its {@code read} dispatch and the accessors of the fields every
 * known variant shares, the {@code Unknown<Union>} variant that keeps unrecognised JSON as is (and reads those
 * shared fields from it on demand), and the classes for scalar members (RichText's string and array).
 */
final class UnionEmitter {

    private final UnionModel u;

    UnionEmitter(UnionModel u) {
        this.u = u;
    }

    List<JavaFile> emit() {
        List<JavaFile> files = new ArrayList<>();
        files.add(sealedInterface());
        files.add(unknownVariant());
        if (u.scalar() != null) {
            files.add(stringVariant(u.scalar()));
            files.add(arrayVariant(u.scalar()));
        }
        return files;
    }

    private JavaFile sealedInterface() {
        JavaFile f = new JavaFile(Packages.TYPES, u.name());
        f.imports("java.io.IOException").imports(Packages.API + ".ApiObject").imports(Packages.JSON + ".ApiReader")
                .imports(Packages.JSON + ".UnionInput");
        List<String> doc = new ArrayList<>(Javadoc.paragraphs(u.description()));
        doc.add("");
        doc.add("<p>Variants this library version does not know parse to {@link " + u.unknownVariant()
                + "}, which keeps the JSON.");
        if (!u.href().isEmpty()) {
            doc.add("");
            doc.add(Javadoc.seeLink(u.href(), u.name()));
        }
        f.javadoc(doc);
        List<String> permits = new ArrayList<>(u.variants());
        permits.add(u.unknownVariant());
        f.open("public sealed interface " + u.name() + " extends ApiObject permits " + String.join(", ", permits) + " {");
        if (declaresDiscriminator()) {
            f.javadoc(List.of("The {@code " + u.discriminator() + "} field naming the variant (null if an unknown variant has none)."));
            f.line("String " + member(u.discriminator()) + "();");
            f.line("");
        }
        for (FieldModel c : u.commonFields()) {
            importReturn(f, c);
            f.javadoc(commonDoc(c));
            f.line(returnType(c) + " " + c.javaName() + "();");
            f.line("");
        }
        f.javadoc(List.of("Codec hook: reads whichever variant the JSON holds."));
        f.open("static " + u.name() + " read(ApiReader in) throws IOException {");
        if (u.scalar() != null) {
            f.imports("com.fasterxml.jackson.core.JsonToken");
            f.line("JsonToken t = in.parser().currentToken();");
            f.open("if (t == JsonToken.VALUE_STRING) {");
            f.line("return " + u.scalar().stringVariant() + ".read(in);");
            f.close("}");
            f.open("if (t == JsonToken.START_ARRAY) {");
            f.line("return " + u.scalar().arrayVariant() + ".read(in);");
            f.close("}");
            f.open("if (t != JsonToken.START_OBJECT) {");
            f.line("return " + u.unknownVariant() + ".of(in.readTree());");
            f.close("}");
        }
        if (u.discriminator() != null && !u.hasSharedValues()) {
            f.line("UnionInput u = in.beginUnion(" + literal(u.name()) + ", " + literal(u.discriminator()) + ");");
            f.line("ApiReader r = u.reader();");
            f.open("return switch (u.discriminatorOrEmpty()) {");
            for (Map.Entry<String, List<String>> e : u.values().entrySet()) {
                f.line("case " + literal(e.getKey()) + " -> " + e.getValue().get(0) + ".readBody(r);");
            }
            f.line("default -> " + u.unknownVariant() + ".readBody(u);");
            f.close("};");
        } else if (u.discriminator() != null) {
            f.line("UnionInput u = in.peekUnion(" + literal(u.name()) + ", " + literal(u.discriminator()) + ");");
            f.line("ApiReader r = u.reader();");
            f.open("return switch (u.discriminatorOrEmpty()) {");
            for (Map.Entry<String, List<String>> e : u.values().entrySet()) {
                List<String> group = e.getValue();
                if (group.size() == 1) {
                    f.line("case " + literal(e.getKey()) + " -> " + group.get(0) + ".readBody(r);");
                    continue;
                }
                StringBuilder expr = new StringBuilder();
                for (int i = 0; i < group.size() - 1; i++) {
                    expr.append("u.has(").append(literal(u.tieBreakers().get(group.get(i)))).append(") ? ")
                            .append(group.get(i)).append(".readBody(r) : ");
                }
                String last = group.get(group.size() - 1);
                expr.append("u.has(").append(literal(u.tieBreakers().get(last))).append(") ? ").append(last)
                        .append(".readBody(r) : ").append(u.unknownVariant()).append(".readBody(u)");
                f.line("case " + literal(e.getKey()) + " -> " + expr + ";");
            }
            f.line("default -> " + u.unknownVariant() + ".readBody(u);");
            f.close("};");
        } else {
            f.line("UnionInput u = in.peekUnion(" + literal(u.name()) + ", null);");
            f.line("ApiReader r = u.reader();");
            for (PresenceRule rule : u.rules()) {
                String cond = rule.equals() == null ? "u.has(" + literal(rule.field()) + ")"
                        : literal(rule.equals()) + ".equals(u.scalar(" + literal(rule.field()) + "))";
                f.open("if (" + cond + ") {");
                f.line("return " + rule.variant() + ".readBody(r);");
                f.close("}");
            }
            f.line("return " + u.unknownVariant() + ".readBody(u);");
        }
        f.close("}");
        f.close("}");
        return f;
    }

    private JavaFile unknownVariant() {
        String n = u.unknownVariant();
        JavaFile f = new JavaFile(Packages.TYPES, n);
        f.imports("java.io.IOException").imports("java.util.Collections").imports("java.util.LinkedHashMap")
                .imports("java.util.Map").imports("java.util.Objects")
                .imports("com.fasterxml.jackson.databind.JsonNode").imports(Packages.JSON + ".ApiWriter")
                .imports(Packages.JSON + ".UnionInput");
        f.javadoc(List.of("A {@link " + u.name() + "} of a kind this library version does not know (added to the Bot API"
                        + " later): keeps the JSON as received and writes it back unchanged. Its fields are readable"
                        + " by name through {@link #unknownFields()}."));
        f.open("public final class " + n + " implements " + u.name() + " {");
        f.line("private final JsonNode json;");
        f.line("");
        f.open("private " + n + "(JsonNode json) {");
        f.line("this.json = Objects.requireNonNull(json, \"json\");");
        f.close("}");
        f.line("");
        f.javadoc(List.of("Wraps raw JSON as an unknown variant (for tests and for sending variants newer than this library)."));
        f.open("public static " + n + " of(JsonNode json) {");
        f.line("return new " + n + "(json.deepCopy());");
        f.close("}");
        f.line("");
        f.open("static " + n + " readBody(UnionInput u) throws IOException {");
        f.line("return new " + n + "(u.reader().readRemainingFields(u.consumedField(), u.discriminator()));");
        f.close("}");
        f.line("");
        f.javadoc(List.of("A copy of the JSON as received."));
        f.open("public JsonNode json() {");
        f.line("return json.deepCopy();");
        f.close("}");
        f.line("");
        if (u.discriminator() != null) {
            if (declaresDiscriminator()) {
                f.line("@Override");
            } else {
                f.javadoc(List.of("The {@code " + u.discriminator() + "} field of the JSON, or null."));
            }
            f.open("public String " + member(u.discriminator()) + "() {");
            f.line("JsonNode value = json.get(" + literal(u.discriminator()) + ");");
            f.line("return value != null && value.isTextual() ? value.textValue() : null;");
            f.close("}");
            f.line("");
        }
        for (FieldModel c : u.commonFields()) {
            unknownAccessor(f, c);
        }
        f.javadoc(List.of("All fields of the JSON object (empty when the JSON is no object)."));
        f.line("@Override");
        f.open("public Map<String, JsonNode> unknownFields() {");
        f.line("Map<String, JsonNode> fields = new LinkedHashMap<>();");
        f.line("json.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));");
        f.line("return Collections.unmodifiableMap(fields);");
        f.close("}");
        f.line("");
        f.line("@Override");
        f.open("public void writeTo(ApiWriter w) throws IOException {");
        f.line("w.writeTree(json);");
        f.close("}");
        f.line("");
        f.line("@Override");
        f.open("public boolean equals(Object other) {");
        f.line("return other instanceof " + n + " o && json.equals(o.json);");
        f.close("}");
        f.line("");
        f.line("@Override");
        f.open("public int hashCode() {");
        f.line("return json.hashCode();");
        f.close("}");
        f.line("");
        f.line("@Override");
        f.open("public String toString() {");
        f.line("return " + literal(n + "{") + " + json + \"}\";");
        f.close("}");
        f.close("}");
        return f;
    }

    private JavaFile stringVariant(ScalarVariants s) {
        String n = s.stringVariant();
        JavaFile f = scalarFile(n, s.stringDescription());
        f.imports("java.util.Objects");
        f.line("private final String " + s.stringAccessor() + ";");
        f.line("");
        f.javadoc(List.of("Plain text."));
        f.open("public " + n + "(String " + s.stringAccessor() + ") {");
        f.line("this." + s.stringAccessor() + " = Objects.requireNonNull(" + s.stringAccessor() + ", " + literal(s.stringAccessor()) + ");");
        f.close("}");
        f.line("");
        f.javadoc(List.of("Codec hook: reads the JSON string."));
        f.open("public static " + n + " read(ApiReader r) throws IOException {");
        f.line("return new " + n + "(r.readString());");
        f.close("}");
        f.line("");
        f.javadoc(List.of("The text."));
        f.open("public String " + s.stringAccessor() + "() {");
        f.line("return " + s.stringAccessor() + ";");
        f.close("}");
        f.line("");
        scalarCommon(f, n, s.stringAccessor(), "w.generator().writeString(" + s.stringAccessor() + ");");
        return f;
    }

    private JavaFile arrayVariant(ScalarVariants s) {
        String n = s.arrayVariant();
        String a = s.arrayAccessor();
        JavaFile f = scalarFile(n, s.arrayDescription());
        f.imports("java.util.List");
        f.line("private final List<" + u.name() + "> " + a + ";");
        f.line("");
        f.javadoc(List.of("The parts, in order."));
        f.open("public " + n + "(List<" + u.name() + "> " + a + ") {");
        f.line("this." + a + " = List.copyOf(" + a + ");");
        f.close("}");
        f.line("");
        f.javadoc(List.of("Codec hook: reads the JSON array."));
        f.open("public static " + n + " read(ApiReader r) throws IOException {");
        f.line("return new " + n + "(r.readList(" + u.name() + "::read));");
        f.close("}");
        f.line("");
        f.javadoc(List.of("The parts, in order."));
        f.open("public List<" + u.name() + "> " + a + "() {");
        f.line("return " + a + ";");
        f.close("}");
        f.line("");
        scalarCommon(f, n, a, "w.writeList(" + a + ");");
        return f;
    }

    private JavaFile scalarFile(String n, String description) {
        JavaFile f = new JavaFile(Packages.TYPES, n);
        f.imports("java.io.IOException").imports("java.util.Map").imports("com.fasterxml.jackson.databind.JsonNode")
                .imports(Packages.JSON + ".ApiReader").imports(Packages.JSON + ".ApiWriter");
        f.javadoc(List.of(Javadoc.escape(description), "", "<p>A member of {@link " + u.name() + "}."));
        f.open("public final class " + n + " implements " + u.name() + " {");
        return f;
    }

    private static void scalarCommon(JavaFile f, String n, String field, String write) {
        f.javadoc(List.of("Always empty: a JSON " + (write.contains("List") ? "array" : "string") + " has no fields."));
        f.line("@Override");
        f.open("public Map<String, JsonNode> unknownFields() {");
        f.line("return Map.of();");
        f.close("}");
        f.line("");
        f.line("@Override");
        f.open("public void writeTo(ApiWriter w) throws IOException {");
        f.line(write);
        f.close("}");
        f.line("");
        f.line("@Override");
        f.open("public boolean equals(Object other) {");
        f.line("return other instanceof " + n + " o && " + field + ".equals(o." + field + ");");
        f.close("}");
        f.line("");
        f.line("@Override");
        f.open("public int hashCode() {");
        f.line("return " + field + ".hashCode();");
        f.close("}");
        f.line("");
        f.line("@Override");
        f.open("public String toString() {");
        f.line("return " + literal(n + "{") + " + " + field + " + \"}\";");
        f.close("}");
        f.close("}");
    }

    /** The accessor's return type: exactly what every variant's accessor of that field returns. */
    private static String returnType(FieldModel c) {
        JType t = c.type();
        if (c.required() || t.kind() == JType.Kind.LIST) {
            return t.java();
        }
        return switch (t.kind()) {
            case LONG -> "OptionalLong";
            case DOUBLE -> "OptionalDouble";
            case BOOLEAN -> "boolean";
            default -> "Optional<" + t.boxed() + ">";
        };
    }

    /** Imports what {@link #returnType} of {@code c} mentions. */
    private static void importReturn(JavaFile f, FieldModel c) {
        importType(f, c.type());
        String ret = returnType(c);
        if (ret.startsWith("Optional")) {
            f.imports("java.util." + (ret.contains("<") ? "Optional" : ret));
        }
    }

    private static void importType(JavaFile f, JType t) {
        if (t.mentions("List")) {
            f.imports("java.util.List");
        }
        if (t.mentions("ChatId")) {
            f.imports(Packages.API + ".ChatId");
        }
        if (t.mentions("InputFile")) {
            f.imports(Packages.API + ".InputFile");
        }
    }

    private List<String> commonDoc(FieldModel c) {
        String unknown = "{@link " + u.unknownVariant() + "}";
        String absent;
        if (c.type().kind() == JType.Kind.LIST) {
            absent = "an empty list when its JSON has none";
        } else if (c.required()) {
            absent = "{@link IllegalStateException} naming the union and the field when its JSON has none";
        } else if (c.type().kind() == JType.Kind.BOOLEAN) {
            absent = "false when its JSON has none";
        } else {
            absent = "empty when its JSON has none";
        }
        return List.of("The {@code " + c.jsonName() + "} field, which every known variant has" + (c.required() ? "" : " (optional)")
                + ". " + unknown + " reads it from its JSON: " + absent + ", and {@link dev.telescale.api.ApiParseException}"
                + " when the value there has the wrong shape.");
    }

    /**
     * The unknown variant's accessor of a common field, parsed from the kept JSON on each call by the runtime's
     * {@code ApiReader.readField}, so no unknown variant carries its own copy of the parsing.
     */
    private void unknownAccessor(JavaFile f, FieldModel c) {
        JType t = c.type();
        String n = c.javaName();
        importReturn(f, c);
        f.line("@Override");
        f.open("public " + returnType(c) + " " + n + "() {");
        f.imports(Packages.JSON + ".ApiReader");
        f.line(t.boxed() + " value = ApiReader.readField(json, " + literal(c.jsonName()) + ", " + t.readerExpression() + ");");
        if (t.kind() == JType.Kind.LIST) {
            f.line("return value == null ? List.of() : value;");
        } else if (c.required()) {
            f.open("if (value == null) {");
            f.line("throw new IllegalStateException(" + literal(u.unknownVariant() + ": this " + u.name()
                    + " of a kind unknown to this library version has no '" + c.jsonName() + "', which every known "
                    + u.name() + " variant has; read it from json() or unknownFields()") + ");");
            f.close("}");
            f.line("return value;");
        } else {
            switch (t.kind()) {
                case LONG -> f.line("return value == null ? OptionalLong.empty() : OptionalLong.of(value);");
                case DOUBLE -> f.line("return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);");
                case BOOLEAN -> f.line("return value != null && value;");
                default -> f.line("return Optional.ofNullable(value);");
            }
        }
        f.close("}");
        f.line("");
    }

    /** Whether the interface has a discriminator accessor (not when scalar members have no such field). */
    private boolean declaresDiscriminator() {
        return u.discriminator() != null && u.scalar() == null;
    }

    private static String member(String jsonName) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : jsonName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
