package dev.telescale.codegen.model;

import dev.telescale.codegen.Overrides.PresenceRule;
import dev.telescale.codegen.Overrides.ScalarVariants;
import java.util.List;
import java.util.Map;

/**
 * A sealed interface over its variants. Variants are chosen by a string {@code discriminator} field
 * ({@code values} maps each value to the variant(s) carrying it; several variants sharing a value are told
 * apart by {@code tieBreakers}, a field only that variant has), or else by {@code rules} on field presence.
 * {@code scalar} names the classes for JSON strings and arrays (RichText). {@code commonFields} are the fields
 * every known variant has with the same accessor signature (see {@link CommonFields}), declared on the interface.
 */
public record UnionModel(String name, String href, List<String> description, List<String> variants,
                         String discriminator, Map<String, List<String>> values, Map<String, String> tieBreakers,
                         List<PresenceRule> rules, ScalarVariants scalar, List<FieldModel> commonFields) {

    /** The name of the class keeping unrecognised variants. */
    public String unknownVariant() {
        return "Unknown" + name;
    }

    /** This union with the given common fields. */
    public UnionModel withCommonFields(List<FieldModel> fields) {
        return new UnionModel(name, href, description, variants, discriminator, values, tieBreakers, rules, scalar,
                List.copyOf(fields));
    }

    /** Whether some discriminator value is shared by several variants (needs buffering to decide). */
    public boolean hasSharedValues() {
        return values.values().stream().anyMatch(v -> v.size() > 1);
    }
}
