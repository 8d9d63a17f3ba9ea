package dev.telescale.codegen.model;

/**
 * A field of a generated class: JSON and Java names, Java type, whether the API requires it, whether
 * ParameterDefaults may supply it (tri-state), the constant value when it is a union discriminator, and whether
 * it is cold (stored in the lazily allocated holder of a very wide type).
 */
public record FieldModel(String jsonName, String javaName, JType type, boolean required, String description,
                         boolean defaultable, String constant, boolean cold) {

    /** Whether the field is a discriminator with a fixed value (not stored, always written). */
    public boolean isConstant() {
        return constant != null;
    }
}
