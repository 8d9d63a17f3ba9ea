package dev.telescale.testkit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The emulator's one Jackson mapper and the Telegram response envelope. Everything the emulator stores and
 * answers is a Jackson tree, so it never depends on the generated API classes and keeps unknown fields as is.
 */
public final class Json {

    /** The shared, thread-safe mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final byte[] OK_PREFIX = "{\"ok\":true,\"result\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private Json() {
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses JSON text; a syntax error becomes an {@link IllegalArgumentException} with Jackson's explanation. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code {"ok":true,"result":<result>}} as UTF-8 bytes. */
    public static byte[] ok(JsonNode result) {
        if (result instanceof RawJson raw) {
            byte[] json = raw.bytes();
            byte[] out = new byte[OK_PREFIX.length + json.length + 1];
            System.arraycopy(OK_PREFIX, 0, out, 0, OK_PREFIX.length);
            System.arraycopy(json, 0, out, OK_PREFIX.length, json.length);
            out[out.length - 1] = '}';
            return out;
        }
        ByteArrayBuilder bytes = new ByteArrayBuilder(FACTORY._getBufferRecycler(), 512);
        try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeBooleanField("ok", true);
            g.writeFieldName("result");
            write(g, result);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] out = bytes.toByteArray();
        bytes.release();
        return out;
    }

    /**
     * Writes a tree as {@link ObjectMapper#writeTree} does with the default settings, walking the common node
     * types directly (no serializer provider per call); anything else goes through the mapper.
     */
    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node) {
            case ObjectNode object -> {
                g.writeStartObject(object);
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ArrayNode array -> {
                g.writeStartArray(array, array.size());
                for (JsonNode element : array) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case TextNode text -> g.writeString(text.textValue());
            case IntNode number -> g.writeNumber(number.intValue());
            case LongNode number -> g.writeNumber(number.longValue());
            case BooleanNode bool -> g.writeBoolean(bool.booleanValue());
            case NullNode ignored -> g.writeNull();
            default -> MAPPER.writeTree(g, node);
        }
    }

    /** {@code {"ok":false,"error_code":N,"description":"...","parameters":{...}}}; parameters may be null. */
    public static byte[] error(int code, String description, ObjectNode parameters) {
        ObjectNode envelope = object();
        envelope.put("ok", false);
        envelope.put("error_code", code);
        envelope.put("description", description);
        if (parameters != null && !parameters.isEmpty()) {
            envelope.set("parameters", parameters);
        }
        return bytes(envelope);
    }

    /** The "description" of an answer body, or the body as text when it is not such JSON (a fault's raw answer). */
    public static String description(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try {
            JsonNode description = MAPPER.readTree(body).get("description");
            return description != null && description.isTextual() ? description.asText() : text;
        } catch (java.io.IOException | RuntimeException e) {
            return text;
        }
    }

    /** The UTF-8 JSON bytes of a tree. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
