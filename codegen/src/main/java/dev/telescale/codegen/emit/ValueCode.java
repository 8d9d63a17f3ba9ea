package dev.telescale.codegen.emit;

import dev.telescale.codegen.model.FieldModel;
import dev.telescale.codegen.model.JType;

/** Java snippets that read and write one value of a {@link JType}, shared by the emitters. */
final class ValueCode {

    private ValueCode() {
    }

    /** An expression reading a value of {@code t} from reader {@code r}, whose parser is on the value. */
    static String read(JType t, String r) {
        return switch (t.kind()) {
            case LONG -> r + ".readLong()";
            case DOUBLE -> r + ".readDouble()";
            case BOOLEAN -> r + ".readBoolean()";
            case STRING -> r + ".readString()";
            case OBJECT -> t.name() + ".read(" + r + ")";
            case CHAT_ID -> r + ".readChatId()";
            case INPUT_FILE -> r + ".readInputFile()";
            case LIST -> r + ".readList(" + t.element().readerExpression() + ")";
        };
    }

    /** Statements (one line) writing {@code value} of type {@code t} on generator {@code g} / writer {@code w}. */
    static String write(JType t, String value) {
        return switch (t.kind()) {
            case LONG, DOUBLE -> "g.writeNumber(" + value + ");";
            case BOOLEAN -> "g.writeBoolean(" + value + ");";
            case STRING -> "g.writeString(" + value + ");";
            case OBJECT -> value + ".writeTo(w);";
            case CHAT_ID -> "w.writeChatId(" + value + ");";
            case INPUT_FILE -> "w.writeValue(" + value + ");";
            case LIST -> "w.writeList(" + value + ");";
        };
    }

    /** The name of the field-name constant of a field. */
    static String nameConstant(FieldModel f) {
        return "F_" + f.jsonName().toUpperCase(java.util.Locale.ROOT);
    }

    /** Java string literal of a plain ASCII text. */
    static String literal(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
