package dev.telescale.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.InputFile;
import dev.telescale.api.SpecSamples;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.SendMediaGroup;
import dev.telescale.api.types.InputMediaDocument;
import dev.telescale.api.types.InputMediaPhoto;
import dev.telescale.api.types.Message;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.RecordedCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every one of the API's methods goes through {@link Bot} and the emulator over real HTTP with every parameter set:
 * what the emulator decodes equals what was sent (uploads included, by content), and the answer parses to the
 * method's return type.
 */
class EveryApiMethodOverHttpTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static BotApiEmulator emulator;
    private static Bot bot;

    @BeforeAll
    static void start() {
        emulator = BotApiEmulator.start();
        EmulatedBot account = emulator.createBot("EveryMethodBot");
        bot = Bot.builder().token(account.token()).apiBaseUrl(emulator.apiBaseUrl())
                .fileBaseUrl(emulator.fileBaseUrl()).build();
    }

    @AfterAll
    static void stop() {
        bot.shutdown();
        emulator.close();
    }

    static List<String> methods() {
        return SpecSamples.get().methodNames();
    }

    @Test
    void theSpecHasAllOneHundredEightyMethods() {
        assertEquals(180, methods().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void fullyPopulatedRequestArrivesIntactAndItsResultParses(String method) {
        ObjectNode sample = SpecSamples.get().method(method);
        Map<String, InputFile> uploads = replaceTopLevelFilesWithUploads(method, sample);
        Class<? extends ApiMethod<?>> type = TelegramJson.methodClass(method);
        ApiMethod<?> request = TelegramJson.parse(sample.toString(), type, uploads);
        JsonNode result = sampleResult(method);
        emulator.respond(method, result);
        emulator.clearCalls();

        Object answer = bot.execute(request);

        RecordedCall call = emulator.awaitCall(method, WAIT);
        assertEquals(uploads.keySet(), call.files().keySet(), "file parts of " + method);
        assertEquals(request, call.as(type), "what the emulator decoded for " + method);
        JsonNode answered = resultAsJson(answer);
        JsonNode expected = SpecSamples.tree(result.toString());
        assertEquals(expected, answered, () -> "result of " + method + " differs at " + firstDifference("$", expected, answered));
    }

    @Test
    void mediaGroupUploadsTravelAsAttachReferences() {
        byte[] photo = "photo bytes".getBytes(StandardCharsets.UTF_8);
        byte[] document = "document bytes".getBytes(StandardCharsets.UTF_8);
        SendMediaGroup request = SendMediaGroup.builder().chatId(42)
                .media(List.of(
                        InputMediaPhoto.builder().media(InputFile.of(photo, "a.jpg")).caption("first").build(),
                        InputMediaDocument.builder().media(InputFile.of(document, "b.pdf"))
                                .thumbnail(InputFile.of(photo, "thumb.jpg")).build()))
                .build();
        emulator.respond("sendMediaGroup", "[]");
        emulator.clearCalls();

        List<Message> sent = bot.sendMediaGroup(request);

        RecordedCall call = emulator.awaitCall("sendMediaGroup", WAIT);
        assertTrue(sent.isEmpty());
        assertEquals(3, call.files().size(), "one part per upload");
        for (JsonNode media : call.param("media")) {
            assertTrue(media.path("media").asText().startsWith("attach://"), media.toString());
        }
        assertEquals(request, call.as(SendMediaGroup.class));
    }

    private static Map<String, InputFile> replaceTopLevelFilesWithUploads(String method, ObjectNode sample) {
        Map<String, InputFile> uploads = new HashMap<>();
        for (JsonNode field : SpecSamples.get().methodFields(method)) {
            boolean isFile = false;
            for (JsonNode t : field.path("types")) {
                isFile |= t.asText().equals("InputFile");
            }
            if (isFile) {
                String name = field.path("name").asText();
                sample.put(name, "attach://" + name);
                uploads.put(name, InputFile.of(("content of " + name).getBytes(StandardCharsets.UTF_8), name + ".bin"));
            }
        }
        return uploads;
    }

    /** A sample of the method's return type, built from the spec. */
    private static JsonNode sampleResult(String method) {
        return sampleOf(SpecSamples.get().methodReturns(method).get(0));
    }

    private static JsonNode sampleOf(String type) {
        if (type.startsWith("Array of ")) {
            ArrayNode array = NODES.arrayNode();
            array.add(sampleOf(type.substring("Array of ".length())));
            return array;
        }
        return switch (type) {
            case "Boolean", "True" -> NODES.booleanNode(true);
            case "Integer" -> NODES.numberNode(42);
            case "String" -> NODES.textNode("a string result");
            default -> SpecSamples.get().unionNames().contains(type)
                    ? SpecSamples.get().variant(type, 0, 0)
                    : SpecSamples.get().type(type);
        };
    }

    /** The JSON path of the first difference, so a failure names the field instead of dumping both trees. */
    private static String firstDifference(String path, JsonNode expected, JsonNode actual) {
        if (expected.isContainerNode() && expected.getNodeType() == actual.getNodeType()) {
            var names = new java.util.TreeSet<String>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!expected.path(name).equals(actual.path(name))) {
                    return firstDifference(path + "." + name, expected.path(name), actual.path(name));
                }
            }
            for (int i = 0; i < Math.max(expected.size(), actual.size()) && expected.isArray(); i++) {
                if (!expected.path(i).equals(actual.path(i))) {
                    return firstDifference(path + "[" + i + "]", expected.path(i), actual.path(i));
                }
            }
        }
        return path + ": expected " + abbreviate(expected) + " but was " + abbreviate(actual);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static JsonNode resultAsJson(Object answer) {
        if (answer instanceof Optional<?> optional) {
            assertFalse(optional.isEmpty(), "an object result must not read as an empty Optional");
            return resultAsJson(optional.get());
        }
        if (answer instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (answer instanceof Long || answer instanceof String) {
            return SpecSamples.tree(SpecSamples.MAPPER.valueToTree(answer).toString());
        }
        return SpecSamples.tree(TelegramJson.write(answer));
    }
}
