package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.format.FormattedText;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.state.CallbackQueryRecord;
import dev.telescale.testkit.state.ChatRoom;
import java.util.Map;
import java.util.Objects;

/**
 * Methods on existing messages: forward and copy (single and plural), edits of text, caption and reply markup,
 * deletes, and answers to callback queries — with Telegram's errors for missing messages, messages of another
 * sender and edits that change nothing.
 */
final class MessageMethods {

    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private MessageMethods() {
    }

    static void register(Map<String, MethodHandler> table) {
        table.put("forwardMessage", MessageMethods::forwardMessage);
        table.put("forwardMessages", call -> plural(call, true));
        table.put("copyMessage", MessageMethods::copyMessage);
        table.put("copyMessages", call -> plural(call, false));
        table.put("editMessageText", MessageMethods::editMessageText);
        table.put("editMessageCaption", MessageMethods::editMessageCaption);
        table.put("editMessageReplyMarkup", MessageMethods::editMessageReplyMarkup);
        table.put("deleteMessage", MessageMethods::deleteMessage);
        table.put("deleteMessages", MessageMethods::deleteMessages);
        table.put("answerCallbackQuery", MessageMethods::answerCallbackQuery);
    }

    private static ObjectNode source(MethodCall call, ChatRoom from, long messageId, String missing) {
        ObjectNode message = from.log().get(messageId);
        if (message == null) {
            throw BotApiError.badRequest(missing);
        }
        return message;
    }

    private static JsonNode forwardMessage(MethodCall call) {
        ChatRoom target = call.chat();
        ChatRoom from = call.chat("from_chat_id");
        ObjectNode original = source(call, from, call.requireLong("message_id"), "message to forward not found");
        return forward(call, target, from, original);
    }

    private static ObjectNode forward(MethodCall call, ChatRoom target, ChatRoom from, ObjectNode original) {
        ObjectNode origin = forwardOrigin(from, original);
        return Messages.sendFromBot(call, target, message -> {
            message.set("forward_origin", origin);
            copyContent(original, message);
        });
    }

    private static ObjectNode forwardOrigin(ChatRoom from, ObjectNode original) {
        ObjectNode origin = Json.object();
        if (from.isChannel()) {
            origin.put("type", "channel").put("date", original.path("date").asLong());
            origin.set("chat", from.chat());
            origin.put("message_id", original.path("message_id").asLong());
        } else {
            origin.put("type", "user").put("date", original.path("date").asLong());
            origin.set("sender_user", original.get("from"));
        }
        return origin;
    }

    private static JsonNode copyMessage(MethodCall call) {
        ChatRoom target = call.chat();
        ChatRoom from = call.chat("from_chat_id");
        ObjectNode original = source(call, from, call.requireLong("message_id"), "message to copy not found");
        return Json.object().put("message_id", copy(call, target, original).path("message_id").asLong());
    }

    private static ObjectNode copy(MethodCall call, ChatRoom target, ObjectNode original) {
        FormattedText caption = SendMethods.caption(call);
        return Messages.sendFromBot(call, target, message -> {
            copyContent(original, message);
            if (caption != null) {
                message.remove("caption");
                message.remove("caption_entities");
                SendMethods.addCaption(message, caption);
            }
        });
    }

    private static JsonNode plural(MethodCall call, boolean forward) {
        ChatRoom target = call.chat();
        ChatRoom from = call.chat("from_chat_id");
        JsonNode ids = call.json("message_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > 100) {
            throw BotApiError.badRequest("message_ids must contain 1-100 message identifiers");
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode id : ids) {
            ObjectNode original = from.log().get(id.asLong());
            if (original == null) {
                continue;
            }
            ObjectNode sent = forward ? forward(call, target, from, original) : copy(call, target, original);
            result.addObject().put("message_id", sent.path("message_id").asLong());
        }
        if (result.isEmpty()) {
            throw BotApiError.badRequest("messages to " + (forward ? "forward" : "copy") + " not found");
        }
        return result;
    }

    private static void copyContent(ObjectNode original, ObjectNode into) {
        original.properties().forEach(field -> {
            if (!Messages.ENVELOPE_FIELDS.contains(field.getKey())) {
                into.set(field.getKey(), field.getValue());
            }
        });
    }

    /** The stored message an edit targets; inline messages are not tracked, so their edits just succeed. */
    private static ObjectNode editTarget(MethodCall call, ChatRoom room) {
        ObjectNode message = room.log().get(call.requireLong("message_id"));
        if (message == null) {
            throw BotApiError.badRequest("message to edit not found");
        }
        JsonNode sender = message.get("from");
        boolean own = sender != null ? sender.path("id").asLong() == call.bot().id() : room.isChannel();
        if (!own) {
            throw BotApiError.badRequest("message can't be edited");
        }
        return message;
    }

    private static JsonNode editMessageText(MethodCall call) {
        FormattedText formatted = Messages.formatted(call, "text", "parse_mode", "entities");
        if (formatted == null || formatted.text().isBlank()) {
            throw BotApiError.badRequest("message text is empty");
        }
        String text = formatted.text();
        if (call.param("inline_message_id") != null) {
            return BooleanNode.TRUE;
        }
        ChatRoom room = call.chat();
        ObjectNode current = editTarget(call, room);
        if (!current.has("text")) {
            throw BotApiError.badRequest("there is no text in the message to edit");
        }
        JsonNode entities = formatted.entities();
        JsonNode markup = call.json("reply_markup");
        ObjectNode edited = current.deepCopy();
        edited.put("text", text);
        setOrRemove(edited, "entities", entities != null && !entities.isEmpty() ? entities : null);
        return storeEdit(call, room, current, edited, markup);
    }

    private static JsonNode editMessageCaption(MethodCall call) {
        if (call.param("inline_message_id") != null) {
            return BooleanNode.TRUE;
        }
        ChatRoom room = call.chat();
        ObjectNode current = editTarget(call, room);
        if (current.has("text")) {
            throw BotApiError.badRequest("there is no caption in the message to edit");
        }
        ObjectNode edited = current.deepCopy();
        edited.remove("caption");
        edited.remove("caption_entities");
        SendMethods.addCaption(edited, SendMethods.caption(call));
        return storeEdit(call, room, current, edited, call.json("reply_markup"));
    }

    private static JsonNode editMessageReplyMarkup(MethodCall call) {
        if (call.param("inline_message_id") != null) {
            return BooleanNode.TRUE;
        }
        ChatRoom room = call.chat();
        ObjectNode current = editTarget(call, room);
        return storeEdit(call, room, current, current.deepCopy(), call.json("reply_markup"));
    }

    private static JsonNode storeEdit(MethodCall call, ChatRoom room, ObjectNode current, ObjectNode edited,
                                      JsonNode markup) {
        if (markup != null && !markup.has("inline_keyboard")) {
            throw BotApiError.badRequest("only an inline keyboard can be attached to an edited message");
        }
        if (markup != null) {
            Messages.validateInlineKeyboard(markup);
        }
        boolean emptyMarkup = markup == null || markup.path("inline_keyboard").isEmpty();
        setOrRemove(edited, "reply_markup", emptyMarkup ? null : markup);
        edited.remove("edit_date");
        ObjectNode before = current.deepCopy();
        before.remove("edit_date");
        if (Objects.equals(before, edited)) {
            throw BotApiError.badRequest(NOT_MODIFIED);
        }
        edited.put("edit_date", call.world().now());
        if (!room.log().replace(current.path("message_id").asLong(), edited)) {
            throw BotApiError.badRequest("message to edit not found");
        }
        return edited;
    }

    private static void setOrRemove(ObjectNode node, String field, JsonNode value) {
        if (value == null) {
            node.remove(field);
        } else {
            node.set(field, value);
        }
    }

    private static JsonNode deleteMessage(MethodCall call) {
        ChatRoom room = call.chat();
        if (!room.log().remove(call.requireLong("message_id"))) {
            throw BotApiError.badRequest("message to delete not found");
        }
        return BooleanNode.TRUE;
    }

    private static JsonNode deleteMessages(MethodCall call) {
        ChatRoom room = call.chat();
        JsonNode ids = call.json("message_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > 100) {
            throw BotApiError.badRequest("message_ids must contain 1-100 message identifiers");
        }
        for (JsonNode id : ids) {
            room.log().remove(id.asLong());
        }
        return BooleanNode.TRUE;
    }

    private static JsonNode answerCallbackQuery(MethodCall call) {
        String id = call.requireString("callback_query_id");
        CallbackQueryRecord query = call.bot().callbackQueries().get(id);
        String text = call.string("text");
        if (text != null && text.length() > 200) {
            throw BotApiError.badRequest("MESSAGE_TOO_LONG");
        }
        if (query == null || !query.answer(call.params().deepCopy())) {
            throw BotApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        return BooleanNode.TRUE;
    }
}
