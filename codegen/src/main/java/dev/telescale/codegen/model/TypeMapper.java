package dev.telescale.codegen.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Maps the spec's field types to Java shapes: Integer→long, Float→double, Boolean/True→boolean, String,
 * "Array of X"→List, "Integer or String"→ChatId, "InputFile or String"→InputFile, the four keyboard markups
 * →ReplyMarkup (a synthetic union), several arrays of union members→List of that union.
 */
public final class TypeMapper {

    private final Predicate<String> isKnownType;
    private final Map<String, List<String>> unionVariants;

    /**
     * @param isKnownType   whether a name is a generated type or union
     * @param unionVariants every union (spec and synthetic) by name, with its variants
     */
    public TypeMapper(Predicate<String> isKnownType, Map<String, List<String>> unionVariants) {
        this.isKnownType = isKnownType;
        this.unionVariants = unionVariants;
    }

    /** The Java shape of a field typed {@code types}; {@code where} names the field for error messages. */
    public JType map(List<String> types, String where) {
        if (types.size() == 1) {
            return single(types.get(0), where);
        }
        Set<String> set = Set.copyOf(types);
        if (set.equals(Set.of("Integer", "String"))) {
            return JType.CHAT_ID;
        }
        if (set.equals(Set.of("InputFile", "String"))) {
            return JType.INPUT_FILE;
        }
        if (types.stream().allMatch(t -> t.startsWith("Array of "))) {
            Set<String> elements = new HashSet<>();
            types.forEach(t -> elements.add(t.substring("Array of ".length())));
            return JType.list(JType.object(smallestUnionContaining(elements, where)));
        }
        return JType.object(smallestUnionContaining(set, where));
    }

    private JType single(String t, String where) {
        if (t.startsWith("Array of ")) {
            return JType.list(single(t.substring("Array of ".length()), where));
        }
        return switch (t) {
            case "Integer" -> JType.LONG;
            case "Float" -> JType.DOUBLE;
            case "Boolean", "True" -> JType.BOOLEAN;
            case "String" -> JType.STRING;
            case "InputFile" -> JType.INPUT_FILE;
            default -> {
                if (!isKnownType.test(t)) {
                    throw new IllegalStateException(where + ": unknown type '" + t + "'");
                }
                yield JType.object(t);
            }
        };
    }

    private String smallestUnionContaining(Set<String> members, String where) {
        String best = null;
        for (Map.Entry<String, List<String>> u : unionVariants.entrySet()) {
            if (u.getValue().containsAll(members)
                    && (best == null || u.getValue().size() < unionVariants.get(best).size())) {
                best = u.getKey();
            }
        }
        if (best == null) {
            throw new IllegalStateException(where + ": no union covers " + members
                    + "; declare one in syntheticUnions of overrides.json");
        }
        return best;
    }
}
