package dev.telescale.bot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.InputFile;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.json.ApiWriter;
import dev.telescale.api.json.Attachment;
import dev.telescale.api.json.ParameterDefaults;
import dev.telescale.bot.callbackdata.CallbackDataCache;
import dev.telescale.bot.transport.RequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a request object into an HTTP body: {@code application/json} when nothing is uploaded, otherwise
 * multipart/form-data with every top-level parameter as a form field (strings raw, everything else as JSON text) and
 * one file part per upload, which is what Telegram accepts for uploads.
 */
final class RequestEncoder {

    private static final String JSON = "application/json";

    private RequestEncoder() {
    }

    /** The encoded request: its body and, for JSON bodies, the JSON itself. */
    record Encoded(RequestBody body, boolean multipart, JsonBuffer json) {
    }

    /**
     * Encodes a request; with a callback data cache (nullable), inline keyboards get cache keys as they are written.
     */
    static Encoded encode(ApiMethod<?> method, ParameterDefaults defaults, CallbackDataCache callbackData) {
        JsonBuffer json = new JsonBuffer(256);
        List<Attachment> attachments;
        JsonGenerator plain;
        try {
            plain = TelegramJson.factory().createGenerator(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JsonGenerator g = callbackData == null ? plain : callbackData.rewriteKeyboards(plain)) {
            ApiWriter writer = new ApiWriter(g, defaults);
            method.writeTo(writer);
            g.flush();
            attachments = writer.attachments();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + method.methodName() + ": " + e.getMessage(), e);
        }
        if (attachments.isEmpty()) {
            return new Encoded(RequestBody.of(JSON, json.array(), 0, json.length()), false, json);
        }
        for (Attachment a : attachments) {
            if (a.file() instanceof InputFile.PathUpload p && !Files.isReadable(p.path())) {
                throw new IllegalArgumentException(method.methodName() + ": cannot read the file to upload as '"
                        + a.name() + "': " + p.path());
            }
        }
        return new Encoded(new MultipartBody(formFields(json), attachments), true, json);
    }

    private static List<MultipartBody.Field> formFields(JsonBuffer json) {
        JsonNode tree;
        try {
            tree = TelegramJson.mapper().readTree(json.array(), 0, json.length());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot re-read the encoded request", e);
        }
        List<MultipartBody.Field> fields = new ArrayList<>(tree.size());
        for (Map.Entry<String, JsonNode> e : tree.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            fields.add(new MultipartBody.Field(e.getKey(), v.isTextual() ? v.textValue() : v.toString()));
        }
        return fields;
    }
}
