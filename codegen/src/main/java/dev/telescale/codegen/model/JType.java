package dev.telescale.codegen.model;

/**
 * The Java shape of a spec type: a scalar, a generated class or union, {@code ChatId}, {@code InputFile}, or a
 * list of one of these. {@code name} is the simple class name for {@link Kind#OBJECT}.
 */
public record JType(Kind kind, String name, JType element) {

    /** The kinds of value the generated code stores and reads differently. */
    public enum Kind { LONG, DOUBLE, BOOLEAN, STRING, OBJECT, CHAT_ID, INPUT_FILE, LIST }

    public static final JType LONG = new JType(Kind.LONG, null, null);
    public static final JType DOUBLE = new JType(Kind.DOUBLE, null, null);
    public static final JType BOOLEAN = new JType(Kind.BOOLEAN, null, null);
    public static final JType STRING = new JType(Kind.STRING, null, null);
    public static final JType CHAT_ID = new JType(Kind.CHAT_ID, null, null);
    public static final JType INPUT_FILE = new JType(Kind.INPUT_FILE, null, null);

    /** A generated type or union. */
    public static JType object(String name) {
        return new JType(Kind.OBJECT, name, null);
    }

    /** A list of {@code element}. */
    public static JType list(JType element) {
        return new JType(Kind.LIST, null, element);
    }

    /** Whether the value is stored as a Java primitive. */
    public boolean isPrimitive() {
        return kind == Kind.LONG || kind == Kind.DOUBLE || kind == Kind.BOOLEAN;
    }

    /** The Java type as written in source, primitives unboxed. */
    public String java() {
        return switch (kind) {
            case LONG -> "long";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            default -> boxed();
        };
    }

    /** The Java type usable as a type argument. */
    public String boxed() {
        return switch (kind) {
            case LONG -> "Long";
            case DOUBLE -> "Double";
            case BOOLEAN -> "Boolean";
            case STRING -> "String";
            case OBJECT -> name;
            case CHAT_ID -> "ChatId";
            case INPUT_FILE -> "InputFile";
            case LIST -> "List<" + element.boxed() + ">";
        };
    }

    /** An expression of type {@code ValueReader<boxed()>} reading one value of this type. */
    public String readerExpression() {
        return switch (kind) {
            case LONG -> "ApiReader::readLong";
            case DOUBLE -> "ApiReader::readDouble";
            case BOOLEAN -> "ApiReader::readBoolean";
            case STRING -> "ApiReader::readString";
            case OBJECT -> name + "::read";
            case CHAT_ID -> "ApiReader::readChatId";
            case INPUT_FILE -> "ApiReader::readInputFile";
            case LIST -> "e -> e.readList(" + element.readerExpression() + ")";
        };
    }

    /** Whether this type mentions {@code simpleName} anywhere (for imports). */
    public boolean mentions(String simpleName) {
        return switch (kind) {
            case OBJECT -> name.equals(simpleName);
            case CHAT_ID -> simpleName.equals("ChatId");
            case INPUT_FILE -> simpleName.equals("InputFile");
            case LIST -> simpleName.equals("List") || element.mentions(simpleName);
            default -> false;
        };
    }

    /** The innermost element type (this type when it is no list). */
    public JType leaf() {
        return kind == Kind.LIST ? element.leaf() : this;
    }
}
