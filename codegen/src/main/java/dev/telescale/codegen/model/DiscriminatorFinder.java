package dev.telescale.codegen.model;

import dev.telescale.codegen.spec.SpecField;
import dev.telescale.codegen.spec.SpecType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a union's discriminator from the spec text: a field every variant has whose description says
 * {@code always "x"} or {@code must be x}.
 */
final class DiscriminatorFinder {

    private static final Pattern ALWAYS = Pattern.compile("always [\"“]([A-Za-z0-9_]+)[\"”]");
    private static final Pattern MUST_BE = Pattern.compile("must be ([a-z0-9_]+)\\s*$");

    private DiscriminatorFinder() {
    }

    /** The discriminator field and each variant's value, if the spec text gives them. */
    static Optional<Map.Entry<String, Map<String, String>>> find(List<SpecType> variants) {
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        for (SpecField candidate : variants.get(0).fields()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (SpecType v : variants) {
                v.fields().stream().filter(f -> f.name().equals(candidate.name())).findFirst()
                        .flatMap(f -> constantOf(f.description()))
                        .ifPresent(value -> values.put(v.name(), value));
            }
            if (values.size() == variants.size()) {
                return Optional.of(Map.entry(candidate.name(), values));
            }
        }
        return Optional.empty();
    }

    /** The constant a description fixes, if any. */
    static Optional<String> constantOf(String description) {
        Matcher m = ALWAYS.matcher(description);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        m = MUST_BE.matcher(description);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
