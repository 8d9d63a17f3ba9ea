package dev.telescale.codegen.spec;

import java.util.Map;

/** The parsed Bot API spec; maps keep the spec's order. */
public record Spec(String version, Map<String, SpecType> types, Map<String, SpecMethod> methods) {
}
