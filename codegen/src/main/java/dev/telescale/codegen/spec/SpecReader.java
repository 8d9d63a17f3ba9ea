package dev.telescale.codegen.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the machine-readable Bot API spec (botapi-x.y.json) into {@link Spec}. */
public final class SpecReader {

    private SpecReader() {
    }

    /** Reads and validates the spec file. */
    public static Spec read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, SpecType> types = new LinkedHashMap<>();
        for (JsonNode t : iterable(root.path("types"))) {
            types.put(t.path("name").asText(), new SpecType(t.path("name").asText(), t.path("href").asText(),
                    strings(t.path("description")), fields(t.path("fields")), strings(t.path("subtypes")),
                    strings(t.path("subtype_of"))));
        }
        Map<String, SpecMethod> methods = new LinkedHashMap<>();
        for (JsonNode m : iterable(root.path("methods"))) {
            methods.put(m.path("name").asText(), new SpecMethod(m.path("name").asText(), m.path("href").asText(),
                    strings(m.path("description")), strings(m.path("returns")), fields(m.path("fields"))));
        }
        if (types.isEmpty() || methods.isEmpty()) {
            throw new IOException("Spec " + file + " has no types or no methods; is it a Bot API spec?");
        }
        return new Spec(root.path("version").asText(), types, methods);
    }

    private static Iterable<JsonNode> iterable(JsonNode objectOfObjects) {
        List<JsonNode> list = new ArrayList<>();
        objectOfObjects.elements().forEachRemaining(list::add);
        return list;
    }

    private static List<SpecField> fields(JsonNode array) {
        List<SpecField> fields = new ArrayList<>();
        for (JsonNode f : array) {
            fields.add(new SpecField(f.path("name").asText(), strings(f.path("types")), f.path("required").asBoolean(),
                    f.path("description").asText()));
        }
        return List.copyOf(fields);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        for (JsonNode s : array) {
            list.add(s.asText());
        }
        return List.copyOf(list);
    }
}
