package dev.telescale.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telescale.api.ApiObject;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.methods.SendPoll;
import dev.telescale.api.types.InputPollOption;
import dev.telescale.api.types.LinkPreviewOptions;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.ReplyParameters;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Defaults apply to defaultable fields left unset, never to fields set explicitly (even to null). */
class ParameterDefaultsTest {

    private static final LinkPreviewOptions DEFAULT_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

    /** Like the Bot's Defaults: a parse mode, silent messages and a disabled link preview merged field-wise. */
    private static final ParameterDefaults DEFAULTS = (owner, field) -> switch (field) {
        case "parse_mode", "quote_parse_mode", "question_parse_mode", "text_parse_mode" -> "HTML";
        case "disable_notification" -> Boolean.TRUE;
        case "link_preview_options" -> DEFAULT_PREVIEW;
        case "is_disabled" -> owner.equals("LinkPreviewOptions") ? Boolean.TRUE : null;
        default -> null;
    };

    private static String write(ApiObject o, ParameterDefaults defaults) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = TelegramJson.factory().createGenerator(out)) {
            o.writeTo(new ApiWriter(g, defaults));
        }
        return out.toString();
    }

    @Test
    void unsetDefaultableFieldsTakeTheDefault() throws IOException {
        SendMessage m = SendMessage.builder().chatId(1).text("t").build();
        assertEquals("{\"chat_id\":1,\"text\":\"t\",\"parse_mode\":\"HTML\",\"link_preview_options\":{\"is_disabled\":true},"
                + "\"disable_notification\":true}", write(m, DEFAULTS));
    }

    @Test
    void explicitValuesAndExplicitNullsWin() throws IOException {
        SendMessage m = SendMessage.builder().chatId(1).text("t").parseMode(null).disableNotification(false)
                .linkPreviewOptions(null).build();
        assertEquals("{\"chat_id\":1,\"text\":\"t\",\"disable_notification\":false}", write(m, DEFAULTS));
        SendMessage md = SendMessage.builder().chatId(1).text("t").parseMode("MarkdownV2").build();
        assertEquals("MarkdownV2", SpecTree.of(write(md, DEFAULTS)).get("parse_mode").asText());
    }

    @Test
    void linkPreviewOptionsAreMergedFieldByField() throws IOException {
        SendMessage withUrl = SendMessage.builder().chatId(1).text("t")
                .linkPreviewOptions(LinkPreviewOptions.builder().url("https://x").build()).build();
        assertEquals(SpecTree.of("{\"url\":\"https://x\",\"is_disabled\":true}"),
                SpecTree.of(write(withUrl, DEFAULTS)).get("link_preview_options"));
        SendMessage enabled = SendMessage.builder().chatId(1).text("t")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(false).build()).build();
        assertEquals("{\"is_disabled\":false}", SpecTree.of(write(enabled, DEFAULTS)).get("link_preview_options").toString());
    }

    @Test
    void nestedInputObjectsGetDefaultsToo() throws IOException {
        SendPoll poll = SendPoll.builder().chatId(1).question("q")
                .options(InputPollOption.builder().text("a").build(), InputPollOption.builder().text("b").build())
                .replyParameters(ReplyParameters.builder().messageId(3).build()).build();
        var json = SpecTree.of(write(poll, DEFAULTS));
        assertEquals("HTML", json.get("question_parse_mode").asText());
        assertEquals("HTML", json.get("options").get(0).get("text_parse_mode").asText());
        assertEquals("HTML", json.get("reply_parameters").get("quote_parse_mode").asText());
    }

    @Test
    void receivedObjectsAndWritersWithoutDefaultsAreUntouched() throws IOException {
        SendMessage m = SendMessage.builder().chatId(1).text("t").build();
        assertEquals("{\"chat_id\":1,\"text\":\"t\"}", write(m, null));
        Message received = TelegramJson.parse("{\"message_id\":1,\"date\":2,\"chat\":{\"id\":1,\"type\":\"private\"}}", Message.class);
        assertEquals("{\"message_id\":1,\"date\":2,\"chat\":{\"id\":1,\"type\":\"private\"}}", write(received, DEFAULTS));
    }

    @Test
    void parsedRequestsKeepExplicitNullsAsSet() throws IOException {
        SendMessage parsed = TelegramJson.parse("{\"chat_id\":1,\"text\":\"t\",\"parse_mode\":null}", SendMessage.class);
        assertEquals("{\"chat_id\":1,\"text\":\"t\",\"link_preview_options\":{\"is_disabled\":true},\"disable_notification\":true}",
                write(parsed, DEFAULTS));
    }

    /** Tiny JSON tree helper. */
    private static final class SpecTree {
        static com.fasterxml.jackson.databind.JsonNode of(String json) {
            return dev.telescale.api.SpecSamples.tree(json);
        }
    }
}
