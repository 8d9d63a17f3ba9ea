package dev.telescale.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.SendDocument;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import dev.telescale.api.types.WebhookInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON the emulator produces parses as the api's generated types, and recorded calls as typed requests. */
class TypedApiCompatibilityTest {

    private BotApiEmulator emulator;
    private TestApi api;
    private EmulatedBot bot;
    private EmulatedUser alice;

    @BeforeEach
    void start() {
        emulator = TestApi.startEmulator();
        api = new TestApi(emulator);
        bot = emulator.createBot("TypedBot");
        alice = emulator.user("alice");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void updatesMessagesAndBotInfoParseAsTypedObjects() {
        alice.sendCommand(bot, "/start", null);
        JsonNode sent = api.call(bot.token(), "sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"hi\","
                + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Go\",\"callback_data\":\"go\"}]]}}");
        alice.pressButton(sent, "go");
        for (JsonNode update : api.call(bot.token(), "getUpdates", "{}")) {
            Update typed = TelegramJson.parse(update.toString(), Update.class);
            assertEquals(update.get("update_id").asLong(), typed.updateId());
        }
        Message message = TelegramJson.parse(sent.toString(), Message.class);
        assertEquals("hi", message.text().orElseThrow());
        assertEquals(bot.id(), TelegramJson.parse(api.call(bot.token(), "getMe", "{}").toString(), User.class).id());
        TelegramJson.parse(api.call(bot.token(), "getWebhookInfo", "{}").toString(), WebhookInfo.class);
    }

    @Test
    void everySimulatedSendMethodProducesAValidMessage() {
        String chat = "\"chat_id\":" + alice.id();
        String[][] calls = {
            {"sendPhoto", "\"photo\":\"https://e.org/p.jpg\",\"caption\":\"c\""},
            {"sendAudio", "\"audio\":\"https://e.org/a.mp3\""},
            {"sendDocument", "\"document\":\"https://e.org/d.pdf\""},
            {"sendVideo", "\"video\":\"https://e.org/v.mp4\""},
            {"sendAnimation", "\"animation\":\"https://e.org/a.gif\""},
            {"sendVoice", "\"voice\":\"https://e.org/v.ogg\""},
            {"sendVideoNote", "\"video_note\":\"https://e.org/n.mp4\""},
            {"sendSticker", "\"sticker\":\"https://e.org/s.webp\""},
            {"sendLocation", "\"latitude\":1.5,\"longitude\":2.5"},
            {"sendVenue", "\"latitude\":1.5,\"longitude\":2.5,\"title\":\"t\",\"address\":\"a\""},
            {"sendContact", "\"phone_number\":\"+1\",\"first_name\":\"A\""},
            {"sendPoll", "\"question\":\"Q\",\"options\":[{\"text\":\"a\"},{\"text\":\"b\"}]"},
            {"sendDice", "\"emoji\":\"\uD83C\uDFAF\""},
            {"sendGame", "\"game_short_name\":\"g\""},
            {"sendInvoice", "\"title\":\"t\",\"description\":\"d\",\"payload\":\"p\",\"currency\":\"XTR\","
                    + "\"prices\":[{\"label\":\"x\",\"amount\":5}]"},
        };
        for (String[] call : calls) {
            JsonNode result = api.call(bot.token(), call[0], "{" + chat + "," + call[1] + "}");
            Message message = TelegramJson.parse(result.toString(), Message.class);
            assertEquals(result.get("message_id").asLong(), message.messageId(), call[0]);
        }
    }

    @Test
    void recordedCallsConvertToTypedRequestsIncludingUploads() {
        api.call(bot.token(), "sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"typed\"}");
        SendMessage request = emulator.awaitCall("sendMessage", Duration.ofSeconds(1)).as(SendMessage.class);
        assertEquals("typed", request.text());

        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n" + alice.id()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"x.bin\"\r\n\r\n"
                + "abc\r\n--" + boundary + "--\r\n";
        api.post(bot.token(), "sendDocument", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
        SendDocument document = emulator.awaitCall("sendDocument", Duration.ofSeconds(1)).as(SendDocument.class);
        assertTrue(document.document() instanceof dev.telescale.api.InputFile.Upload upload
                && upload.filename().equals("x.bin"), document.document().toString());
    }
}
