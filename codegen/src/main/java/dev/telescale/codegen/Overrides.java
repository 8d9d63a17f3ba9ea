package dev.telescale.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reviewed decisions the spec cannot express, read from {@code overrides.json}: how unions without a
 * derivable discriminator pick their variant, synthetic unions (ReplyMarkup), RichText's string and array
 * variants, the defaultable fields, the phrase marking String fields that really take a file (an
 * {@code "attach://"} reference, so they become InputFile), the hot fields of very wide types (the others are
 * stored in a lazily allocated holder), and Java renames for names that are keywords.
 */
public record Overrides(Map<String, List<PresenceRule>> presenceUnions,
                        Map<String, SyntheticUnion> syntheticUnions,
                        Map<String, ScalarVariants> scalarVariants,
                        Set<String> defaultableFields,
                        Set<String> defaultableTypes,
                        String inputFileMarker,
                        Map<String, Set<String>> hotFields,
                        Map<String, String> javaRenames) {

    /** Picks {@code variant} when the object has {@code field} (and, if {@code equals} is set, it has that text). */
    public record PresenceRule(String variant, String field, String equals) {
    }

    /** A union the spec does not declare, used where a field lists several types. */
    public record SyntheticUnion(String name, String description, List<String> variants, List<PresenceRule> rules) {
    }

    /** Classes standing for the non-object members of a union (RichText's String and Array of RichText). */
    public record ScalarVariants(String stringVariant, String stringAccessor, String stringDescription,
                                 String arrayVariant, String arrayAccessor, String arrayDescription) {
    }

    /** Loads the overrides bundled with the generator. */
    public static Overrides load() throws IOException {
        try (InputStream in = Overrides.class.getResourceAsStream("overrides.json")) {
            if (in == null) {
                throw new IOException("overrides.json is missing from the codegen resources");
            }
            return parse(new ObjectMapper().readTree(in));
        }
    }

    static Overrides parse(JsonNode root) {
        Map<String, List<PresenceRule>> presence = new LinkedHashMap<>();
        root.path("presenceUnions").properties().forEach(e -> presence.put(e.getKey(), rules(e.getValue())));
        Map<String, SyntheticUnion> synthetic = new LinkedHashMap<>();
        root.path("syntheticUnions").properties().forEach(e -> synthetic.put(e.getKey(), new SyntheticUnion(e.getKey(),
                e.getValue().path("description").asText(), strings(e.getValue().path("variants")),
                rules(e.getValue().path("rules")))));
        Map<String, ScalarVariants> scalar = new LinkedHashMap<>();
        root.path("scalarVariants").properties().forEach(e -> {
            JsonNode v = e.getValue();
            scalar.put(e.getKey(), new ScalarVariants(v.path("stringVariant").asText(), v.path("stringAccessor").asText(),
                    v.path("stringDescription").asText(), v.path("arrayVariant").asText(),
                    v.path("arrayAccessor").asText(), v.path("arrayDescription").asText()));
        });
        Map<String, Set<String>> hot = new LinkedHashMap<>();
        root.path("hotFields").properties().forEach(e -> hot.put(e.getKey(), new LinkedHashSet<>(strings(e.getValue()))));
        Map<String, String> renames = new LinkedHashMap<>();
        root.path("javaRenames").properties().forEach(e -> renames.put(e.getKey(), e.getValue().asText()));
        return new Overrides(presence, synthetic, scalar, new LinkedHashSet<>(strings(root.path("defaultableFields"))),
                new LinkedHashSet<>(strings(root.path("defaultableTypes"))), root.path("inputFileMarker").asText(),
                hot, renames);
    }

    private static List<PresenceRule> rules(JsonNode array) {
        List<PresenceRule> rules = new ArrayList<>();
        for (JsonNode r : array) {
            rules.add(new PresenceRule(r.path("variant").asText(), r.path("field").asText(),
                    r.hasNonNull("equals") ? r.get("equals").asText() : null));
        }
        return List.copyOf(rules);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
