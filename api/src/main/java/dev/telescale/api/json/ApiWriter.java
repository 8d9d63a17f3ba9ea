package dev.telescale.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.ApiObject;
import dev.telescale.api.ChatId;
import dev.telescale.api.InputFile;
import dev.telescale.api.TelegramJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Writes Bot API objects as JSON for the generated {@code writeTo} methods: wraps a Jackson
 * {@link JsonGenerator}, applies {@link ParameterDefaults} to defaultable fields the caller left unset, and
 * collects the files to upload.
 *
 * <p>Files: a reference ({@code file_id} or URL) is written as a string. An upload that is a top-level
 * parameter of a request is not written at all but recorded as an {@link Attachment} named exactly like the
 * parameter (Telegram expects the file part under that name); an upload nested inside an object is written as
 * {@code "attach://<name>"} and recorded under that generated name. Not thread-safe: one writer per request.
 */
public final class ApiWriter {

    private static final String ATTACH_PREFIX = "attach://";
    private static final String GENERATED_NAME_PREFIX = "telescale_file_";

    private final JsonGenerator generator;
    private final ParameterDefaults defaults;
    private List<Attachment> attachments;

    /**
     * Writes to {@code generator}; {@code defaults} (nullable) supplies values for unset defaultable fields.
     */
    public ApiWriter(JsonGenerator generator, ParameterDefaults defaults) {
        this.generator = generator;
        this.defaults = defaults;
    }

    /** The underlying generator (generated code writes fields on it directly). */
    public JsonGenerator generator() {
        return generator;
    }

    /** The defaults in effect, or null. */
    public ParameterDefaults defaults() {
        return defaults;
    }

    /** The uploads met so far, in the order they were written. */
    public List<Attachment> attachments() {
        return attachments == null ? List.of() : Collections.unmodifiableList(attachments);
    }

    /**
     * Writes a file field: a reference as a string; a top-level upload as an attachment named {@code name}
     * (nothing written); a nested upload as {@code "attach://<generated name>"} plus an attachment.
     */
    public void inputFileField(String name, InputFile file) throws IOException {
        if (file instanceof InputFile.Reference ref) {
            generator.writeStringField(name, ref.value());
            return;
        }
        InputFile.Upload upload = (InputFile.Upload) file;
        if (isTopLevelField()) {
            addAttachment(new Attachment(name, upload));
            return;
        }
        generator.writeStringField(name, ATTACH_PREFIX + attachNested(upload));
    }

    private boolean isTopLevelField() {
        JsonStreamContext ctx = generator.getOutputContext();
        return ctx.inObject() && ctx.getParent() != null && ctx.getParent().inRoot();
    }

    private String attachNested(InputFile.Upload upload) {
        String name = GENERATED_NAME_PREFIX + (attachments == null ? 0 : attachments.size());
        addAttachment(new Attachment(name, upload));
        return name;
    }

    private void addAttachment(Attachment a) {
        if (attachments == null) {
            attachments = new ArrayList<>(2);
        }
        attachments.add(a);
    }

    /** Writes a chat id as a number or a string. */
    public void writeChatId(ChatId chatId) throws IOException {
        if (chatId instanceof ChatId.Numeric n) {
            generator.writeNumber(n.id());
        } else {
            generator.writeString(((ChatId.Username) chatId).username());
        }
    }

    /** Writes a list, each element with {@link #writeValue}. */
    public void writeList(List<?> list) throws IOException {
        generator.writeStartArray(list, list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
            writeValue(list.get(i));
        }
        generator.writeEndArray();
    }

    /**
     * Writes any value of the API model: an {@link ApiObject}, a String, a number, a Boolean, a list, a
     * {@link ChatId}, an {@link InputFile} (an upload as {@code "attach://name"}), a JSON tree, or null.
     */
    public void writeValue(Object value) throws IOException {
        if (value instanceof ApiObject o) {
            o.writeTo(this);
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Long l) {
            generator.writeNumber(l);
        } else if (value instanceof Integer i) {
            generator.writeNumber(i);
        } else if (value instanceof Double d) {
            generator.writeNumber(d);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            writeList(list);
        } else if (value instanceof ChatId c) {
            writeChatId(c);
        } else if (value instanceof InputFile.Reference r) {
            generator.writeString(r.value());
        } else if (value instanceof InputFile.Upload u) {
            generator.writeString(ATTACH_PREFIX + attachNested(u));
        } else if (value instanceof JsonNode node) {
            writeTree(node);
        } else if (value == null) {
            generator.writeNull();
        } else {
            throw new IllegalArgumentException("Not a Bot API value: " + value.getClass().getName());
        }
    }

    /** Writes a JSON tree (unknown fields and unknown union variants). */
    public void writeTree(JsonNode node) throws IOException {
        TelegramJson.mapper().writeTree(generator, node);
    }

    /** Writes the unknown fields kept from parsing, so they survive a round trip. */
    public void writeUnknown(Map<String, JsonNode> unknown) throws IOException {
        if (unknown == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : unknown.entrySet()) {
            generator.writeFieldName(e.getKey());
            writeTree(e.getValue());
        }
    }

    /**
     * Writes the default for a defaultable field the caller left unset, if {@link ParameterDefaults} has one.
     *
     * @param field         the pre-encoded field name
     * @param ownerTypeName the simple class name of the object being written
     * @param jsonName      the field's JSON name
     */
    public void writeDefault(SerializableString field, String ownerTypeName, String jsonName) throws IOException {
        if (defaults == null) {
            return;
        }
        Object value = defaults.valueFor(ownerTypeName, jsonName);
        if (value != null) {
            generator.writeFieldName(field);
            writeValue(value);
        }
    }
}
