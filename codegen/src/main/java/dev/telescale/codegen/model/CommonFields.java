package dev.telescale.codegen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fields a union can declare as accessors on its sealed interface: those every known variant has with the
 * same JSON name, Java name, Java type and required-ness, so every variant's existing accessor already has the
 * signature the interface declares (no variant's signature changes). A fixed discriminator value counts as a
 * required {@code String}, which is what its accessor returns. The union's own discriminator is left out (the
 * interface declares it already), and so are names the {@code Unknown<Union>} class uses for itself.
 */
public final class CommonFields {

    /** Member names of the unknown variant that a common accessor must not take over. */
    static final Set<String> RESERVED = Set.of("json", "of", "readBody", "read", "unknownFields", "writeTo",
            "equals", "hashCode", "toString", "getClass");

    private CommonFields() {
    }

    /**
     * The common fields of {@code variants} (each a variant's fields in spec order), in the first variant's
     * order, without {@code discriminator} (may be null). No variants means no common fields.
     */
    public static List<FieldModel> of(List<List<FieldModel>> variants, String discriminator) {
        if (variants.isEmpty()) {
            return List.of();
        }
        List<FieldModel> common = new ArrayList<>();
        for (FieldModel candidate : variants.get(0)) {
            if (candidate.jsonName().equals(discriminator) || RESERVED.contains(candidate.javaName())) {
                continue;
            }
            FieldModel shape = shape(candidate);
            boolean everywhere = variants.stream().allMatch(fields -> fields.stream()
                    .anyMatch(f -> f.jsonName().equals(candidate.jsonName()) && sameShape(shape(f), shape)));
            if (everywhere) {
                common.add(shape);
            }
        }
        return List.copyOf(common);
    }

    /**
     * The field as the interface sees it: a constant becomes a required String; variant-specific details
     * (description, defaults, storage) are dropped.
     */
    private static FieldModel shape(FieldModel f) {
        if (f.isConstant()) {
            return new FieldModel(f.jsonName(), f.javaName(), JType.STRING, true, "", false, null, false);
        }
        return new FieldModel(f.jsonName(), f.javaName(), f.type(), f.required(), "", false, null, false);
    }

    private static boolean sameShape(FieldModel a, FieldModel b) {
        return a.javaName().equals(b.javaName()) && Objects.equals(a.type(), b.type()) && a.required() == b.required();
    }
}
