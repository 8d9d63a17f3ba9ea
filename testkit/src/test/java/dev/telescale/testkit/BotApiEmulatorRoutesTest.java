package dev.telescale.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BotApiEmulatorRoutesTest {

    private BotApiEmulator emulator;
    private TestApi api;
    private EmulatedBot bot;

    @BeforeEach
    void start() {
        emulator = TestApi.startEmulator();
        api = new TestApi(emulator);
        bot = emulator.createBot("EchoBot");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void getMeAnswersTheBotUserInTelegramsEnvelope() {
        TestApi.Answer answer = api.get(bot.token(), "getMe");
        assertEquals(200, answer.status());
        JsonNode json = answer.json();
        assertTrue(json.get("ok").asBoolean());
        assertEquals(bot.id(), json.at("/result/id").asLong());
        assertTrue(json.at("/result/is_bot").asBoolean());
        assertEquals("EchoBot", json.at("/result/username").asText());
        assertTrue(bot.token().startsWith(bot.id() + ":"));
    }

    @Test
    void apiBaseUrlIsLoopbackAndTokenIsNotInToString() {
        assertTrue(emulator.apiBaseUrl().startsWith("http://127.0.0.1:"), emulator.apiBaseUrl());
        assertTrue(emulator.apiBaseUrl().matches("http://127\\.0\\.0\\.1:\\d+"));
        assertTrue(emulator.fileBaseUrl().endsWith(":" + emulator.port() + "/file"));
        assertFalse(bot.toString().contains(bot.token().substring(bot.token().indexOf(':') + 1)));
    }

    @Test
    void unknownTokenAnswers401LikeTelegram() {
        TestApi.Answer answer = api.get("123:nope", "getMe");
        assertEquals(401, answer.status());
        assertEquals("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}", answer.body());
    }

    @Test
    void unknownMethodAnswers404LikeTelegram() {
        TestApi.Answer answer = api.postJson(bot.token(), "sendTelepathy", "{}");
        assertEquals(404, answer.status());
        assertEquals("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}", answer.body());
        assertEquals(404, api.get(bot.token(), "").status());
        assertEquals(404, api.getPath("").statusCode());
        assertEquals(404, api.getPath("somewhere/else").statusCode());
    }

    @Test
    void methodNamesAreMatchedIgnoringCase() {
        assertEquals(200, api.get(bot.token(), "GETME").status());
        assertEquals("getMe", emulator.awaitCall("getMe", Duration.ofSeconds(1)).method());
    }

    @Test
    void queryParametersWorkForGetRequests() {
        emulator.user("alice").sendText(bot, "hi");
        TestApi.Answer answer = api.get(bot.token(), "getUpdates?limit=1&timeout=0");
        assertEquals(1, answer.json().get("result").size());
        assertEquals("1", emulator.awaitCall("getUpdates", Duration.ofSeconds(1)).string("limit"));
    }

    @Test
    void formEncodedCallsWork() {
        EmulatedUser alice = emulator.user("alice");
        alice.sendText(bot, "hi");
        TestApi.Answer answer = api.postForm(bot.token(), "sendMessage", "chat_id=" + alice.id()
                + "&text=hello+there&reply_markup=%7B%22inline_keyboard%22%3A%5B%5B%7B%22text%22%3A%22a%22%2C%22callback_data%22%3A%22x%22%7D%5D%5D%7D");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("hello there", answer.json().at("/result/text").asText());
        assertEquals("x", answer.json().at("/result/reply_markup/inline_keyboard/0/0/callback_data").asText());
    }

    @Test
    void booleanMethodsThatAreNotSimulatedAnswerTrue() {
        TestApi.Answer answer = api.postJson(bot.token(), "setChatTitle", "{\"chat_id\":1,\"title\":\"x\"}");
        assertEquals("{\"ok\":true,\"result\":true}", answer.body());
    }

    @Test
    void otherUnsimulatedMethodsExplainHowToStubThem() {
        TestApi.Answer answer = api.postJson(bot.token(), "getStarTransactions", "{}");
        assertEquals(400, answer.status());
        assertTrue(answer.description().contains("emulator.respond(\"getStarTransactions\""), answer.description());
    }

    @Test
    void cannedResponsesAnswerAsRegistered() {
        emulator.respond("getStarTransactions", "{\"transactions\":[]}");
        assertEquals("{\"ok\":true,\"result\":{\"transactions\":[]}}",
                api.postJson(bot.token(), "getStarTransactions", "{}").body());
        emulator.respond("exportChatInviteLink", TextNode.valueOf("https://t.me/+abc"));
        assertEquals("https://t.me/+abc", api.call(bot.token(), "exportChatInviteLink", "{\"chat_id\":1}").asText());
        emulator.respond("getMe", call -> {
            throw BotApiError.forbidden("bot was blocked by the user");
        });
        TestApi.Answer blocked = api.get(bot.token(), "getMe");
        assertEquals(403, blocked.status());
        assertEquals("Forbidden: bot was blocked by the user", blocked.description());
    }

    @Test
    void stubbingAMethodThatDoesNotExistFailsClearly() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> emulator.respond("sendTelepathy", "true"));
        assertTrue(error.getMessage().contains("sendTelepathy"));
    }

    @Test
    void malformedJsonGetsA400AndTheServerStaysUp() {
        TestApi.Answer answer = api.postJson(bot.token(), "sendMessage", "{\"chat_id\": ");
        assertEquals(400, answer.status());
        assertTrue(answer.description().startsWith("Bad Request: can't parse JSON body"), answer.description());
        assertEquals(200, api.get(bot.token(), "getMe").status());
    }

    @Test
    void unknownContentTypeGetsA400() {
        TestApi.Answer answer = api.post(bot.token(), "getMe", "text/csv", "a,b".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, answer.status());
        assertTrue(answer.description().contains("unsupported Content-Type 'text/csv'"));
    }

    @Test
    void oversizedBodyGets413AndTheServerStaysUp() {
        try (BotApiEmulator small = TestApi.builder()
                .limits(new dev.telescale.testkit.http.HttpLimits(1000, 8192, 100, 60_000)).start()) {
            TestApi smallApi = new TestApi(small);
            EmulatedBot smallBot = small.createBot("Small");
            TestApi.Answer answer = smallApi.postJson(smallBot.token(), "sendMessage",
                    "{\"text\":\"" + "x".repeat(2000) + "\"}");
            assertEquals(413, answer.status());
            assertEquals(413, answer.json().get("error_code").asInt());
            assertEquals(200, smallApi.get(smallBot.token(), "getMe").status());
        }
    }

    @Test
    void uploadedFilesAreStoredAndDownloadable() throws Exception {
        EmulatedUser alice = emulator.user("alice");
        byte[] content = "report contents".getBytes(StandardCharsets.UTF_8);
        String boundary = "----telescale";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n" + alice.id()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nQ3"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"report.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + new String(content, StandardCharsets.UTF_8)
                + "\r\n--" + boundary + "--\r\n";
        TestApi.Answer sent = api.post(bot.token(), "sendDocument", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, sent.status(), sent.body());
        JsonNode document = sent.json().at("/result/document");
        assertEquals("report.txt", document.get("file_name").asText());
        assertEquals("text/plain", document.get("mime_type").asText());
        assertEquals("Q3", sent.json().at("/result/caption").asText());

        RecordedCall call = emulator.awaitCall("sendDocument", Duration.ofSeconds(1));
        assertArrayEquals(content, call.files().get("document").bytes());

        JsonNode file = api.call(bot.token(), "getFile", "{\"file_id\":\"" + document.get("file_id").asText() + "\"}");
        var download = api.getPath("file/bot" + bot.token() + "/" + file.get("file_path").asText());
        assertEquals(200, download.statusCode());
        assertArrayEquals(content, download.body());
        assertEquals(404, api.getPath("file/bot" + bot.token() + "/documents/missing.txt").statusCode());
        assertEquals(401, api.getPath("file/bot1:bad/" + file.get("file_path").asText()).statusCode());
    }

    @Test
    void registeredFilesCanBeSentByFileIdAndDownloaded() {
        StoredFile file = emulator.registerFile(new byte[] {1, 2, 3}, "cat.jpg", "image/jpeg");
        EmulatedUser alice = emulator.user("alice");
        JsonNode photo = api.call(bot.token(), "sendPhoto",
                "{\"chat_id\":" + alice.id() + ",\"photo\":\"" + file.fileId() + "\"}");
        assertEquals(file.fileId(), photo.at("/photo/0/file_id").asText());
        assertArrayEquals(new byte[] {1, 2, 3}, api.getPath("file/bot" + bot.token() + "/" + file.filePath()).body());
        TestApi.Answer unknown = api.postJson(bot.token(), "sendPhoto",
                "{\"chat_id\":" + alice.id() + ",\"photo\":\"no-such-id\"}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.description().contains("wrong file identifier"));
    }

    @Test
    void otherHttpMethodsGet405() throws Exception {
        var response = api.client().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(emulator.apiBaseUrl() + "/bot" + bot.token() + "/getMe"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
    }

    @Test
    void everyMethodOfTheSpecIsKnown() {
        assertEquals(180, dev.telescale.testkit.spec.BotApiSpec.load().methodCount());
    }
}
