package dev.telescale.testkit.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.telescale.testkit.json.Json;
import java.io.IOException;

/**
 * Turns a textual parameter value (form field, query parameter) into a JSON value: JSON objects and arrays
 * (reply_markup, entities, allowed_updates...) are parsed, everything else stays a string for the api's lenient
 * reader to coerce. A value that looks like JSON but does not parse stays a string too, so the method that needs
 * it reports what is wrong.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    static JsonNode fromText(String value) {
        int i = 0;
        while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
            i++;
        }
        if (i < value.length() && (value.charAt(i) == '{' || value.charAt(i) == '[')) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(value);
                if (parsed != null && parsed.isContainerNode()) {
                    return parsed;
                }
            } catch (IOException e) {
                return TextNode.valueOf(value);
            }
        }
        return TextNode.valueOf(value);
    }
}
