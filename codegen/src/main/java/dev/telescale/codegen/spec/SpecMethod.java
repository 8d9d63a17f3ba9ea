package dev.telescale.codegen.spec;

import java.util.List;

/** A method of the spec: its parameters and its possible return types. */
public record SpecMethod(String name, String href, List<String> description, List<String> returns,
                         List<SpecField> fields) {
}
