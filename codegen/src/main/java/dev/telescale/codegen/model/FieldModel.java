package dev.telescale.codegen.model;

/**
 * A field of a generated class: JSON and Java names, Java type, whether the API requires it, whether
 * ParameterDefaults may supply it (tri-state), and the constant value when it is a union discriminator.
 */
public record FieldModel(String jsonName, String javaName, JType type, boolean required, String description,
                         boolean defaultable, String constant) {

    /** Whether the field is a discriminator with a fixed value (not stored, always written). */
    public boolean isConstant() {
        return constant != null;
    }
}
