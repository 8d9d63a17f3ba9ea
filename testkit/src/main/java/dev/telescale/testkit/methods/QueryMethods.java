package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.state.ChatRoom;
import dev.telescale.testkit.state.PendingQuery;
import dev.telescale.testkit.state.PollRecord;
import dev.telescale.testkit.state.UserAccount;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Answers to queries (answerInlineQuery, answerShippingQuery, answerPreCheckoutQuery: one answer each, within the
 * deadline, else Telegram's "query is too old" error), stopPoll, and chat join requests (approve / decline).
 */
final class QueryMethods {

    private static final String TOO_OLD = "query is too old and response timeout expired or query ID is invalid";
    private static final Set<String> RESULT_TYPES = Set.of("article", "photo", "gif", "mpeg4_gif", "video", "audio",
            "voice", "document", "location", "venue", "contact", "game", "sticker");

    private QueryMethods() {
    }

    static void register(Map<String, MethodHandler> table) {
        table.put("answerInlineQuery", QueryMethods::answerInlineQuery);
        table.put("answerShippingQuery", QueryMethods::answerShippingQuery);
        table.put("answerPreCheckoutQuery", QueryMethods::answerPreCheckoutQuery);
        table.put("stopPoll", QueryMethods::stopPoll);
        table.put("approveChatJoinRequest", call -> joinRequest(call, true));
        table.put("declineChatJoinRequest", call -> joinRequest(call, false));
    }

    private static PendingQuery query(MethodCall call, String parameter, String kind, String invalid) {
        String id = call.requireString(parameter);
        PendingQuery query = call.bot().queries().get(id);
        if (query == null || !query.kind().equals(kind)) {
            throw BotApiError.badRequest(invalid);
        }
        if (call.world().nowMillis() - query.createdMillis() > call.world().answerDeadlineMillis()) {
            throw BotApiError.badRequest(invalid);
        }
        return query;
    }

    private static JsonNode answerInlineQuery(MethodCall call) {
        PendingQuery query = query(call, "inline_query_id", "inline_query", TOO_OLD);
        JsonNode results = call.json("results");
        if (results == null || !results.isArray()) {
            throw BotApiError.badRequest("can't parse results JSON object");
        }
        if (results.size() > 50) {
            throw BotApiError.badRequest("RESULTS_TOO_MUCH");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode result : results) {
            String type = result.path("type").asText("");
            if (!RESULT_TYPES.contains(type)) {
                throw BotApiError.badRequest("unsupported inline query result type \"" + type + "\"");
            }
            String id = result.path("id").asText("");
            int bytes = id.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < 1 || bytes > 64) {
                throw BotApiError.badRequest("RESULT_ID_INVALID");
            }
            if (!ids.add(id)) {
                throw BotApiError.badRequest("RESULT_ID_DUPLICATE");
            }
            if (type.equals("article") && (!result.hasNonNull("title") || !result.has("input_message_content"))) {
                throw BotApiError.badRequest("RESULT_TYPE_INVALID: an article needs title and input_message_content");
            }
            JsonNode content = result.get("input_message_content");
            if (content != null && content.has("message_text")) {
                // malformed markup fails the answer, as on Telegram
                Messages.formatted(call.world(), content.path("message_text").asText(),
                        content.path("parse_mode").asText(null), content.get("entities"));
            }
        }
        ObjectNode answer = call.params().deepCopy();
        answer.set("results", results);
        if (!query.answer(answer)) {
            throw BotApiError.badRequest(TOO_OLD);
        }
        return BooleanNode.TRUE;
    }

    private static JsonNode answerShippingQuery(MethodCall call) {
        PendingQuery query = query(call, "shipping_query_id", "shipping_query", "QUERY_ID_INVALID");
        boolean ok = call.flag("ok");
        ObjectNode answer = call.params().deepCopy();
        if (ok) {
            JsonNode options = call.json("shipping_options");
            if (options == null || !options.isArray() || options.isEmpty()) {
                throw BotApiError.badRequest("SHIPPING_OPTIONS_EMPTY: shipping_options are required when ok is true");
            }
            for (JsonNode option : options) {
                if (!option.hasNonNull("id") || !option.hasNonNull("title") || !option.path("prices").isArray()) {
                    throw BotApiError.badRequest("can't parse shipping option: id, title and prices are required");
                }
            }
            answer.set("shipping_options", options);
        } else if (call.string("error_message") == null || call.string("error_message").isEmpty()) {
            throw BotApiError.badRequest("ERROR_MESSAGE_EMPTY: error_message is required when ok is false");
        }
        answer.put("ok", ok);
        if (!query.answer(answer)) {
            throw BotApiError.badRequest("QUERY_ID_INVALID");
        }
        return BooleanNode.TRUE;
    }

    private static JsonNode answerPreCheckoutQuery(MethodCall call) {
        PendingQuery query = query(call, "pre_checkout_query_id", "pre_checkout_query", "QUERY_ID_INVALID");
        boolean ok = call.flag("ok");
        if (!ok && (call.string("error_message") == null || call.string("error_message").isEmpty())) {
            throw BotApiError.badRequest("ERROR_MESSAGE_EMPTY: error_message is required when ok is false");
        }
        ObjectNode answer = call.params().deepCopy();
        answer.put("ok", ok);
        if (!query.answer(answer)) {
            throw BotApiError.badRequest("QUERY_ID_INVALID");
        }
        return BooleanNode.TRUE;
    }

    private static JsonNode stopPoll(MethodCall call) {
        ChatRoom room = call.chat();
        long messageId = call.requireLong("message_id");
        ObjectNode message = room.log().get(messageId);
        if (message == null) {
            throw BotApiError.badRequest("message with poll to stop not found");
        }
        if (!message.has("poll")) {
            throw BotApiError.badRequest("message is not a poll");
        }
        PollRecord record = call.world().polls().get(message.path("poll").path("id").asText());
        if (record == null || record.owner() != call.bot()) {
            throw BotApiError.badRequest("poll can't be stopped");
        }
        JsonNode markup = call.json("reply_markup");
        if (markup != null) {
            Messages.validateInlineKeyboard(markup);
        }
        ObjectNode poll = record.close();
        Polls.publish(call.world(), record, poll, markup);
        return poll;
    }

    private static JsonNode joinRequest(MethodCall call, boolean approve) {
        ChatRoom room = call.chat();
        long userId = call.requireLong("user_id");
        ObjectNode request = room.joinRequests().remove(userId);
        if (request == null) {
            throw BotApiError.badRequest("HIDE_REQUESTER_MISSING");
        }
        if (approve) {
            UserAccount user = call.world().userById(userId);
            Memberships.change(call.world(), room, user.user(), user.user(), null, user, "member", true);
        }
        return BooleanNode.TRUE;
    }
}
