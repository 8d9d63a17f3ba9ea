package dev.telescale.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.json.ApiWriter;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Implemented by every Bot API value: each generated type, union variant and request class. It gives access
 * to the fields Telegram sent that this version of the library does not know yet (so they survive a round trip
 * and can be read by name), and it is the hook the JSON codec uses to write the object.
 */
public interface ApiObject {

    /**
     * Fields present in the received JSON that this library version does not model, by JSON name, in the order
     * they arrived. Unmodifiable; {@code Map.of()} when there were none.
     */
    Map<String, JsonNode> unknownFields();

    /** One unknown field by its JSON name (for example a field added by a newer Bot API version). */
    default Optional<JsonNode> unknownField(String jsonName) {
        return Optional.ofNullable(unknownFields().get(jsonName));
    }

    /**
     * Codec hook: writes this object as one JSON value, unknown fields included. Called by {@link TelegramJson}
     * and by the Bot's request encoder; applications normally use {@link TelegramJson#write(Object)} instead.
     */
    void writeTo(ApiWriter writer) throws IOException;
}
