package dev.telescale.bot;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.InputFile;
import dev.telescale.api.json.ApiReader;
import dev.telescale.api.json.ApiWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written request for tests that must not depend on generated request classes: writes its parameters the way
 * generated code does (uploads through {@link ApiWriter#inputFileField}, unset defaultable fields through
 * {@link ApiWriter#writeDefault}) and returns the {@code result} as a JSON tree.
 */
final class TestMethod implements ApiMethod<JsonNode> {

    private final String name;
    private final String owner;
    private final Map<String, Object> params;
    private final Set<String> unsetDefaultable;

    TestMethod(String name, Map<String, Object> params, Set<String> unsetDefaultable) {
        this.name = name;
        this.owner = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        this.params = new LinkedHashMap<>(params);
        this.unsetDefaultable = unsetDefaultable;
    }

    static TestMethod of(String name, Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new TestMethod(name, params, Set.of());
    }

    TestMethod unset(String... defaultable) {
        return new TestMethod(name, params, Set.of(defaultable));
    }

    @Override
    public String methodName() {
        return name;
    }

    @Override
    public JsonNode readResult(ApiReader reader) throws IOException {
        return reader.readTree();
    }

    @Override
    public Map<String, JsonNode> unknownFields() {
        return Map.of();
    }

    @Override
    public void writeTo(ApiWriter writer) throws IOException {
        var g = writer.generator();
        g.writeStartObject();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (e.getValue() instanceof InputFile f) {
                writer.inputFileField(e.getKey(), f);
            } else {
                g.writeFieldName(e.getKey());
                writer.writeValue(e.getValue());
            }
        }
        for (String field : unsetDefaultable) {
            writer.writeDefault(new SerializedString(field), owner, field);
        }
        g.writeEndObject();
    }
}
