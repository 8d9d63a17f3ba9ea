package dev.telescale.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds sample JSON straight from the Bot API spec (independently of the generator): every field set,
 * union members chosen per variant, arrays with one element. Nested optional objects stop at a small depth so
 * samples of recursive types (Message.reply_to_message) stay finite.
 */
public final class SpecSamples {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ALWAYS = Pattern.compile("always [\"“]([A-Za-z0-9_]+)[\"”]");
    private static final Pattern MUST_BE = Pattern.compile("must be ([a-z0-9_]+)\\s*$");
    private static final int OPTIONAL_DEPTH = 3;
    private static final List<String> REPLY_MARKUP = List.of("InlineKeyboardMarkup", "ReplyKeyboardMarkup",
            "ReplyKeyboardRemove", "ForceReply");

    private static final SpecSamples INSTANCE = load();

    private final JsonNode types;
    private final JsonNode methods;
    private final Map<String, String[]> discriminators = new LinkedHashMap<>();
    private long counter = 1_000;

    private SpecSamples(JsonNode spec) {
        this.types = spec.path("types");
        this.methods = spec.path("methods");
        for (JsonNode t : types) {
            if (t.has("subtypes") && !t.path("name").asText().equals("MaybeInaccessibleMessage")
                    && !t.path("name").asText().equals("InputMessageContent")) {
                findDiscriminator(t);
            }
        }
    }

    /** The shared instance over the spec packaged with telescale-api. */
    public static SpecSamples get() {
        return INSTANCE;
    }

    private static SpecSamples load() {
        try (InputStream in = SpecSamples.class.getResourceAsStream("/dev/telescale/api/botapi-10.1.json")) {
            return new SpecSamples(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of all types that have fields or no subtypes (object types), except the hand-written InputFile. */
    public List<String> objectTypeNames() {
        List<String> names = new ArrayList<>();
        types.forEach(t -> {
            if (!t.has("subtypes") && !t.path("name").asText().equals("InputFile")) {
                names.add(t.path("name").asText());
            }
        });
        return names;
    }

    /** Names of the spec's unions. */
    public List<String> unionNames() {
        List<String> names = new ArrayList<>();
        types.forEach(t -> {
            if (t.has("subtypes")) {
                names.add(t.path("name").asText());
            }
        });
        return names;
    }

    /** The subtypes of a union as the spec lists them (RichText includes "String" and "Array of RichText"). */
    public List<String> variantsOf(String union) {
        if (union.equals("ReplyMarkup")) {
            return REPLY_MARKUP;
        }
        List<String> list = new ArrayList<>();
        types.path(union).path("subtypes").forEach(s -> list.add(s.asText()));
        return list;
    }

    /** All method names. */
    public List<String> methodNames() {
        List<String> names = new ArrayList<>();
        methods.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The return types of a method, as the spec names them ("Message", "Array of Update", "Boolean"). */
    public List<String> methodReturns(String method) {
        List<String> names = new ArrayList<>();
        methods.path(method).path("returns").forEach(t -> names.add(t.asText()));
        return names;
    }

    /** The parameters of a method. */
    public JsonNode methodFields(String method) {
        return methods.path(method).path("fields");
    }

    /** A fully populated object of the type. */
    public ObjectNode type(String name) {
        return object(name, types.path(name).path("fields"), 0);
    }

    /** A fully populated request of the method. */
    public ObjectNode method(String name) {
        return object(name, methods.path(name).path("fields"), 0);
    }

    private ObjectNode object(String owner, JsonNode fields, int depth) {
        ObjectNode node = NODES.objectNode();
        String[] disc = discriminators.get(owner);
        for (JsonNode f : fields) {
            String name = f.path("name").asText();
            List<String> fieldTypes = new ArrayList<>();
            f.path("types").forEach(t -> fieldTypes.add(t.asText()));
            boolean required = f.path("required").asBoolean();
            if (disc != null && disc[0].equals(name)) {
                node.put(name, disc[1]);
                continue;
            }
            if (!required && depth >= OPTIONAL_DEPTH && !isScalar(fieldTypes)) {
                continue;
            }
            if (owner.equals("InaccessibleMessage") && name.equals("date")) {
                node.put(name, 0);
                continue;
            }
            node.set(name, value(fieldTypes, depth, name));
        }
        return node;
    }

    private JsonNode value(List<String> fieldTypes, int depth, String field) {
        if (fieldTypes.size() > 1) {
            if (fieldTypes.contains("Integer") && fieldTypes.contains("String")) {
                return NODES.numberNode(-1_001_234_567_890L);
            }
            if (fieldTypes.contains("InputFile")) {
                return NODES.textNode("file-id-" + field);
            }
            return value(List.of(fieldTypes.get(0)), depth, field);
        }
        String t = fieldTypes.get(0);
        if (t.startsWith("Array of ")) {
            ArrayNode array = NODES.arrayNode();
            if (depth < 8) {
                array.add(value(List.of(t.substring("Array of ".length())), depth + 1, field));
            }
            return array;
        }
        return switch (t) {
            case "Integer" -> NODES.numberNode(counter++ * 1_000_003L);
            case "Float" -> NODES.numberNode(12.5);
            case "Boolean", "True" -> NODES.booleanNode(true);
            case "String" -> NODES.textNode("text of " + field);
            case "InputFile" -> NODES.textNode("file-id-" + field);
            case "RichText" -> NODES.textNode("rich text of " + field);
            default -> {
                JsonNode type = types.path(t);
                if (type.has("subtypes")) {
                    yield variant(t, 0, depth + 1);
                }
                yield object(t, type.path("fields"), depth + 1);
            }
        };
    }

    /** A sample of one member of a union ({@code index} into its subtypes). */
    public JsonNode variant(String union, int index, int depth) {
        String v = variantsOf(union).get(index);
        if (v.equals("String")) {
            return NODES.textNode("plain " + union);
        }
        if (v.startsWith("Array of ")) {
            ArrayNode array = NODES.arrayNode();
            array.add("part one");
            array.add(object("RichTextBold", types.path("RichTextBold").path("fields"), depth + 1));
            return array;
        }
        return object(v, types.path(v).path("fields"), depth);
    }

    private static boolean isScalar(List<String> fieldTypes) {
        return fieldTypes.stream().allMatch(t -> switch (t) {
            case "Integer", "Float", "Boolean", "True", "String", "InputFile" -> true;
            default -> false;
        });
    }

    private void findDiscriminator(JsonNode union) {
        List<JsonNode> variants = new ArrayList<>();
        union.path("subtypes").forEach(s -> {
            if (types.has(s.asText())) {
                variants.add(types.path(s.asText()));
            }
        });
        for (JsonNode candidate : variants.get(0).path("fields")) {
            String field = candidate.path("name").asText();
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonNode v : variants) {
                for (JsonNode f : v.path("fields")) {
                    if (f.path("name").asText().equals(field)) {
                        String c = constant(f.path("description").asText());
                        if (c != null) {
                            values.put(v.path("name").asText(), c);
                        }
                    }
                }
            }
            if (values.size() == variants.size()) {
                values.forEach((variant, value) -> discriminators.put(variant, new String[] {field, value}));
                return;
            }
        }
        throw new IllegalStateException("no discriminator for " + union.path("name").asText());
    }

    private static String constant(String description) {
        Matcher m = ALWAYS.matcher(description);
        if (m.find()) {
            return m.group(1);
        }
        m = MUST_BE.matcher(description);
        return m.find() ? m.group(1) : null;
    }

    /** Parses JSON text into a tree (comparisons go through text on both sides so number nodes match). */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
