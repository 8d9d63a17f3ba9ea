package dev.telescale.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.telescale.api.ApiParseException;
import dev.telescale.api.ChatId;
import dev.telescale.api.InputFile;
import dev.telescale.api.TelegramJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Bot API JSON for the generated {@code read} methods: wraps a Jackson {@link JsonParser} (streaming, no
 * data binding) plus the files of a multipart request that {@code "attach://name"} strings refer to.
 *
 * <p>Convention: every {@code readX} method expects the parser to be <em>on</em> the first token of the value
 * and leaves it on the value's last token; {@code nextX} methods first advance to the value. It is lenient
 * where Telegram's form encoding needs it: a number or boolean given as a string reads as a number or boolean,
 * and an object or array given as a string containing JSON is parsed. Problems raise {@link ApiParseException}
 * naming the type being read and the JSON path.
 */
public final class ApiReader {

    private final JsonParser parser;
    private final Map<String, InputFile> attachments;
    private final String pathPrefix;
    private final String outerType;

    /** Reads from {@code parser}, which must already be on the value's first token. */
    public ApiReader(JsonParser parser) {
        this(parser, Map.of());
    }

    /** Reads from {@code parser} resolving {@code "attach://name"} strings (and top-level uploads) by name. */
    public ApiReader(JsonParser parser, Map<String, InputFile> attachments) {
        this(parser, attachments, "", null);
    }

    private ApiReader(JsonParser parser, Map<String, InputFile> attachments, String pathPrefix, String outerType) {
        this.parser = parser;
        this.attachments = attachments == null ? Map.of() : attachments;
        this.pathPrefix = pathPrefix;
        this.outerType = outerType;
    }

    /** The underlying parser (generated code loops over {@link JsonParser#nextFieldName()} on it). */
    public JsonParser parser() {
        return parser;
    }

    // ---- objects -------------------------------------------------------------------------------------------

    /**
     * Checks that the current value is an object (or a string holding one) and returns the reader to read its
     * fields with: this reader, or one over the embedded JSON text.
     */
    public ApiReader beginObject(String typeName) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.START_OBJECT) {
            parser.assignCurrentValue(typeName);
            return this;
        }
        if (t == JsonToken.VALUE_STRING) {
            return embedded(typeName).beginObject(typeName);
        }
        throw error(typeName, "expected a JSON object but found " + describe(t));
    }

    /** Checks that the field loop ended on the closing brace of the object. */
    public void endObject(String typeName) throws IOException {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.END_OBJECT) {
            throw error(typeName, t == null ? "unexpected end of input inside the object"
                    : "expected a field name or '}' but found " + describe(t));
        }
    }

    /**
     * Starts reading a union whose variant is named by the string field {@code discriminator}. Fast path: when
     * that field comes first, the returned input's reader continues right after it; otherwise the object is
     * buffered and the reader starts after its opening brace.
     */
    public UnionInput beginUnion(String unionName, String discriminator) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return embedded(unionName).beginUnion(unionName, discriminator);
        }
        if (t != JsonToken.START_OBJECT) {
            throw error(unionName, "expected a JSON object but found " + describe(t));
        }
        parser.assignCurrentValue(unionName);
        String prefix = path();
        String first = parser.nextFieldName();
        if (discriminator.equals(first)) {
            if (parser.nextToken() == JsonToken.VALUE_STRING) {
                return new UnionInput(parser.getText(), discriminator, this, null);
            }
            return buffer(unionName, prefix, discriminator, first, true);
        }
        return buffer(unionName, prefix, discriminator, first, false);
    }

    /**
     * Buffers the current object so a union can be decided by which fields it has (and their scalar values);
     * the returned input's reader starts after the opening brace.
     */
    public UnionInput peekUnion(String unionName, String discriminator) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return embedded(unionName).peekUnion(unionName, discriminator);
        }
        if (t != JsonToken.START_OBJECT) {
            throw error(unionName, "expected a JSON object but found " + describe(t));
        }
        parser.assignCurrentValue(unionName);
        String prefix = path();
        return buffer(unionName, prefix, discriminator, parser.nextFieldName(), false);
    }

    private UnionInput buffer(String unionName, String prefix, String discriminator, String first, boolean atValue)
            throws IOException {
        TokenBuffer buf = new TokenBuffer(parser, null);
        buf.writeStartObject();
        Map<String, String> scalars = new LinkedHashMap<>();
        String value = null;
        boolean onValue = atValue;
        for (String f = first; f != null; f = parser.nextFieldName()) {
            buf.writeFieldName(f);
            JsonToken v = onValue ? parser.currentToken() : parser.nextToken();
            onValue = false;
            if (v == null) {
                throw error(unionName, "unexpected end of input inside the object");
            }
            scalars.put(f, v.isScalarValue() ? parser.getText() : null);
            if (v == JsonToken.VALUE_STRING && f.equals(discriminator)) {
                value = parser.getText();
            }
            buf.copyCurrentStructure(parser);
        }
        endObject(unionName);
        buf.writeEndObject();
        JsonParser bp = buf.asParser(parser.getCodec());
        bp.nextToken();
        bp.assignCurrentValue(unionName);
        return new UnionInput(value, null, new ApiReader(bp, attachments, prefix, unionName), scalars);
    }

    /**
     * Reads the remaining fields of the current object (the parser is inside it, before the next field name)
     * into a tree, putting {@code firstName: firstValue} first when given; used by the Unknown union variants.
     */
    public ObjectNode readRemainingFields(String firstName, String firstValue) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (firstName != null) {
            node.put(firstName, firstValue);
        }
        for (String f = parser.nextFieldName(); f != null; f = parser.nextFieldName()) {
            parser.nextToken();
            node.set(f, readTree());
        }
        endObject(outerTypeOrUnknown());
        return node;
    }

    /**
     * Records the value of an unknown field (the parser is on its name) in {@code unknown}, creating the map on
     * first use so objects without unknown fields allocate none.
     */
    public Map<String, JsonNode> readUnknown(Map<String, JsonNode> unknown, String name) throws IOException {
        parser.nextToken();
        JsonNode value = readTree();
        Map<String, JsonNode> map = unknown == null ? new LinkedHashMap<>(4) : unknown;
        map.put(name, value);
        return map;
    }

    /** Reads the current value as a JSON tree (databind; used only for unknown content). */
    public JsonNode readTree() throws IOException {
        JsonNode node = TelegramJson.mapper().readTree(parser);
        return node == null ? NullNode.getInstance() : node;
    }

    /**
     * Reads field {@code name} of a JSON tree as a typed value, for generated code: the {@code Unknown<Union>}
     * variants keep the JSON they received and parse their common fields from it on each call through this one
     * method instead of each carrying a copy. Returns null when the field is absent or JSON null; an
     * {@link ApiParseException} from {@code reader} is rethrown with its path made relative to the tree
     * ({@code $.name...}), and an I/O problem (none is expected from an in-memory tree) as an
     * {@link UncheckedIOException}.
     */
    public static <T> T readField(JsonNode tree, String name, ValueReader<T> reader) {
        JsonNode value = tree.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        try (JsonParser p = value.traverse(TelegramJson.mapper())) {
            p.nextToken();
            return reader.read(new ApiReader(p));
        } catch (ApiParseException e) {
            throw new ApiParseException(e.typeName(), "$." + name + e.path().substring(1), e.problem(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- scalars --------------------------------------------------------------------------------------------

    /** Advances to the next value and skips it whole (a field whose value is fixed, such as a discriminator). */
    public void skipValue() throws IOException {
        if (parser.nextToken() == null) {
            throw error(null, "unexpected end of input");
        }
        parser.skipChildren();
    }

    /** Advances to the next value and tells whether it is present (not JSON null). */
    public boolean nextValue() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw error(null, "unexpected end of input");
        }
        return t != JsonToken.VALUE_NULL;
    }

    /** Advances and reads an integer; JSON null reads as 0. */
    public long nextLong() throws IOException {
        return nextValue() ? readLong() : 0L;
    }

    /** Advances and reads a number; JSON null reads as 0. */
    public double nextDouble() throws IOException {
        return nextValue() ? readDouble() : 0d;
    }

    /** Advances and reads a boolean; JSON null reads as false. */
    public boolean nextBoolean() throws IOException {
        return nextValue() && readBoolean();
    }

    /** Advances and reads an optional boolean; JSON null reads as null (absent). */
    public Boolean nextBooleanObject() throws IOException {
        return nextValue() ? Boolean.valueOf(readBoolean()) : null;
    }

    /** Advances and reads a string; JSON null reads as null. */
    public String nextString() throws IOException {
        return nextValue() ? readString() : null;
    }

    /**
     * Advances and reads a string whose usual values are {@code known} (an enum-like field such as
     * {@code Chat.type}): a value equal to one of them is returned as that constant, without allocating; any
     * other value reads as with {@link #nextString()}.
     */
    public String nextString(String[] known) throws IOException {
        return nextValue() ? readString(known) : null;
    }

    /** Reads a string, returning the equal element of {@code known} when there is one (see {@link #nextString(String[])}). */
    public String readString(String[] known) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return readString();
        }
        char[] text = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        for (String k : known) {
            if (k.length() == length && sameChars(k, text, offset)) {
                return k;
            }
        }
        return parser.getText();
    }

    private static boolean sameChars(String s, char[] text, int offset) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) != text[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads an integer (or a string holding one). */
    public long readLong() throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            try {
                return parser.getLongValue();
            } catch (InputCoercionException e) {
                throw error(null, "integer out of range: " + abbreviate(parser.getText()), e);
            }
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = parser.getText();
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw error(null, "expected an integer but found the string \"" + abbreviate(s) + "\"", e);
            }
        }
        throw error(null, "expected an integer but found " + describe(t));
    }

    /** Reads a number (or a string holding one). */
    public double readDouble() throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            double d = parser.getDoubleValue();
            if (Double.isInfinite(d)) {
                throw error(null, "number out of range: " + abbreviate(parser.getText()));
            }
            return d;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = parser.getText();
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException("not finite");
                }
                return d;
            } catch (NumberFormatException e) {
                throw error(null, "expected a number but found the string \"" + abbreviate(s) + "\"", e);
            }
        }
        throw error(null, "expected a number but found " + describe(t));
    }

    /** Reads a boolean (or the string "true"/"false"). */
    public boolean readBoolean() throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = parser.getText().trim();
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
            throw error(null, "expected a boolean but found the string \"" + abbreviate(s) + "\"");
        }
        throw error(null, "expected a boolean but found " + describe(t));
    }

    /** Reads a string; a number or boolean is taken as its text, JSON null as null. */
    public String readString() throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != null && t.isScalarValue()) {
            return parser.getText();
        }
        throw error(null, "expected a string but found " + describe(t));
    }

    /** Reads a chat id: a number, or a string holding {@code @username} or a number. */
    public ChatId readChatId() throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return ChatId.of(readLong());
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return ChatId.of(parser.getText());
            } catch (IllegalArgumentException e) {
                throw error(null, e.getMessage(), e);
            }
        }
        throw error(null, "expected a chat id (integer or \"@username\") but found " + describe(t));
    }

    /**
     * Reads a file: a {@code file_id} or URL string, or {@code "attach://name"} naming one of this reader's
     * attachments.
     */
    public InputFile readInputFile() throws IOException {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.VALUE_STRING) {
            throw error(null, "expected a file_id, URL or \"attach://name\" string but found " + describe(t));
        }
        String s = parser.getText();
        if (s.startsWith("attach://")) {
            String name = s.substring("attach://".length());
            InputFile file = attachments.get(name);
            if (file == null) {
                throw error(null, "\"" + abbreviate(s) + "\" refers to no attached file (attached: "
                        + attachments.keySet() + ")");
            }
            return file;
        }
        try {
            return InputFile.fileId(s);
        } catch (IllegalArgumentException e) {
            throw error(null, e.getMessage(), e);
        }
    }

    /** The attached file sent as its own multipart part under a request parameter's name, or null. */
    public InputFile attachment(String parameterName) {
        return attachments.get(parameterName);
    }

    /** Reads an array (or a string holding one) element by element; the result is unmodifiable. */
    public <T> List<T> readList(ValueReader<T> element) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return embedded(null).readList(element);
        }
        if (t != JsonToken.START_ARRAY) {
            throw error(null, "expected a JSON array but found " + describe(t));
        }
        // Most arrays Telegram sends hold one or two elements: those get the compact immutable List.of.
        JsonToken e = parser.nextToken();
        if (e == JsonToken.END_ARRAY) {
            return List.of();
        }
        T first = readElement(e, element);
        e = parser.nextToken();
        if (e == JsonToken.END_ARRAY) {
            return List.of(first);
        }
        T second = readElement(e, element);
        e = parser.nextToken();
        if (e == JsonToken.END_ARRAY) {
            return List.of(first, second);
        }
        ArrayList<T> list = new ArrayList<>(8);
        list.add(first);
        list.add(second);
        for (; e != JsonToken.END_ARRAY; e = parser.nextToken()) {
            list.add(readElement(e, element));
        }
        return Collections.unmodifiableList(list);
    }

    private <T> T readElement(JsonToken token, ValueReader<T> element) throws IOException {
        if (token == null) {
            throw error(null, "unexpected end of input inside the array");
        }
        T value = element.read(this);
        if (value == null) {
            throw error(null, "null is not allowed as an array element");
        }
        return value;
    }

    // ---- errors and paths -----------------------------------------------------------------------------------

    /** An {@link ApiParseException} for the current position; {@code typeName} null means the innermost type. */
    public ApiParseException error(String typeName, String problem) {
        return error(typeName, problem, null);
    }

    /** An {@link ApiParseException} for the current position with its cause. */
    public ApiParseException error(String typeName, String problem, Throwable cause) {
        return new ApiParseException(typeName != null ? typeName : currentTypeName(), path(), problem, cause);
    }

    /** The name of the innermost API type being read, as recorded by {@link #beginObject}. */
    public String currentTypeName() {
        for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
            if (c.getCurrentValue() instanceof String s) {
                return s;
            }
        }
        return outerTypeOrUnknown();
    }

    private String outerTypeOrUnknown() {
        return outerType != null ? outerType : "JSON value";
    }

    /** The JSON path of the current value, such as {@code $.message.entities[0].type}. */
    public String path() {
        Deque<String> parts = new ArrayDeque<>();
        JsonToken t = parser.currentToken();
        JsonStreamContext c = parser.getParsingContext();
        if (c != null && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY)) {
            c = c.getParent();
        }
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                String name = c.getCurrentName();
                if (name != null) {
                    parts.addFirst("." + name);
                }
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        StringBuilder sb = new StringBuilder(pathPrefix.isEmpty() ? "$" : pathPrefix);
        parts.forEach(sb::append);
        return sb.toString();
    }

    private ApiReader embedded(String typeName) throws IOException {
        String text = parser.getText();
        String prefix = path();
        JsonParser sub;
        try {
            sub = TelegramJson.factory().createParser(text);
            if (sub.nextToken() == null) {
                throw error(typeName, "expected JSON inside the string but it was empty");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw error(typeName, "the string does not hold valid JSON: " + e.getOriginalMessage(), e);
        }
        return new ApiReader(sub, attachments, prefix, typeName != null ? typeName : currentTypeName());
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
