package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.InputFile;
import dev.telescale.api.TelegramJson;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.json.RawJson;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Bot API call a bot made to the emulator: which bot, the method's canonical name, the decoded parameters, the
 * uploaded files and how it was answered. Calls are recorded once they have run, before their answer goes out, so a
 * test that sees a call also sees its effect (the message in the chat, the stored answer). Calls that a fault
 * answered are recorded too.
 *
 * @param botId   the calling bot's id
 * @param method  the canonical method name, e.g. "sendMessage"
 * @param params  the parameters (form values are strings; JSON objects and arrays parsed)
 * @param files   uploaded file parts by field name
 * @param outcome how it was answered ({@link CallOutcome.Pending} for a call seen as it arrives)
 */
public record RecordedCall(long botId, String method, ObjectNode params, Map<String, UploadedFile> files,
                           CallOutcome outcome) {

    /** A call as it arrives, not run yet. */
    public RecordedCall(long botId, String method, ObjectNode params, Map<String, UploadedFile> files) {
        this(botId, method, params, files, CallOutcome.PENDING);
    }

    /** This call with how it was answered. */
    RecordedCall answered(CallOutcome outcome) {
        return new RecordedCall(botId, method, params, files, outcome);
    }

    /** The result the call was answered with (as a JSON tree), when it was answered {@code ok}. */
    public java.util.Optional<JsonNode> result() {
        if (!(outcome instanceof CallOutcome.Answered answered)) {
            return java.util.Optional.empty();
        }
        // Answers assembled from stored bytes (getUpdates) are parsed only when a test asks.
        return java.util.Optional.of(answered.result() instanceof RawJson raw ? Json.parse(
                new String(raw.bytes(), java.nio.charset.StandardCharsets.UTF_8)) : answered.result());
    }

    /** Whether the call ran and was answered {@code ok}. */
    public boolean succeeded() {
        return outcome instanceof CallOutcome.Answered;
    }

    private static final String ATTACH = "attach://";

    /** The parameter, or null when absent. */
    public JsonNode param(String name) {
        return params.get(name);
    }

    /** The parameter as text ({@code asText} of a value, JSON of an object), or null when absent. */
    public String string(String name) {
        JsonNode value = params.get(name);
        return value == null ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    /** The "text" parameter, or null. */
    public String text() {
        return string("text");
    }

    /** The "chat_id" parameter as text, or null. */
    public String chatId() {
        return string("chat_id");
    }

    /**
     * The call as the api's typed request, e.g. {@code call.as(SendMessage.class)}; uploaded parts resolve
     * "attach://" references and top-level file parameters.
     *
     * @throws dev.telescale.api.ApiParseException when the parameters do not fit the type
     */
    public <T> T as(Class<T> requestType) {
        Map<String, InputFile> attachments = new HashMap<>();
        ObjectNode withUploads = params.deepCopy();
        Set<String> referenced = new HashSet<>();
        collectAttachReferences(params, referenced);
        for (UploadedFile file : files.values()) {
            attachments.put(file.fieldName(), InputFile.of(file.bytes(), file.filename()));
            // A part named by an "attach://" value belongs where it is referenced; any other part is the file
            // of the top-level parameter of its name.
            if (!referenced.contains(file.fieldName()) && !withUploads.has(file.fieldName())) {
                withUploads.put(file.fieldName(), ATTACH + file.fieldName());
            }
        }
        return TelegramJson.parse(withUploads.toString(), requestType, attachments);
    }

    private static void collectAttachReferences(JsonNode node, Set<String> into) {
        if (node.isTextual() && node.asText().startsWith(ATTACH)) {
            into.add(node.asText().substring(ATTACH.length()));
        }
        for (JsonNode child : node) {
            collectAttachReferences(child, into);
        }
    }

    @Override
    public String toString() {
        return "RecordedCall[" + method + " " + params + (files.isEmpty() ? "" : " files=" + files.values())
                + (outcome instanceof CallOutcome.Failed failed ? " failed " + failed.errorCode() + " "
                + failed.description() : "") + "]";
    }
}
