package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.StoredFile;
import dev.telescale.testkit.UploadedFile;
import dev.telescale.testkit.format.FormattedText;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.state.ChatRoom;
import dev.telescale.testkit.state.InvoiceRecord;
import dev.telescale.testkit.state.PollRecord;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The send* methods: each stores a Message of the right content kind in the chat and returns it. Media come as
 * uploads (a multipart part named like the parameter, or "attach://name"), as a file_id the emulator issued, or
 * as an http(s) URL; anything else fails as on Telegram.
 */
final class SendMethods {

    private static final int MAX_TEXT = 4096;
    private static final int MAX_CAPTION = 1024;

    private SendMethods() {
    }

    static void register(Map<String, MethodHandler> table) {
        table.put("sendMessage", SendMethods::sendMessage);
        table.put("sendPhoto", call -> sendMedia(call, "photo", "photos", "image/jpeg"));
        table.put("sendAudio", call -> sendMedia(call, "audio", "music", "audio/mpeg"));
        table.put("sendDocument", call -> sendMedia(call, "document", "documents", "application/octet-stream"));
        table.put("sendVideo", call -> sendMedia(call, "video", "videos", "video/mp4"));
        table.put("sendAnimation", call -> sendMedia(call, "animation", "animations", "video/mp4"));
        table.put("sendVoice", call -> sendMedia(call, "voice", "voice", "audio/ogg"));
        table.put("sendVideoNote", call -> sendMedia(call, "video_note", "video_notes", "video/mp4"));
        table.put("sendSticker", call -> sendMedia(call, "sticker", "stickers", "image/webp"));
        table.put("sendLocation", SendMethods::sendLocation);
        table.put("sendVenue", SendMethods::sendVenue);
        table.put("sendContact", SendMethods::sendContact);
        table.put("sendPoll", SendMethods::sendPoll);
        table.put("sendDice", SendMethods::sendDice);
        table.put("sendGame", SendMethods::sendGame);
        table.put("sendInvoice", SendMethods::sendInvoice);
        table.put("sendMediaGroup", SendMethods::sendMediaGroup);
    }

    private static JsonNode sendMessage(MethodCall call) {
        ChatRoom room = call.chat();
        String raw = call.string("text");
        if (raw == null || raw.isBlank()) {
            throw BotApiError.badRequest("message text is empty");
        }
        String parseMode = call.string("parse_mode");
        // No parse_mode (the benchmarks' case): nothing to parse, the entities parameter is taken as given.
        FormattedText formatted = parseMode == null ? null : Messages.formatted(call.world(), raw, parseMode, call.json("entities"));
        String text = formatted == null ? raw : formatted.text();
        if (text.isBlank()) {
            throw BotApiError.badRequest("message text is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw BotApiError.badRequest("message is too long");
        }
        JsonNode entities = formatted == null ? call.json("entities") : formatted.entities();
        JsonNode preview = call.json("link_preview_options");
        return Messages.sendFromBot(call, room, message -> {
            message.put("text", text);
            if (entities != null && !entities.isEmpty()) {
                message.set("entities", entities);
            }
            if (preview != null) {
                message.set("link_preview_options", preview);
            }
        });
    }

    private static JsonNode sendMedia(MethodCall call, String kind, String folder, String defaultMime) {
        ChatRoom room = call.chat();
        StoredFile file = resolveFile(call, kind, kind, call.param(kind), folder, defaultMime);
        FormattedText caption = caption(call);
        boolean spoiler = call.flag("has_spoiler");
        return Messages.sendFromBot(call, room, message -> {
            ObjectNode media = mediaObject(call, kind, file);
            if (kind.equals("photo")) {
                message.set("photo", JsonNodeFactory.instance.arrayNode().add(media));
            } else {
                message.set(kind, media);
                if (kind.equals("animation")) {
                    message.set("document", media);
                }
            }
            addCaption(message, caption);
            if (spoiler) {
                message.put("has_media_spoiler", true);
            }
        });
    }

    private static ObjectNode mediaObject(MethodCall call, String kind, StoredFile file) {
        ObjectNode media = Json.object().put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId());
        switch (kind) {
            case "photo" -> media.put("width", call.longValue("width", 800)).put("height", call.longValue("height", 600));
            case "video", "animation" -> media.put("width", call.longValue("width", 640))
                    .put("height", call.longValue("height", 360)).put("duration", call.longValue("duration", 0));
            case "audio", "voice" -> media.put("duration", call.longValue("duration", 0));
            case "video_note" -> media.put("length", call.longValue("length", 240)).put("duration", call.longValue("duration", 0));
            case "sticker" -> {
                media.put("type", "regular").put("width", 512).put("height", 512)
                        .put("is_animated", false).put("is_video", false);
                if (call.string("emoji") != null) {
                    media.put("emoji", call.string("emoji"));
                }
            }
            default -> {
            }
        }
        if (kind.equals("audio")) {
            putIfPresent(media, "performer", call.string("performer"));
            putIfPresent(media, "title", call.string("title"));
        }
        if (!kind.equals("photo") && !kind.equals("sticker") && !kind.equals("video_note") && !file.filename().isEmpty()) {
            media.put("file_name", file.filename());
        }
        if (!kind.equals("photo") && !kind.equals("sticker") && !kind.equals("video_note")) {
            media.put("mime_type", file.mimeType());
        }
        if (file.bytes() != null) {
            media.put("file_size", file.bytes().length);
        }
        return media;
    }

    /**
     * The file an InputFile parameter means: an upload in the part {@code uploadField} (null: none), an "attach://" reference
     * to an upload, a file_id the emulator knows, or a URL.
     */
    static StoredFile resolveFile(MethodCall call, String uploadField, String parameter, JsonNode value, String folder,
                                  String defaultMime) {
        UploadedFile upload = uploadField == null ? null : call.files().get(uploadField);
        if (upload == null && value != null && value.isTextual() && value.asText().startsWith("attach://")) {
            String name = value.asText().substring("attach://".length());
            upload = call.files().get(name);
            if (upload == null) {
                throw BotApiError.badRequest("wrong file identifier/HTTP URL specified: no file part named \"" + name
                        + "\" for attach://" + name);
            }
        }
        if (upload != null) {
            String mime = upload.contentType().equals("application/octet-stream") ? defaultMime : upload.contentType();
            return call.world().files().store(folder, upload.filename(), mime, upload.bytes());
        }
        if (value == null || value.asText().isEmpty()) {
            throw BotApiError.badRequest("there is no " + parameter + " in the request");
        }
        String reference = value.asText();
        StoredFile known = call.world().files().byId(reference);
        if (known != null) {
            return known;
        }
        if (reference.startsWith("http://") || reference.startsWith("https://")) {
            String name = reference.substring(reference.lastIndexOf('/') + 1);
            return call.world().files().store(folder, name, defaultMime, null);
        }
        throw BotApiError.badRequest("wrong file identifier/HTTP URL specified (the emulator knows files uploaded to it "
                + "and files registered with BotApiEmulator.registerFile)");
    }

    /** The caption with parse_mode/caption_entities applied, or null. */
    static FormattedText caption(MethodCall call) {
        FormattedText caption = Messages.formatted(call, "caption", "parse_mode", "caption_entities");
        if (caption != null && caption.text().length() > MAX_CAPTION) {
            throw BotApiError.badRequest("message caption is too long");
        }
        return caption;
    }

    static void addCaption(ObjectNode message, FormattedText caption) {
        if (caption != null && !caption.text().isEmpty()) {
            message.put("caption", caption.text());
            if (caption.entities() != null && !caption.entities().isEmpty()) {
                message.set("caption_entities", caption.entities());
            }
        }
    }

    private static JsonNode sendLocation(MethodCall call) {
        ChatRoom room = call.chat();
        ObjectNode location = location(call);
        return Messages.sendFromBot(call, room, message -> message.set("location", location));
    }

    private static ObjectNode location(MethodCall call) {
        double latitude = number(call, "latitude");
        double longitude = number(call, "longitude");
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw BotApiError.badRequest("wrong latitude or longitude");
        }
        ObjectNode location = Json.object().put("latitude", latitude).put("longitude", longitude);
        if (call.param("live_period") != null) {
            location.put("live_period", call.longValue("live_period", 0));
        }
        return location;
    }

    private static JsonNode sendVenue(MethodCall call) {
        ChatRoom room = call.chat();
        ObjectNode venue = Json.object();
        venue.set("location", location(call));
        venue.put("title", call.requireString("title")).put("address", call.requireString("address"));
        putIfPresent(venue, "foursquare_id", call.string("foursquare_id"));
        return Messages.sendFromBot(call, room, message -> message.set("venue", venue));
    }

    private static JsonNode sendContact(MethodCall call) {
        ChatRoom room = call.chat();
        ObjectNode contact = Json.object().put("phone_number", call.requireString("phone_number"))
                .put("first_name", call.requireString("first_name"));
        putIfPresent(contact, "last_name", call.string("last_name"));
        putIfPresent(contact, "vcard", call.string("vcard"));
        return Messages.sendFromBot(call, room, message -> message.set("contact", contact));
    }

    private static JsonNode sendPoll(MethodCall call) {
        ChatRoom room = call.chat();
        FormattedText question = Messages.formatted(call, "question", "question_parse_mode", "question_entities");
        if (question == null || question.text().isBlank()) {
            throw BotApiError.badRequest("poll question must be non-empty");
        }
        if (question.text().length() > 300) {
            throw BotApiError.badRequest("poll question length must not exceed 300");
        }
        JsonNode options = call.json("options");
        if (options == null || !options.isArray() || options.size() < 2 || options.size() > 12) {
            throw BotApiError.badRequest("poll must have at least 2 and at most 12 options");
        }
        String type = call.string("type") == null ? "regular" : call.string("type");
        if (!type.equals("regular") && !type.equals("quiz")) {
            throw BotApiError.badRequest("poll type must be \"regular\" or \"quiz\"");
        }
        ArrayNode pollOptions = JsonNodeFactory.instance.arrayNode();
        int index = 0;
        for (JsonNode option : options) {
            String text = option.isObject() ? option.path("text").asText() : option.asText();
            if (text.isEmpty() || text.length() > 100) {
                throw BotApiError.badRequest("poll options length must not exceed 100");
            }
            pollOptions.addObject().put("persistent_id", Integer.toString(index++)).put("text", text).put("voter_count", 0);
        }
        ArrayNode correct = correctOptions(call, options.size(), type.equals("quiz"));
        FormattedText explanation = Messages.formatted(call, "explanation", "explanation_parse_mode", "explanation_entities");
        if (explanation != null && explanation.text().length() > 200) {
            throw BotApiError.badRequest("explanation must not exceed 200 characters");
        }
        ObjectNode poll = Json.object().put("id", call.world().nextPollId()).put("question", question.text());
        if (question.entities() != null && !question.entities().isEmpty()) {
            poll.set("question_entities", question.entities());
        }
        poll.set("options", pollOptions);
        poll.put("total_voter_count", 0)
                .put("is_closed", call.flag("is_closed"))
                .put("is_anonymous", call.param("is_anonymous") == null || call.flag("is_anonymous"))
                .put("type", type)
                .put("allows_multiple_answers", call.flag("allows_multiple_answers"))
                .put("allows_revoting", call.param("allows_revoting") == null ? !type.equals("quiz") : call.flag("allows_revoting"))
                .put("members_only", call.flag("members_only"));
        if (correct != null) {
            poll.set("correct_option_ids", correct);
        }
        if (explanation != null && !explanation.text().isEmpty()) {
            poll.put("explanation", explanation.text());
            if (explanation.entities() != null && !explanation.entities().isEmpty()) {
                poll.set("explanation_entities", explanation.entities());
            }
        }
        if (call.param("open_period") != null) {
            poll.put("open_period", call.longValue("open_period", 0));
        }
        if (call.param("close_date") != null) {
            poll.put("close_date", call.longValue("close_date", 0));
        }
        // Registered before the message is visible, so a user can vote as soon as a test sees the poll.
        return Messages.sendFromBot(call, room, m -> m.set("poll", poll), m -> call.world().polls().put(
                poll.get("id").asText(), new PollRecord(call.bot(), room, m.path("message_id").asLong(), poll)));
    }

    /** correct_option_ids (or the older correct_option_id); a quiz needs them, a regular poll may not have them. */
    private static ArrayNode correctOptions(MethodCall call, int optionCount, boolean quiz) {
        JsonNode ids = call.param("correct_option_ids") != null ? call.json("correct_option_ids") : null;
        ArrayNode correct = JsonNodeFactory.instance.arrayNode();
        if (ids != null && ids.isArray()) {
            ids.forEach(id -> correct.add(id.asInt(-1)));
        } else if (call.param("correct_option_id") != null) {
            correct.add(call.longValue("correct_option_id", -1));
        }
        if (!quiz) {
            if (!correct.isEmpty()) {
                throw BotApiError.badRequest("correct_option_ids can be specified only for quizzes");
            }
            return null;
        }
        if (correct.isEmpty()) {
            throw BotApiError.badRequest("QUIZ_CORRECT_ANSWERS_EMPTY");
        }
        for (JsonNode id : correct) {
            if (id.asInt() < 0 || id.asInt() >= optionCount) {
                throw BotApiError.badRequest("QUIZ_CORRECT_ANSWER_INVALID");
            }
        }
        return correct;
    }

    private static JsonNode sendDice(MethodCall call) {
        ChatRoom room = call.chat();
        String emoji = call.string("emoji") == null ? "\uD83C\uDFB2" : call.string("emoji");
        int faces = switch (emoji) {
            case "\uD83C\uDFAF", "\uD83C\uDFB2", "\uD83C\uDFB3" -> 6;
            case "\uD83C\uDFC0", "\u26BD" -> 5;
            case "\uD83C\uDFB0" -> 64;
            default -> throw BotApiError.badRequest("invalid dice emoji specified");
        };
        int value = 1 + ThreadLocalRandom.current().nextInt(faces);
        return Messages.sendFromBot(call, room, message -> message.putObject("dice").put("emoji", emoji).put("value", value));
    }

    private static JsonNode sendGame(MethodCall call) {
        ChatRoom room = call.chat();
        String name = call.requireString("game_short_name");
        return Messages.sendFromBot(call, room, message -> {
            ObjectNode game = message.putObject("game").put("title", name).put("description", name);
            game.putArray("photo");
        });
    }

    private static JsonNode sendInvoice(MethodCall call) {
        ChatRoom room = call.chat();
        String title = call.requireString("title");
        String description = call.requireString("description");
        String payload = call.requireString("payload");
        String currency = call.requireString("currency");
        if (title.length() > 32) {
            throw BotApiError.badRequest("invoice title must be 1-32 characters");
        }
        if (description.length() > 255) {
            throw BotApiError.badRequest("invoice description must be 1-255 characters");
        }
        if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 128) {
            throw BotApiError.badRequest("invoice payload must be 1-128 bytes");
        }
        if (!currency.equals("XTR") && (call.string("provider_token") == null || call.string("provider_token").isEmpty())) {
            throw BotApiError.badRequest("PAYMENT_PROVIDER_INVALID: a provider_token is required for currency " + currency);
        }
        JsonNode prices = call.json("prices");
        if (prices == null || !prices.isArray() || prices.isEmpty()) {
            throw BotApiError.badRequest("prices must be non-empty");
        }
        long total = 0;
        for (JsonNode price : prices) {
            if (!price.hasNonNull("label") || !price.path("amount").canConvertToLong()) {
                throw BotApiError.badRequest("can't parse prices: each LabeledPrice needs label and amount");
            }
            total += price.path("amount").asLong();
        }
        if (total <= 0) {
            throw BotApiError.badRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
        }
        long amount = total;
        String start = call.string("start_parameter") == null ? "" : call.string("start_parameter");
        ObjectNode message = Messages.sendFromBot(call, room, m -> m.putObject("invoice").put("title", title)
                .put("description", description).put("start_parameter", start).put("currency", currency)
                .put("total_amount", amount), m -> {
                    // Registered before the message is visible, so a user can pay as soon as a test sees it.
                    long messageId = m.path("message_id").asLong();
                    call.world().invoices().put(InvoiceRecord.key(room.id(), messageId), new InvoiceRecord(call.bot(),
                            room, messageId, call.params().deepCopy(), new java.util.concurrent.atomic.AtomicBoolean()));
                });
        return message;
    }

    private static JsonNode sendMediaGroup(MethodCall call) {
        ChatRoom room = call.chat();
        JsonNode media = call.json("media");
        if (media == null || !media.isArray() || media.size() < 2 || media.size() > 10) {
            throw BotApiError.badRequest("wrong number of media in the album: send 2-10 items");
        }
        String groupId = Long.toString(13_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : media) {
            String type = item.path("type").asText();
            String folder = switch (type) {
                case "photo" -> "photos";
                case "video" -> "videos";
                case "audio" -> "music";
                case "document" -> "documents";
                default -> throw BotApiError.badRequest("unsupported media type \"" + type + "\" in the album");
            };
            StoredFile file = resolveFile(call, null, "media", item.get("media"), folder, "application/octet-stream");
            FormattedText caption = item.hasNonNull("caption") ? Messages.formatted(call.world(),
                    item.get("caption").asText(), item.path("parse_mode").asText(null), item.get("caption_entities")) : null;
            result.add(Messages.sendFromBot(call, room, message -> {
                ObjectNode object = mediaObject(call, type, file);
                if (type.equals("photo")) {
                    message.putArray("photo").add(object);
                } else {
                    message.set(type, object);
                }
                message.put("media_group_id", groupId);
                addCaption(message, caption);
            }));
        }
        return result;
    }

    private static double number(MethodCall call, String name) {
        JsonNode value = call.param(name);
        if (value == null) {
            throw BotApiError.badRequest(name + " is empty");
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.parseDouble(value.asText().trim());
        } catch (NumberFormatException e) {
            throw BotApiError.badRequest("field \"" + name + "\" must be a Float");
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
