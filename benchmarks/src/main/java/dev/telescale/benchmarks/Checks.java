package dev.telescale.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sanity checks run once in each benchmark's setup: every library must have produced the same content, so no
 * library can look fast by silently doing less (an Update parsed without its message, a body missing its keyboard).
 * A failed check stops the benchmark with a message saying which library differs.
 */
final class Checks {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Checks() {
    }

    /** The three parsed Updates carry the fixture's update id, chat, sender, text and command entity. */
    static void sameUpdate(dev.telescale.api.types.Update telescale,
            org.telegram.telegrambots.meta.api.objects.Update telegramBots,
            com.pengrad.telegrambot.model.Update pengrad) {
        String expected = summary(Fixtures.updateBytes());
        var m = telescale.message().orElseThrow(() -> new IllegalStateException("Telescale: no message parsed"));
        same("Telescale", expected, telescale.updateId() + "|" + m.chat().id() + "|" + m.from().orElseThrow().id()
                + "|" + m.text().orElseThrow() + "|" + m.entities().get(0).type());
        var t = telegramBots.getMessage();
        same("TelegramBots", expected, telegramBots.getUpdateId() + "|" + t.getChatId() + "|" + t.getFrom().getId()
                + "|" + t.getText() + "|" + t.getEntities().get(0).getType());
        var p = pengrad.message();
        same("pengrad", expected, pengrad.updateId() + "|" + p.chat().id() + "|" + p.from().id() + "|" + p.text()
                + "|" + p.entities()[0].type().name());
    }

    private static String summary(byte[] updateJson) {
        try {
            JsonNode u = MAPPER.readTree(updateJson);
            JsonNode m = u.get("message");
            return u.get("update_id").asLong() + "|" + m.get("chat").get("id").asLong() + "|"
                    + m.get("from").get("id").asLong() + "|" + m.get("text").asText() + "|"
                    + m.get("entities").get(0).get("type").asText();
        } catch (IOException e) {
            throw new IllegalStateException("The fixture " + Fixtures.UPDATE_RESOURCE + " is not JSON", e);
        }
    }

    /**
     * A sendMessage body (JSON, or form-encoded for pengrad) holds the fixture's chat id, text and one inline button
     * with its callback data; returns the parameters found, for the benchmark's log.
     */
    static Map<String, String> sendMessageBody(String library, byte[] body, boolean form) {
        Map<String, String> params = form ? formParams(body) : jsonParams(library, body);
        same(library + " chat_id", Long.toString(Fixtures.CHAT_ID), params.get("chat_id"));
        same(library + " text", Fixtures.TEXT, params.get("text"));
        try {
            JsonNode button = MAPPER.readTree(Objects.requireNonNull(params.get("reply_markup"),
                    library + ": no reply_markup in the body")).get("inline_keyboard").get(0).get(0);
            same(library + " button text", Fixtures.BUTTON_TEXT, button.get("text").asText());
            same(library + " callback_data", Fixtures.BUTTON_DATA, button.get("callback_data").asText());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(library + ": reply_markup is not an inline keyboard: " + params, e);
        }
        return params;
    }

    private static Map<String, String> jsonParams(String library, byte[] body) {
        try {
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : MAPPER.readTree(body).properties()) {
                JsonNode v = e.getValue();
                params.put(e.getKey(), v.isTextual() ? v.textValue() : v.toString());
            }
            return params;
        } catch (IOException e) {
            throw new IllegalStateException(library + ": the body is not JSON: "
                    + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private static Map<String, String> formParams(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static void same(String what, Object expected, Object actual) {
        if (!Objects.equals(String.valueOf(expected), String.valueOf(actual))) {
            throw new IllegalStateException(what + ": expected " + expected + " but the library produced " + actual);
        }
    }
}
