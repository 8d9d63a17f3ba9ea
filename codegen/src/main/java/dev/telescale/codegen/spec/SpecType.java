package dev.telescale.codegen.spec;

import java.util.List;

/** A type of the spec: an object with fields, or a union listing its subtypes. */
public record SpecType(String name, String href, List<String> description, List<SpecField> fields,
                       List<String> subtypes, List<String> subtypeOf) {

    /** Whether the spec declares this type as a union of subtypes. */
    public boolean isUnion() {
        return !subtypes.isEmpty();
    }
}
