package dev.telescale.codegen.spec;

import java.util.List;

/** One field of a type or parameter of a method, as the spec states it. */
public record SpecField(String name, List<String> types, boolean required, String description) {
}
