package dev.telescale.api.json;

import java.util.Map;

/**
 * The state of a union being read, from {@link ApiReader#beginUnion} or {@link ApiReader#peekUnion}: the
 * discriminator's value (null when absent), the reader to continue with (positioned inside the object, before
 * the next field name), and, when the object was buffered, which top-level fields it has.
 */
public final class UnionInput {

    private final String discriminator;
    private final String consumedField;
    private final ApiReader reader;
    private final Map<String, String> fields;

    UnionInput(String discriminator, String consumedField, ApiReader reader, Map<String, String> fields) {
        this.discriminator = discriminator;
        this.consumedField = consumedField;
        this.reader = reader;
        this.fields = fields;
    }

    /** The discriminator value, or null when the object has none (or it is not a string). */
    public String discriminator() {
        return discriminator;
    }

    /** The discriminator value or "" when absent, convenient for a switch. */
    public String discriminatorOrEmpty() {
        return discriminator == null ? "" : discriminator;
    }

    /**
     * The field already consumed from the reader (the discriminator on the fast path), or null when the reader
     * starts right after the opening brace.
     */
    public String consumedField() {
        return consumedField;
    }

    /** The reader to read the variant's fields with. */
    public ApiReader reader() {
        return reader;
    }

    /** Whether the object has the top-level field (only for buffered input, see {@link ApiReader#peekUnion}). */
    public boolean has(String field) {
        if (fields == null) {
            throw new IllegalStateException("field presence is only known for input read with peekUnion");
        }
        return fields.containsKey(field);
    }

    /** The text of a top-level scalar field of a buffered object, or null. */
    public String scalar(String field) {
        return fields == null ? null : fields.get(field);
    }
}
