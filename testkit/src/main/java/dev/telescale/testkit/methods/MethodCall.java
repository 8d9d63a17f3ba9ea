package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.UploadedFile;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.ChatRoom;
import dev.telescale.testkit.state.World;
import java.util.Map;

/**
 * One Bot API call being simulated: the calling bot, the decoded parameters and files, and the world they act
 * on, with lenient typed accessors (form-encoded values arrive as strings) that fail with Telegram's wording.
 *
 * @param bot    the calling bot
 * @param method the canonical method name
 * @param params the parameters
 * @param files  the uploaded file parts by field name
 * @param world  the emulated world
 */
public record MethodCall(BotAccount bot, String method, ObjectNode params, Map<String, UploadedFile> files,
                         World world) {

    /** The raw parameter, or null when absent or JSON null. */
    public JsonNode param(String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** The parameter as text, or null. */
    public String string(String name) {
        JsonNode value = param(name);
        return value == null ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    /** The parameter as text; absent or empty fails with "Bad Request: {name} is empty". */
    public String requireString(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            throw BotApiError.badRequest(name + " is empty");
        }
        return value;
    }

    /** The parameter as an integer, or {@code fallback} when absent. */
    public long longValue(String name, long fallback) {
        JsonNode value = param(name);
        if (value == null) {
            return fallback;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText().trim());
        } catch (NumberFormatException e) {
            throw BotApiError.badRequest("field \"" + name + "\" must be an Integer");
        }
    }

    /** The parameter as an integer; absent fails with "Bad Request: {name} is empty". */
    public long requireLong(String name) {
        if (param(name) == null) {
            throw BotApiError.badRequest(name + " is empty");
        }
        return longValue(name, 0);
    }

    /** The parameter as a boolean ({@code true}, {@code "true"}, {@code "1"}); false when absent. */
    public boolean flag(String name) {
        JsonNode value = param(name);
        if (value == null) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asText();
        return text.equalsIgnoreCase("true") || text.equals("1");
    }

    /** The parameter as a JSON object or array, parsing a JSON string; null when absent. */
    public JsonNode json(String name) {
        JsonNode value = param(name);
        if (value == null || value.isContainerNode()) {
            return value;
        }
        try {
            JsonNode parsed = Json.parse(value.asText());
            if (parsed.isContainerNode()) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            throw BotApiError.badRequest("can't parse " + name + " JSON object");
        }
        throw BotApiError.badRequest("can't parse " + name + " JSON object");
    }

    /** The chat named by the chat_id parameter. */
    public ChatRoom chat() {
        return world.resolveChat(bot, param("chat_id"));
    }

    /** The chat named by another chat-id parameter, e.g. from_chat_id. */
    public ChatRoom chat(String parameter) {
        return world.resolveChat(bot, param(parameter));
    }
}
