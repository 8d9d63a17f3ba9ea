package dev.telescale.testkit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A JSON value that is already serialised: its UTF-8 bytes are written as they are. Method simulations return it
 * when the answer is assembled from stored bytes (getUpdates concatenates the updates' JSON), so nothing is parsed
 * or re-serialised; {@link Json#ok(com.fasterxml.jackson.databind.JsonNode)} copies the bytes into the envelope.
 */
public final class RawJson extends POJONode {

    private final byte[] bytes;

    /** @param bytes valid UTF-8 JSON of one value; not copied, must not be changed afterwards */
    public RawJson(byte[] bytes) {
        super(new Writer(bytes));
        this.bytes = bytes;
    }

    /** The JSON bytes (not a copy). */
    public byte[] bytes() {
        return bytes;
    }

    /** Writes the bytes as a raw value when the node is serialised by Jackson. */
    private static final class Writer extends JsonSerializable.Base {
        private final byte[] bytes;

        Writer(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeRawValue(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
                throws IOException {
            serialize(g, provider);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson other && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
