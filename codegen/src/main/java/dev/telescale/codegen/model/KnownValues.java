package dev.telescale.codegen.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values an enum-like String field is documented to take ("Type of the chat, can be either \"private\",
 * \"group\", ..."): the generated reader returns these constants instead of a new String when the JSON value
 * equals one of them. Only an optimisation: an unlisted value still reads as itself, so a loose match is harmless.
 */
public final class KnownValues {

    /** "can be", "one of" or "either" before the first quoted value. */
    private static final Pattern LISTING = Pattern.compile("(?i)\\b(can be|one of|either)\\b[^\"]*\"");
    private static final Pattern VALUE = Pattern.compile("\"([a-z][a-z0-9_]*)\"");

    private KnownValues() {
    }

    /** The documented values of a String field, in spec order; empty when it lists fewer than two. */
    public static List<String> of(FieldModel f) {
        if (f.type().kind() != JType.Kind.STRING || f.isConstant() || f.description() == null) {
            return List.of();
        }
        String text = f.description();
        Matcher listing = LISTING.matcher(text);
        if (!listing.find()) {
            return List.of();
        }
        LinkedHashSet<String> values = new LinkedHashSet<>();
        Matcher v = VALUE.matcher(text);
        v.region(listing.end() - 1, text.length());
        while (v.find()) {
            values.add(v.group(1));
        }
        return values.size() < 2 ? List.of() : new ArrayList<>(values);
    }
}
