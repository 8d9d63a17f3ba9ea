package dev.telescale.api.methods;

import static dev.telescale.api.SpecSamples.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.ChatId;
import dev.telescale.api.InputFile;
import dev.telescale.api.SpecSamples;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.json.ApiReader;
import dev.telescale.api.json.ApiWriter;
import dev.telescale.api.json.Attachment;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every request class: full JSON round trip, uploads through attachments, builders, results. */
class RequestsRoundTripTest {

    static List<String> methods() {
        return SpecSamples.get().methodNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void fullyPopulatedRequestRoundTrips(String method) {
        ObjectNode sample = SpecSamples.get().method(method);
        Class<? extends ApiMethod<?>> type = TelegramJson.methodClass(method);
        ApiMethod<?> request = TelegramJson.parse(sample.toString(), type);
        assertEquals(method, request.methodName());
        assertEquals(tree(sample.toString()), tree(TelegramJson.write(request)));
        assertEquals(request, TelegramJson.parse(TelegramJson.write(request), type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void topLevelUploadsComeBackAsAttachmentsNamedLikeTheParameter(String method) throws Exception {
        ObjectNode sample = SpecSamples.get().method(method);
        Map<String, InputFile> files = new HashMap<>();
        for (JsonNode f : SpecSamples.get().methodFields(method)) {
            boolean isFile = false;
            for (JsonNode t : f.path("types")) {
                isFile |= t.asText().equals("InputFile");
            }
            if (isFile) {
                String name = f.path("name").asText();
                sample.remove(name);
                files.put(name, InputFile.of(("bytes of " + name).getBytes(StandardCharsets.UTF_8), name + ".bin"));
            }
        }
        ApiMethod<?> request = TelegramJson.parse(sample.toString(), TelegramJson.methodClass(method), files);
        StringWriter out = new StringWriter();
        ApiWriter w;
        try (var g = TelegramJson.factory().createGenerator(out)) {
            w = new ApiWriter(g, null);
            request.writeTo(w);
        }
        assertEquals(tree(sample.toString()), tree(out.toString()));
        Map<String, InputFile> attached = new HashMap<>();
        for (Attachment a : w.attachments()) {
            attached.put(a.name(), a.file());
        }
        assertEquals(files, attached);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void buildersNameTheFirstMissingRequiredParameter(String method) throws Exception {
        Class<?> type = TelegramJson.methodClass(method);
        Object builder = type.getMethod("builder").invoke(null);
        String firstRequired = null;
        for (JsonNode f : SpecSamples.get().methodFields(method)) {
            if (f.path("required").asBoolean()) {
                firstRequired = f.path("name").asText();
                break;
            }
        }
        if (firstRequired == null) {
            Object built = builder.getClass().getMethod("build").invoke(builder);
            assertEquals("{}", TelegramJson.write(built));
            return;
        }
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> builder.getClass().getMethod("build").invoke(builder));
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(type.getSimpleName() + ": required field '" + firstRequired + "' is not set", cause.getMessage());
    }

    @Test
    void thereIsOneRequestClassPerMethod() {
        assertEquals(180, methods().size());
        assertEquals(180, BotApiMethods.BY_LOWER_CASE_NAME.size());
        assertEquals(SendMessage.class, TelegramJson.methodClass("SENDMESSAGE"));
        assertTrue(TelegramJson.findMethodClass("launchRocket").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TelegramJson.methodClass("launchRocket"));
        assertTrue(e.getMessage().contains("launchRocket"));
    }

    @Test
    void sendMessageBuildsAndWritesCompactJson() {
        SendMessage m = SendMessage.builder().chatId(42).text("hi").build();
        assertEquals("{\"chat_id\":42,\"text\":\"hi\"}", TelegramJson.write(m));
        assertEquals(ChatId.of(42), m.chatId());
        SendMessage channel = SendMessage.builder().chatId("@news").text("x").disableNotification(true).build();
        assertEquals("{\"chat_id\":\"@news\",\"text\":\"x\",\"disable_notification\":true}", TelegramJson.write(channel));
    }

    @Test
    void resultsAreReadPerMethod() throws Exception {
        Message sent = read(SendMessage.builder().chatId(1).text("a").build(),
                "{\"message_id\":5,\"date\":1,\"chat\":{\"id\":1,\"type\":\"private\"}}");
        assertEquals(5, sent.messageId());
        Optional<Message> edited = read(EditMessageText.builder().inlineMessageId("i").text("t").build(), "true");
        assertTrue(edited.isEmpty());
        Optional<Message> editedMessage = read(EditMessageText.builder().chatId(1).messageId(2).text("t").build(),
                "{\"message_id\":2,\"date\":1,\"chat\":{\"id\":1,\"type\":\"private\"}}");
        assertEquals(2, editedMessage.orElseThrow().messageId());
        List<Update> updates = read(GetUpdates.builder().build(), "[{\"update_id\":1},{\"update_id\":2}]");
        assertEquals(2, updates.size());
        Boolean ok = read(DeleteMessage.builder().chatId(1).messageId(2).build(), "true");
        assertTrue(ok);
        User me = read(new GetMe(), "{\"id\":1,\"is_bot\":true,\"first_name\":\"B\"}");
        assertTrue(me.isBot());
        Long count = read(GetChatMemberCount.builder().chatId(1).build(), "17");
        assertEquals(17L, count);
    }

    private static <R> R read(ApiMethod<R> method, String resultJson) throws Exception {
        try (JsonParser p = TelegramJson.factory().createParser(resultJson)) {
            p.nextToken();
            return method.readResult(new ApiReader(p));
        }
    }
}
