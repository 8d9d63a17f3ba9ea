package dev.telescale.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;

/**
 * A Bot API error answer, thrown by the emulator's method implementations and by test stubs to make a call fail
 * the way Telegram would: {@code {"ok":false,"error_code":code,"description":...,"parameters":...}}. The factory
 * methods produce Telegram's exact wording for the common cases.
 */
public final class BotApiError extends RuntimeException {

    private final int code;
    private final transient ObjectNode parameters;

    /**
     * @param code        the error code, also the HTTP status
     * @param description the description, e.g. "Bad Request: chat not found"
     * @param parameters  the ResponseParameters object, or null
     */
    public BotApiError(int code, String description, ObjectNode parameters) {
        super(description, null, false, false);
        this.code = code;
        this.parameters = parameters;
    }

    /** A 400 error; the description gets Telegram's "Bad Request: " prefix. */
    public static BotApiError badRequest(String reason) {
        return new BotApiError(400, "Bad Request: " + reason, null);
    }

    /** A 403 error; the description gets Telegram's "Forbidden: " prefix. */
    public static BotApiError forbidden(String reason) {
        return new BotApiError(403, "Forbidden: " + reason, null);
    }

    /** A 409 error; the description gets Telegram's "Conflict: " prefix. */
    public static BotApiError conflict(String reason) {
        return new BotApiError(409, "Conflict: " + reason, null);
    }

    /** Telegram's flood-control answer: 429 with {@code parameters.retry_after}. */
    public static BotApiError retryAfter(int seconds) {
        ObjectNode parameters = Json.object().put("retry_after", seconds);
        return new BotApiError(429, "Too Many Requests: retry after " + seconds, parameters);
    }

    /** Telegram's answer for a group that became a supergroup: 400 with {@code parameters.migrate_to_chat_id}. */
    public static BotApiError migrated(long newChatId) {
        ObjectNode parameters = Json.object().put("migrate_to_chat_id", newChatId);
        return new BotApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", parameters);
    }

    /** The error code. */
    public int code() {
        return code;
    }

    /** The description. */
    public String description() {
        return getMessage();
    }

    /** The parameters object, or null. */
    public ObjectNode parameters() {
        return parameters;
    }

    /** The response body of this error. */
    public byte[] toJsonBytes() {
        return Json.error(code, getMessage(), parameters);
    }
}
