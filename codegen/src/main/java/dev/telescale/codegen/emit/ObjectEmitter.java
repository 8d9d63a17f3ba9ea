package dev.telescale.codegen.emit;

import static dev.telescale.codegen.emit.ValueCode.literal;
import static dev.telescale.codegen.emit.ValueCode.nameConstant;

import dev.telescale.codegen.Naming;
import dev.telescale.codegen.model.ApiModel;
import dev.telescale.codegen.model.FieldModel;
import dev.telescale.codegen.model.JType;
import dev.telescale.codegen.model.JType.Kind;
import dev.telescale.codegen.model.KnownValues;
import dev.telescale.codegen.model.ObjectModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the class of one API type or request: storage without boxing where it is easy, a streaming
 * {@code read} (switch on the field name), {@code writeTo}, accessors, equals/hashCode/toString and a builder.
 */
final class ObjectEmitter {

    private final ObjectModel m;
    private final ApiModel model;
    private final Set<String> generatedTypes;
    private final JavaFile file;
    private final List<FieldModel> stored;

    ObjectEmitter(ObjectModel m, ApiModel model, Set<String> generatedTypes) {
        this.m = m;
        this.model = model;
        this.generatedTypes = generatedTypes;
        this.file = new JavaFile(m.isRequest() ? Packages.METHODS : Packages.TYPES, m.name());
        this.stored = m.fields().stream().filter(f -> !f.isConstant()).toList();
        this.hasCold = stored.stream().anyMatch(FieldModel::cold);
    }

    private final boolean hasCold;

    /** The expression of a stored field's value; cold fields are read through the local {@code c}. */
    private static String val(FieldModel f) {
        return f.cold() ? "c." + f.javaName() : f.javaName();
    }

    /** The condition that a stored field is present (cold ones through the local {@code c}, maybe null). */
    private static String present(FieldModel f) {
        String own = hasPresenceFlag(f) ? val(f) + "$has" : val(f) + " != null";
        return f.cold() ? "c != null && " + own : own;
    }

    /** Declares the local {@code c} holding the cold fields, when the class has any. */
    private void declareCold() {
        if (hasCold) {
            file.line("Cold c = cold;");
        }
    }

    JavaFile emit() {
        imports();
        List<String> doc = new ArrayList<>(Javadoc.paragraphs(m.description()));
        doc.add("");
        doc.add(m.isRequest() ? "<p>Request of the method {@code " + m.methodName() + "}; build it with {@link #builder()}."
                : "<p>Immutable; parse it with {@code TelegramJson.parse} and build it with {@link #builder()}.");
        doc.add("");
        doc.add(Javadoc.seeLink(m.href(), m.specName()));
        file.javadoc(doc);
        List<String> supers = new ArrayList<>();
        if (m.isRequest()) {
            supers.add("ApiMethod<" + m.result().java() + ">");
        } else {
            supers.add("ApiObject");
            supers.addAll(m.unions());
        }
        file.open("public final class " + m.name() + " implements " + String.join(", ", supers) + " {");
        constants();
        storage();
        constructor();
        read();
        accessors();
        if (m.name().equals("Update")) {
            updateType();
        }
        requestMembers();
        unknownFields();
        writeTo();
        equalsHashCodeToString();
        builder();
        file.close("}");
        return file;
    }

    private void imports() {
        file.imports("java.io.IOException").imports("java.lang.invoke.VarHandle").imports("java.util.Collections")
                .imports("java.util.LinkedHashMap").imports("java.util.Map").imports("java.util.Objects")
                .imports("java.util.StringJoiner").imports("com.fasterxml.jackson.core.JsonGenerator")
                .imports("com.fasterxml.jackson.core.JsonParser").imports("com.fasterxml.jackson.databind.JsonNode")
                .imports(Packages.JSON + ".ApiReader").imports(Packages.JSON + ".ApiWriter");
        if (!m.fields().isEmpty()) {
            file.imports("com.fasterxml.jackson.core.io.SerializedString");
        }
        file.imports(m.isRequest() ? Packages.API + ".ApiMethod" : Packages.API + ".ApiObject");
        List<JType> types = new ArrayList<>();
        stored.forEach(f -> types.add(f.type()));
        if (m.isRequest()) {
            types.add(m.result().type());
            if (m.result().orTrue()) {
                file.imports("java.util.Optional").imports("com.fasterxml.jackson.core.JsonToken");
            }
        }
        for (FieldModel f : stored) {
            if (!f.required() && !f.type().isPrimitive() && f.type().kind() != Kind.LIST) {
                file.imports("java.util.Optional");
            }
            if (!f.required() && f.type().kind() == Kind.LONG) {
                file.imports("java.util.OptionalLong");
            }
            if (!f.required() && f.type().kind() == Kind.DOUBLE) {
                file.imports("java.util.OptionalDouble");
            }
        }
        for (JType t : types) {
            importType(t);
        }
    }

    private void importType(JType t) {
        switch (t.kind()) {
            case LIST -> {
                file.imports("java.util.List");
                importType(t.element());
            }
            case CHAT_ID -> file.imports(Packages.API + ".ChatId");
            case INPUT_FILE -> file.imports(Packages.API + ".InputFile");
            case OBJECT -> file.imports(Packages.TYPES + "." + t.name());
            default -> {
            }
        }
    }

    private void constants() {
        for (FieldModel f : m.fields()) {
            file.line("private static final SerializedString " + nameConstant(f) + " = new SerializedString("
                    + literal(f.jsonName()) + ");");
        }
        for (FieldModel f : m.fields()) {
            List<String> known = KnownValues.of(f);
            if (!known.isEmpty()) {
                file.line("");
                file.javadoc(List.of("The documented values of {@code " + f.jsonName() + "}: read as these constants, not as new strings."));
                file.line("private static final String[] " + knownConstant(f) + " = {"
                        + String.join(", ", known.stream().map(ValueCode::literal).toList()) + "};");
            }
        }
        for (FieldModel f : m.fields()) {
            if (f.isConstant()) {
                file.line("");
                file.javadoc(List.of("The value of {@code " + f.jsonName() + "} that identifies this variant."));
                file.line("public static final String " + Naming.constant(f.jsonName()) + " = " + literal(f.constant()) + ";");
            }
        }
        if (!m.fields().isEmpty()) {
            file.line("");
        }
    }

    /** Storage: primitives plus presence flags for optional numbers, Boolean for optional flags. */
    private void storage() {
        for (FieldModel f : stored) {
            if (f.cold()) {
                continue;
            }
            file.line("private " + storageType(f) + " " + f.javaName() + ";");
            if (hasPresenceFlag(f)) {
                file.line("private boolean " + f.javaName() + "$has;");
            }
            if (f.defaultable()) {
                file.line("private boolean " + f.javaName() + "$set;");
            }
        }
        if (hasCold) {
            file.line("private Cold cold;");
        }
        file.line("private Map<String, JsonNode> unknown;");
        file.line("");
        if (hasCold) {
            coldHolder();
        }
    }

    /** The holder of the rarely present fields, allocated only once one of them has a value. */
    private void coldHolder() {
        file.javadoc(List.of("The rarely present fields, kept apart so the common case allocates a small object."));
        file.open("private static final class Cold {");
        List<String> conditions = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (FieldModel f : stored) {
            if (!f.cold()) {
                continue;
            }
            String n = f.javaName();
            file.line("private " + storageType(f) + " " + n + ";");
            conditions.add(equality(f, n, "o." + n));
            hashes.add(hash(f, n));
            if (hasPresenceFlag(f)) {
                file.line("private boolean " + n + "$has;");
                conditions.add(n + "$has == o." + n + "$has");
                hashes.add("Boolean.hashCode(" + n + "$has)");
            }
        }
        file.line("");
        file.line("@Override");
        file.open("public boolean equals(Object other) {");
        file.open("if (!(other instanceof Cold o)) {");
        file.line("return false;");
        file.close("}");
        file.line("return " + conditions.get(0) + (conditions.size() == 1 ? ";" : ""));
        for (int i = 1; i < conditions.size(); i++) {
            file.line("        && " + conditions.get(i) + (i == conditions.size() - 1 ? ";" : ""));
        }
        file.close("}");
        file.line("");
        file.line("@Override");
        file.open("public int hashCode() {");
        file.line("int h = 1;");
        hashes.forEach(h -> file.line("h = 31 * h + " + h + ";"));
        file.line("return h;");
        file.close("}");
        file.close("}");
        file.line("");
        file.open("private Cold cold() {");
        file.line("Cold c = cold;");
        file.open("if (c == null) {");
        file.line("c = new Cold();");
        file.line("cold = c;");
        file.close("}");
        file.line("return c;");
        file.close("}");
        file.line("");
    }

    private static String equality(FieldModel f, String a, String b) {
        return switch (storageType(f)) {
            case "long", "boolean" -> a + " == " + b;
            case "double" -> "Double.compare(" + a + ", " + b + ") == 0";
            default -> "Objects.equals(" + a + ", " + b + ")";
        };
    }

    private static String hash(FieldModel f, String a) {
        return switch (storageType(f)) {
            case "long" -> "Long.hashCode(" + a + ")";
            case "double" -> "Double.hashCode(" + a + ")";
            case "boolean" -> "Boolean.hashCode(" + a + ")";
            default -> "Objects.hashCode(" + a + ")";
        };
    }

    private static String storageType(FieldModel f) {
        if (f.type().kind() == Kind.BOOLEAN && !f.required()) {
            return "Boolean";
        }
        return f.type().java();
    }

    /** Optional integers and floats keep a flag instead of boxing. */
    private static boolean hasPresenceFlag(FieldModel f) {
        return !f.required() && (f.type().kind() == Kind.LONG || f.type().kind() == Kind.DOUBLE);
    }

    private void constructor() {
        if (m.isRequest() && stored.isEmpty()) {
            file.javadoc(List.of("Creates the request; it has no parameters."));
            file.line("public " + m.name() + "() {");
        } else {
            file.line("private " + m.name() + "() {");
        }
        file.line("}");
        file.line("");
    }

    private void read() {
        file.javadoc(List.of("Codec hook: reads a {@code " + m.name() + "} from JSON (the reader is on the value)."));
        file.open("public static " + m.name() + " read(ApiReader in) throws IOException {");
        file.line("return readBody(in.beginObject(" + literal(m.name()) + "));");
        file.close("}");
        file.line("");
        file.open("static " + m.name() + " readBody(ApiReader r) throws IOException {");
        file.line("JsonParser p = r.parser();");
        file.line("p.assignCurrentValue(" + literal(m.name()) + ");");
        file.line(m.name() + " o = new " + m.name() + "();");
        file.open("for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {");
        if (m.fields().isEmpty()) {
            file.line("o.unknown = r.readUnknown(o.unknown, f);");
        } else {
            file.open("switch (f) {");
            for (FieldModel f : m.fields()) {
                file.line("case " + literal(f.jsonName()) + " -> " + readStatement(f));
            }
            file.line("default -> o.unknown = r.readUnknown(o.unknown, f);");
            file.close("}");
        }
        file.close("}");
        file.line("r.endObject(" + literal(m.name()) + ");");
        if (m.isRequest()) {
            for (FieldModel f : stored) {
                if (f.type().kind() == Kind.INPUT_FILE) {
                    file.open("if (o." + f.javaName() + " == null) {");
                    file.line("o." + f.javaName() + " = r.attachment(" + literal(f.jsonName()) + ");");
                    file.close("}");
                }
            }
        }
        file.line("VarHandle.releaseFence();");
        file.line("return o;");
        file.close("}");
        file.line("");
    }

    private static String readStatement(FieldModel f) {
        String target = "o." + f.javaName();
        if (f.isConstant()) {
            return "r.skipValue();";
        }
        if (f.cold()) {
            return coldReadStatement(f);
        }
        String set = f.defaultable() ? " o." + f.javaName() + "$set = true;" : "";
        JType t = f.type();
        switch (t.kind()) {
            case LONG, DOUBLE -> {
                String kind = t.kind() == Kind.LONG ? "Long" : "Double";
                if (f.required()) {
                    return target + " = r.next" + kind + "();";
                }
                return "{ if (r.nextValue()) { " + target + " = r.read" + kind + "(); " + target + "$has = true; } }";
            }
            case BOOLEAN -> {
                String read = f.required() ? "r.nextBoolean()" : "r.nextBooleanObject()";
                return set.isEmpty() ? target + " = " + read + ";" : "{ " + target + " = " + read + ";" + set + " }";
            }
            case STRING -> {
                String read = nextString(f);
                return set.isEmpty() ? target + " = " + read + ";" : "{ " + target + " = " + read + ";" + set + " }";
            }
            default -> {
                String read = target + " = r.nextValue() ? " + ValueCode.read(t, "r") + " : null;";
                return set.isEmpty() ? read : "{ " + read + set + " }";
            }
        }
    }

    /** Reads a String field; one with documented values gets them as constants. */
    private static String nextString(FieldModel f) {
        return KnownValues.of(f).isEmpty() ? "r.nextString()" : "r.nextString(" + knownConstant(f) + ")";
    }

    private static String knownConstant(FieldModel f) {
        return "KNOWN_" + f.jsonName().toUpperCase(java.util.Locale.ROOT);
    }

    /** Cold fields allocate the holder only for a present, non-null value. */
    private static String coldReadStatement(FieldModel f) {
        String n = f.javaName();
        JType t = f.type();
        return switch (t.kind()) {
            case LONG, DOUBLE -> {
                String kind = t.kind() == Kind.LONG ? "Long" : "Double";
                yield "{ if (r.nextValue()) { Cold c = o.cold(); c." + n + " = r.read" + kind + "(); c." + n + "$has = true; } }";
            }
            case BOOLEAN -> "{ Boolean v = r.nextBooleanObject(); if (v != null) { o.cold()." + n + " = v; } }";
            case STRING -> "{ String v = " + nextString(f) + "; if (v != null) { o.cold()." + n + " = v; } }";
            default -> "{ if (r.nextValue()) { o.cold()." + n + " = " + ValueCode.read(t, "r") + "; } }";
        };
    }

    private void accessors() {
        for (FieldModel f : m.fields()) {
            file.javadoc(List.of(Javadoc.escape(f.description())));
            String n = f.javaName();
            if (f.isConstant()) {
                file.open("public String " + n + "() {");
                file.line("return " + Naming.constant(f.jsonName()) + ";");
                file.close("}");
                file.line("");
                continue;
            }
            JType t = f.type();
            if (f.cold()) {
                coldAccessor(f);
                continue;
            }
            if (t.kind() == Kind.LIST) {
                file.open("public " + t.java() + " " + n + "() {");
                file.line("return " + n + " == null ? List.of() : " + n + ";");
            } else if (f.required()) {
                file.open("public " + t.java() + " " + n + "() {");
                file.line("return " + n + ";");
            } else if (t.kind() == Kind.LONG) {
                file.open("public OptionalLong " + n + "() {");
                file.line("return " + n + "$has ? OptionalLong.of(" + n + ") : OptionalLong.empty();");
            } else if (t.kind() == Kind.DOUBLE) {
                file.open("public OptionalDouble " + n + "() {");
                file.line("return " + n + "$has ? OptionalDouble.of(" + n + ") : OptionalDouble.empty();");
            } else if (t.kind() == Kind.BOOLEAN) {
                file.open("public boolean " + n + "() {");
                file.line("return " + n + " != null && " + n + ";");
            } else {
                file.open("public Optional<" + t.boxed() + "> " + n + "() {");
                file.line("return Optional.ofNullable(" + n + ");");
            }
            file.close("}");
            file.line("");
        }
    }

    private void coldAccessor(FieldModel f) {
        String n = f.javaName();
        JType t = f.type();
        String ret = switch (t.kind()) {
            case LIST -> t.java();
            case LONG -> "OptionalLong";
            case DOUBLE -> "OptionalDouble";
            case BOOLEAN -> "boolean";
            default -> "Optional<" + t.boxed() + ">";
        };
        file.open("public " + ret + " " + n + "() {");
        file.line("Cold c = cold;");
        switch (t.kind()) {
            case LIST -> file.line("return c == null || c." + n + " == null ? List.of() : c." + n + ";");
            case LONG -> file.line("return c != null && c." + n + "$has ? OptionalLong.of(c." + n + ") : OptionalLong.empty();");
            case DOUBLE -> file.line("return c != null && c." + n + "$has ? OptionalDouble.of(c." + n + ") : OptionalDouble.empty();");
            case BOOLEAN -> file.line("return c != null && c." + n + " != null && c." + n + ";");
            default -> file.line("return c == null ? Optional.empty() : Optional.ofNullable(c." + n + ");");
        }
        file.close("}");
        file.line("");
    }

    private void updateType() {
        file.javadoc(List.of("Which kind of update this is: the optional field that is present, or"
                + " {@link UpdateType#UNKNOWN} for a kind this library version does not know (see {@link #unknownFields()})."));
        file.open("public UpdateType type() {");
        declareCold();
        for (String kind : model.updateKinds()) {
            FieldModel f = m.fields().stream().filter(x -> x.jsonName().equals(kind)).findFirst().orElseThrow();
            file.open("if (" + present(f) + ") {");
            file.line("return UpdateType." + Naming.constant(kind) + ";");
            file.close("}");
        }
        file.line("return UpdateType.UNKNOWN;");
        file.close("}");
        file.line("");
    }

    private void requestMembers() {
        if (!m.isRequest()) {
            return;
        }
        file.line("@Override");
        file.open("public String methodName() {");
        file.line("return " + literal(m.methodName()) + ";");
        file.close("}");
        file.line("");
        file.line("@Override");
        file.open("public " + m.result().java() + " readResult(ApiReader r) throws IOException {");
        if (m.result().orTrue()) {
            file.open("if (r.parser().currentToken() == JsonToken.VALUE_TRUE) {");
            file.line("return Optional.empty();");
            file.close("}");
            file.line("return Optional.of(" + ValueCode.read(m.result().type(), "r") + ");");
        } else {
            file.line("return " + ValueCode.read(m.result().type(), "r") + ";");
        }
        file.close("}");
        file.line("");
    }

    private void unknownFields() {
        file.line("@Override");
        file.open("public Map<String, JsonNode> unknownFields() {");
        file.line("return unknown == null ? Map.of() : Collections.unmodifiableMap(unknown);");
        file.close("}");
        file.line("");
    }

    private void writeTo() {
        file.line("@Override");
        file.open("public void writeTo(ApiWriter w) throws IOException {");
        file.line("JsonGenerator g = w.generator();");
        declareCold();
        file.line("g.writeStartObject();");
        for (FieldModel f : m.fields()) {
            String n = f.javaName();
            String name = "g.writeFieldName(" + nameConstant(f) + ");";
            if (f.isConstant()) {
                file.line(name);
                file.line("g.writeString(" + Naming.constant(f.jsonName()) + ");");
                continue;
            }
            JType t = f.type();
            if (t.kind() == Kind.INPUT_FILE) {
                file.open("if (" + present(f) + ") {");
                file.line("w.inputFileField(" + literal(f.jsonName()) + ", " + val(f) + ");");
                file.close("}");
                continue;
            }
            if (f.required() && t.isPrimitive()) {
                file.line(name);
                file.line(ValueCode.write(t, n));
                continue;
            }
            if (f.defaultable()) {
                file.open("if (" + n + "$set) {");
                file.open("if (" + present(f) + ") {");
                file.line(name);
                file.line(ValueCode.write(t, n));
                file.close("}");
                file.close("} else {");
                file.line("    w.writeDefault(" + nameConstant(f) + ", " + literal(m.name()) + ", " + literal(f.jsonName()) + ");");
                file.line("}");
                continue;
            }
            file.open("if (" + present(f) + ") {");
            file.line(name);
            file.line(ValueCode.write(t, val(f)));
            file.close("}");
        }
        file.line("w.writeUnknown(unknown);");
        file.line("g.writeEndObject();");
        file.close("}");
        file.line("");
    }

    private void equalsHashCodeToString() {
        file.line("@Override");
        file.open("public boolean equals(Object other) {");
        file.open("if (this == other) {");
        file.line("return true;");
        file.close("}");
        file.open("if (!(other instanceof " + m.name() + " o)) {");
        file.line("return false;");
        file.close("}");
        List<String> conditions = new ArrayList<>();
        for (FieldModel f : stored) {
            String n = f.javaName();
            if (f.cold()) {
                continue;
            }
            conditions.add(equality(f, n, "o." + n));
            if (hasPresenceFlag(f)) {
                conditions.add(n + "$has == o." + n + "$has");
            }
            if (f.defaultable()) {
                conditions.add(n + "$set == o." + n + "$set");
            }
        }
        if (hasCold) {
            conditions.add("Objects.equals(cold, o.cold)");
        }
        conditions.add("Objects.equals(unknown, o.unknown)");
        file.line("return " + conditions.get(0) + (conditions.size() == 1 ? ";" : ""));
        for (int i = 1; i < conditions.size(); i++) {
            file.line("        && " + conditions.get(i) + (i == conditions.size() - 1 ? ";" : ""));
        }
        file.close("}");
        file.line("");

        file.line("@Override");
        file.open("public int hashCode() {");
        file.line("int h = " + literal(m.name()) + ".hashCode();");
        for (FieldModel f : stored) {
            String n = f.javaName();
            if (f.cold()) {
                continue;
            }
            file.line("h = 31 * h + " + hash(f, n) + ";");
            if (hasPresenceFlag(f)) {
                file.line("h = 31 * h + Boolean.hashCode(" + n + "$has);");
            }
        }
        if (hasCold) {
            file.line("h = 31 * h + Objects.hashCode(cold);");
        }
        file.line("h = 31 * h + Objects.hashCode(unknown);");
        file.line("return h;");
        file.close("}");
        file.line("");

        file.line("@Override");
        file.open("public String toString() {");
        file.line("StringJoiner j = new StringJoiner(\", \", " + literal(m.name() + "{") + ", \"}\");");
        declareCold();
        for (FieldModel f : m.fields()) {
            String n = f.javaName();
            String add = "j.add(" + literal(n + "=") + " + " + (f.isConstant() ? Naming.constant(f.jsonName()) : val(f)) + ");";
            if (f.isConstant() || (f.required() && f.type().isPrimitive())) {
                file.line(add);
            } else {
                file.open("if (" + present(f) + ") {");
                file.line(add);
                file.close("}");
            }
        }
        file.open("if (unknown != null) {");
        file.line("j.add(\"unknownFields=\" + unknown);");
        file.close("}");
        file.line("return j.toString();");
        file.close("}");
        file.line("");
    }

    private void builder() {
        file.javadoc(List.of("A builder for {@code " + m.name() + "}."));
        file.open("public static Builder builder() {");
        file.line("return new Builder();");
        file.close("}");
        file.line("");
        file.javadoc(List.of("A builder holding this object's values, to derive a changed copy."));
        file.open("public Builder toBuilder() {");
        file.line("Builder b = new Builder();");
        declareCold();
        for (FieldModel f : stored) {
            String n = f.javaName();
            if (f.cold()) {
                file.open("if (c != null) {");
                file.line("b." + n + " = c." + n + ";");
                if (hasPresenceFlag(f)) {
                    file.line("b." + n + "$has = c." + n + "$has;");
                }
                file.close("}");
                continue;
            }
            file.line("b." + n + " = " + n + ";");
            if (hasPresenceFlag(f)) {
                file.line("b." + n + "$has = " + n + "$has;");
            }
            if (f.defaultable()) {
                file.line("b." + n + "$set = " + n + "$set;");
            }
            if (f.required() && f.type().isPrimitive()) {
                file.line("b." + n + "$set = true;");
            }
        }
        file.line("b.unknown = unknown == null ? null : new LinkedHashMap<>(unknown);");
        file.line("return b;");
        file.close("}");
        file.line("");

        file.javadoc(List.of("Builds a {@code " + m.name() + "}; {@link #build()} fails naming a required field left unset."));
        file.open("public static final class Builder {");
        for (FieldModel f : stored) {
            file.line("private " + storageType(f) + " " + f.javaName() + ";");
            if (hasPresenceFlag(f)) {
                file.line("private boolean " + f.javaName() + "$has;");
            }
            if (f.defaultable() || (f.required() && f.type().isPrimitive())) {
                file.line("private boolean " + f.javaName() + "$set;");
            }
        }
        file.line("private Map<String, JsonNode> unknown;");
        file.line("");
        file.line("private Builder() {");
        file.line("}");
        file.line("");
        for (FieldModel f : stored) {
            setters(f);
        }
        file.javadoc(List.of("Adds a field this library version does not model (sent as is)."));
        file.open("public Builder unknownField(String jsonName, JsonNode value) {");
        file.open("if (unknown == null) {");
        file.line("unknown = new LinkedHashMap<>();");
        file.close("}");
        file.line("unknown.put(Objects.requireNonNull(jsonName, \"jsonName\"), Objects.requireNonNull(value, \"value\"));");
        file.line("return this;");
        file.close("}");
        file.line("");
        file.javadoc(List.of("Builds the object.", "", "@throws IllegalStateException naming the first required field that is not set"));
        file.open("public " + m.name() + " build() {");
        for (FieldModel f : stored) {
            if (!f.required()) {
                continue;
            }
            String unset = f.type().isPrimitive() ? "!" + f.javaName() + "$set" : f.javaName() + " == null";
            file.open("if (" + unset + ") {");
            file.line("throw new IllegalStateException(" + literal(m.name() + ": required field '" + f.jsonName()
                    + "' is not set") + ");");
            file.close("}");
        }
        file.line(m.name() + " o = new " + m.name() + "();");
        for (FieldModel f : stored) {
            String n = f.javaName();
            if (f.cold()) {
                if (hasPresenceFlag(f)) {
                    file.open("if (" + n + "$has) {");
                    file.line("Cold c = o.cold();");
                    file.line("c." + n + " = " + n + ";");
                    file.line("c." + n + "$has = true;");
                } else {
                    file.open("if (" + n + " != null) {");
                    file.line("o.cold()." + n + " = " + n + ";");
                }
                file.close("}");
                continue;
            }
            file.line("o." + n + " = " + n + ";");
            if (hasPresenceFlag(f)) {
                file.line("o." + n + "$has = " + n + "$has;");
            }
            if (f.defaultable()) {
                file.line("o." + n + "$set = " + n + "$set;");
            }
        }
        file.line("o.unknown = unknown == null ? null : new LinkedHashMap<>(unknown);");
        file.line("VarHandle.releaseFence();");
        file.line("return o;");
        file.close("}");
        file.close("}");
    }

    private void setters(FieldModel f) {
        String n = f.javaName();
        JType t = f.type();
        List<String> doc = new ArrayList<>();
        doc.add("Sets {@code " + f.jsonName() + "}" + (f.required() ? " (required)" : "") + ": "
                + Javadoc.escape(f.description()));
        if (f.defaultable()) {
            doc.add("");
            doc.add("<p>Once set (even to null) the Bot's defaults no longer apply to this field.");
        }
        file.javadoc(doc);
        String param = storageType(f);
        file.open("public Builder " + n + "(" + param + " " + n + ") {");
        if (t.kind() == Kind.LIST) {
            file.line("this." + n + " = " + n + " == null ? null : List.copyOf(" + n + ");");
        } else {
            file.line("this." + n + " = " + n + ";");
        }
        if (hasPresenceFlag(f)) {
            file.line("this." + n + "$has = true;");
        }
        if (f.defaultable() || (f.required() && t.isPrimitive())) {
            file.line("this." + n + "$set = true;");
        }
        file.line("return this;");
        file.close("}");
        file.line("");
        if (t.kind() == Kind.LIST && t.element().kind() != Kind.LIST) {
            file.javadoc(List.of("Sets {@code " + f.jsonName() + "} from the given elements."));
            file.open("public Builder " + n + "(" + t.element().boxed() + "... " + n + ") {");
            file.line("return " + n + "(List.of(" + n + "));");
            file.close("}");
            file.line("");
        }
        if (t.kind() == Kind.CHAT_ID) {
            file.javadoc(List.of("Sets {@code " + f.jsonName() + "} to a numeric chat id."));
            file.open("public Builder " + n + "(long " + n + ") {");
            file.line("return " + n + "(ChatId.of(" + n + "));");
            file.close("}");
            file.line("");
            file.javadoc(List.of("Sets {@code " + f.jsonName() + "} to {@code \"&#64;username\"} (or a numeric id given as text)."));
            file.open("public Builder " + n + "(String " + n + ") {");
            file.line("return " + n + "(ChatId.of(" + n + "));");
            file.close("}");
            file.line("");
        }
    }
}
