package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.StoredFile;
import dev.telescale.testkit.format.FormattedText;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.state.World;

/**
 * What a message sent through an inline result contains: the result's input_message_content (text with its
 * parse_mode applied, location, venue, contact) or, without one, the result's own media (by file_id or URL) with
 * its caption, plus the result's inline keyboard.
 */
public final class InlineResults {

    private InlineResults() {
    }

    /**
     * Fills {@code message} with the content of an inline query result.
     *
     * @throws IllegalArgumentException for a result kind the emulator cannot turn into a message
     */
    public static void fill(World world, JsonNode result, ObjectNode message) {
        JsonNode content = result.get("input_message_content");
        if (content != null) {
            fromInputContent(world, content, message);
        } else {
            fromResult(world, result, message);
        }
        JsonNode markup = result.get("reply_markup");
        if (markup != null && !markup.path("inline_keyboard").isEmpty()) {
            message.set("reply_markup", markup);
        }
    }

    private static void fromInputContent(World world, JsonNode content, ObjectNode message) {
        if (content.has("message_text")) {
            FormattedText text = Messages.formatted(world, content.path("message_text").asText(),
                    content.path("parse_mode").asText(null), content.get("entities"));
            message.put("text", text.text());
            if (text.entities() != null && !text.entities().isEmpty()) {
                message.set("entities", text.entities());
            }
            if (content.has("link_preview_options")) {
                message.set("link_preview_options", content.get("link_preview_options"));
            }
        } else if (content.has("address")) {
            message.set("venue", venue(content));
        } else if (content.has("latitude")) {
            message.set("location", location(content));
        } else if (content.has("phone_number")) {
            message.set("contact", contact(content));
        } else {
            throw new IllegalArgumentException("The emulator sends text, venue, location and contact message contents, "
                    + "not " + content);
        }
    }

    private static void fromResult(World world, JsonNode result, ObjectNode message) {
        String type = result.path("type").asText();
        switch (type) {
            case "location" -> message.set("location", location(result));
            case "venue" -> message.set("venue", venue(result));
            case "contact" -> message.set("contact", contact(result));
            case "photo" -> message.putArray("photo").add(media(world, result, "photo_file_id", "photo_url", "photos"));
            case "gif" -> message.set("animation", media(world, result, "gif_file_id", "gif_url", "animations"));
            case "mpeg4_gif" -> message.set("animation", media(world, result, "mpeg4_file_id", "mpeg4_url", "animations"));
            case "video", "audio", "voice", "document", "sticker" ->
                    message.set(type, media(world, result, type + "_file_id", type + "_url", type + "s"));
            default -> throw new IllegalArgumentException("The emulator cannot send a '" + type
                    + "' inline result without input_message_content");
        }
        if (result.hasNonNull("caption")) {
            FormattedText caption = Messages.formatted(world, result.get("caption").asText(),
                    result.path("parse_mode").asText(null), result.get("caption_entities"));
            message.put("caption", caption.text());
            if (caption.entities() != null && !caption.entities().isEmpty()) {
                message.set("caption_entities", caption.entities());
            }
        }
    }

    private static ObjectNode media(World world, JsonNode result, String idField, String urlField, String folder) {
        StoredFile file = result.hasNonNull(idField) ? world.files().byId(result.get(idField).asText()) : null;
        if (file == null) {
            String url = result.path(urlField).asText("");
            if (url.isEmpty()) {
                throw new IllegalArgumentException("The inline result has neither a known " + idField + " nor " + urlField
                        + ": " + result);
            }
            file = world.files().store(folder, url.substring(url.lastIndexOf('/') + 1), "application/octet-stream", null);
        }
        return Json.object().put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId());
    }

    private static ObjectNode location(JsonNode source) {
        return Json.object().put("latitude", source.path("latitude").asDouble())
                .put("longitude", source.path("longitude").asDouble());
    }

    private static ObjectNode venue(JsonNode source) {
        ObjectNode venue = Json.object();
        venue.set("location", location(source));
        return venue.put("title", source.path("title").asText()).put("address", source.path("address").asText());
    }

    private static ObjectNode contact(JsonNode source) {
        ObjectNode contact = Json.object().put("phone_number", source.path("phone_number").asText())
                .put("first_name", source.path("first_name").asText());
        if (source.hasNonNull("last_name")) {
            contact.put("last_name", source.get("last_name").asText());
        }
        return contact;
    }
}
