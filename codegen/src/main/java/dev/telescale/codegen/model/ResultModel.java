package dev.telescale.codegen.model;

/**
 * What a method returns: {@code type}, or with {@code orTrue} the "X | Boolean" shape (Telegram answers true
 * instead of X in some cases), which becomes {@code Optional<X>}.
 */
public record ResultModel(JType type, boolean orTrue) {

    /** The Java result type. */
    public String java() {
        return orTrue ? "Optional<" + type.boxed() + ">" : type.boxed();
    }
}
