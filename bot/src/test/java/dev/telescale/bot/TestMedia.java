package dev.telescale.bot;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.ApiObject;
import dev.telescale.api.InputFile;
import dev.telescale.api.json.ApiWriter;
import java.io.IOException;
import java.util.Map;

/** A nested object holding a file, written like a generated {@code InputMediaPhoto} (parse_mode defaultable). */
record TestMedia(String type, InputFile media, String caption) implements ApiObject {

    @Override
    public Map<String, JsonNode> unknownFields() {
        return Map.of();
    }

    @Override
    public void writeTo(ApiWriter writer) throws IOException {
        var g = writer.generator();
        g.writeStartObject();
        g.writeStringField("type", type);
        writer.inputFileField("media", media);
        if (caption != null) {
            g.writeStringField("caption", caption);
        }
        writer.writeDefault(new SerializedString("parse_mode"), "InputMediaPhoto", "parse_mode");
        g.writeEndObject();
    }
}
