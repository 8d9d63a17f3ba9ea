package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.format.FormattedText;
import dev.telescale.testkit.format.TextFormatting;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.ChatRoom;
import dev.telescale.testkit.state.UserAccount;
import dev.telescale.testkit.state.World;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds and stores Message objects: the envelope fields (id, sender, chat, date), replies, keyboards. Shared
 * by the bot's send methods and the test-side user actions so both produce the same shapes.
 */
public final class Messages {

    /** Fields that describe a message rather than its content; copying and forwarding leave them behind. */
    static final Set<String> ENVELOPE_FIELDS = Set.of("message_id", "from", "sender_chat", "chat", "date", "edit_date",
            "reply_to_message", "reply_markup", "forward_origin", "message_thread_id", "is_topic_message", "via_bot",
            "author_signature", "has_protected_content", "media_group_id", "is_automatic_forward", "quote",
            "reply_to_story", "external_reply", "sender_boost_count", "business_connection_id");

    private Messages() {
    }

    /**
     * Appends a message a bot sends to a chat, applying reply_parameters, reply_markup, message_thread_id and
     * protect_content from the call.
     */
    public static ObjectNode sendFromBot(MethodCall call, ChatRoom room, Consumer<ObjectNode> content) {
        return sendFromBot(call, room, content, message -> { });
    }

    /**
     * Like {@link #sendFromBot(MethodCall, ChatRoom, Consumer)}, registering what the message carries (a poll, an
     * invoice) with {@code register} once the message is built and before it is stored, under the chat log's lock:
     * whoever sees the message (a test reading the chat) can act on it at once.
     */
    public static ObjectNode sendFromBot(MethodCall call, ChatRoom room, Consumer<ObjectNode> content,
                                         Consumer<ObjectNode> register) {
        if (room.blocked()) {
            throw new BotApiError(403, "Forbidden: bot was blocked by the user", null);
        }
        ObjectNode replyTo = replyTarget(call, room);
        JsonNode markup = call.json("reply_markup");
        JsonNode inlineKeyboard = acceptMarkup(room, markup);
        long threadId = call.longValue("message_thread_id", 0);
        boolean protect = call.flag("protect_content");
        World world = call.world();
        BotAccount bot = call.bot();
        return room.log().append(id -> {
            ObjectNode message = envelope(id, world, room);
            if (room.isChannel()) {
                message.set("sender_chat", room.chat());
            } else {
                message.set("from", bot.user());
            }
            if (threadId != 0) {
                message.put("message_thread_id", threadId);
            }
            content.accept(message);
            if (replyTo != null) {
                message.set("reply_to_message", replyTo);
            }
            if (protect) {
                message.put("has_protected_content", true);
            }
            if (inlineKeyboard != null) {
                message.set("reply_markup", inlineKeyboard);
            }
            register.accept(message);
            return message;
        });
    }

    /** Appends a message a user sends to a chat. */
    public static ObjectNode sendFromUser(World world, ChatRoom room, UserAccount user, Consumer<ObjectNode> content) {
        return room.log().append(id -> {
            ObjectNode message = envelope(id, world, room);
            message.set("from", user.user());
            content.accept(message);
            return message;
        });
    }

    /**
     * A text parameter with its formatting: parsed from {@code parseModeParameter} when given (Telegram lets
     * parse_mode win over entities), else the entities parameter as given; null when the text is absent.
     */
    static FormattedText formatted(MethodCall call, String textParameter, String parseModeParameter,
                                   String entitiesParameter) {
        String text = call.string(textParameter);
        if (text == null) {
            return null;
        }
        return formatted(call.world(), text, call.string(parseModeParameter), call.json(entitiesParameter));
    }

    /** Like {@link #formatted(MethodCall, String, String, String)} for values already taken out of a call. */
    public static FormattedText formatted(World world, String text, String parseMode, JsonNode entities) {
        if (parseMode != null && !parseMode.isEmpty() && !parseMode.equalsIgnoreCase("none")) {
            return TextFormatting.parse(text, parseMode, id -> {
                UserAccount user = world.userById(id);
                return user == null ? null : user.user();
            });
        }
        if (entities != null && !entities.isArray()) {
            throw BotApiError.badRequest("can't parse entities JSON object");
        }
        return new FormattedText(text, entities == null ? null : (com.fasterxml.jackson.databind.node.ArrayNode) entities);
    }

    static ObjectNode envelope(long id, World world, ChatRoom room) {
        ObjectNode message = Json.object();
        message.put("message_id", id);
        message.put("date", world.now());
        message.set("chat", room.chat());
        return message;
    }

    /** The stored message being replied to, without its own reply (Telegram nests one level only), or null. */
    private static ObjectNode replyTarget(MethodCall call, ChatRoom room) {
        JsonNode parameters = call.json("reply_parameters");
        long messageId;
        boolean allowMissing = call.flag("allow_sending_without_reply");
        if (parameters != null) {
            messageId = parameters.path("message_id").asLong(0);
            allowMissing |= parameters.path("allow_sending_without_reply").asBoolean(false);
            if (parameters.hasNonNull("chat_id")) {
                room = call.world().resolveChat(call.bot(), parameters.get("chat_id"));
            }
        } else {
            messageId = call.longValue("reply_to_message_id", 0);
        }
        if (messageId == 0) {
            return null;
        }
        ObjectNode target = room.log().get(messageId);
        if (target == null) {
            if (allowMissing) {
                return null;
            }
            throw BotApiError.badRequest("message to be replied not found");
        }
        ObjectNode copy = target.deepCopy();
        copy.remove("reply_to_message");
        return copy;
    }

    /**
     * Validates reply_markup; an inline keyboard is returned to attach to the message, reply keyboards change
     * what the user sees in the chat.
     */
    static JsonNode acceptMarkup(ChatRoom room, JsonNode markup) {
        if (markup == null) {
            return null;
        }
        if (!markup.isObject()) {
            throw BotApiError.badRequest("can't parse reply keyboard markup JSON object");
        }
        if (markup.has("inline_keyboard")) {
            validateInlineKeyboard(markup);
            return markup;
        }
        if (markup.has("keyboard")) {
            if (!markup.get("keyboard").isArray()) {
                throw BotApiError.badRequest("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array");
            }
            room.replyKeyboard(markup);
        } else if (markup.path("remove_keyboard").asBoolean(false)) {
            room.replyKeyboard(null);
        } else if (!markup.path("force_reply").asBoolean(false)) {
            throw BotApiError.badRequest("can't find field \"inline_keyboard\"");
        }
        return null;
    }

    static void validateInlineKeyboard(JsonNode markup) {
        JsonNode rows = markup.get("inline_keyboard");
        if (!rows.isArray()) {
            throw BotApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
        }
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw BotApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
            }
            for (JsonNode button : row) {
                if (!button.hasNonNull("text")) {
                    throw BotApiError.badRequest("can't find field \"text\"");
                }
                JsonNode data = button.get("callback_data");
                if (data != null) {
                    int bytes = data.asText().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > 64) {
                        throw BotApiError.badRequest("BUTTON_DATA_INVALID");
                    }
                }
            }
        }
    }

    /** Whether the message carries an inline button with this callback_data. */
    public static boolean hasCallbackButton(JsonNode message, String data) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (data.equals(button.path("callback_data").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }
}
