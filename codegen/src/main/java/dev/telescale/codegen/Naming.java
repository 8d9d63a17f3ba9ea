package dev.telescale.codegen;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Java names for spec names: camelCase members, PascalCase classes, CONSTANT_CASE constants. */
public final class Naming {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");

    /** Member and local variable names the generated classes already use for themselves. */
    private static final Set<String> RESERVED_MEMBERS = Set.of("build", "builder", "toBuilder", "hashCode",
            "toString", "equals", "getClass", "notify", "notifyAll", "wait", "unknownFields", "unknownField",
            "writeTo", "methodName", "readResult", "read", "readBody", "clone", "finalize",
            "r", "p", "o", "f", "g", "w", "j", "h", "b", "in", "other", "unknown");

    private final Map<String, String> renames;

    /** Uses the reviewed renames (JSON name to Java name) from the overrides. */
    public Naming(Map<String, String> renames) {
        this.renames = renames;
    }

    /** The Java member name of a JSON field: {@code first_name} becomes {@code firstName}. */
    public String member(String jsonName) {
        String renamed = renames.get(jsonName);
        if (renamed != null) {
            return renamed;
        }
        String camel = camel(jsonName);
        if (KEYWORDS.contains(camel) || RESERVED_MEMBERS.contains(camel)) {
            throw new IllegalStateException("Field '" + jsonName + "' maps to the reserved Java name '" + camel
                    + "'; add a rename to javaRenames in overrides.json");
        }
        return camel;
    }

    /** The class name of a method's request: {@code sendMessage} becomes {@code SendMessage}. */
    public static String requestClass(String methodName) {
        return Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1);
    }

    /** A constant name: {@code first_name} becomes {@code FIRST_NAME}. */
    public static String constant(String jsonName) {
        return jsonName.toUpperCase(Locale.ROOT);
    }

    /** An upper-case-first form of a member name, for derived names ({@code hasFirstName}). */
    public static String capitalized(String member) {
        return Character.toUpperCase(member.charAt(0)) + member.substring(1);
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
