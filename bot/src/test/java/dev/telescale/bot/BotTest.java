package dev.telescale.bot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.InputFile;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.errors.BadRequest;
import dev.telescale.api.errors.ChatMigrated;
import dev.telescale.api.errors.Conflict;
import dev.telescale.api.errors.Forbidden;
import dev.telescale.api.errors.InvalidResponse;
import dev.telescale.api.errors.NetworkError;
import dev.telescale.api.errors.NotFound;
import dev.telescale.api.errors.RetryAfter;
import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.api.errors.TimedOut;
import dev.telescale.api.errors.Unauthorized;
import dev.telescale.bot.FakeBotApi.Answer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Bot over real HTTP against a loopback stand-in of the Bot API. */
class BotTest {

    static final String TOKEN = "987654321:AAF-test_SECRET-token";

    FakeBotApi api;
    Bot bot;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        bot = newBot(Bot.builder());
    }

    final List<Bot> bots = new java.util.ArrayList<>();

    Bot newBot(Bot.Builder b) {
        return track(b.token(TOKEN).apiBaseUrl(api.baseUrl()).fileBaseUrl(api.baseUrl() + "/file").build());
    }

    Bot track(Bot b) {
        bots.add(b);
        return b;
    }

    @AfterEach
    void stop() {
        bots.forEach(Bot::shutdown);
        api.close();
    }

    static void assertNoToken(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String text = c.toString();
            assertFalse(String.valueOf(c.getMessage()).contains("SECRET"), "token in " + text);
            assertFalse(text.contains("SECRET"), "token in " + text);
        }
    }

    @Test
    void executePostsJsonToTheTokenPathAndReadsTheResult() {
        api.answer("sendMessage", Answer.json(200, "{\"ok\":true,\"result\":{\"message_id\":7}}"));
        JsonNode result = bot.execute(TestMethod.of("sendMessage", "chat_id", 42L, "text", "hi"));
        assertEquals(7, result.get("message_id").asInt());
        FakeBotApi.Call call = api.last();
        assertEquals("/bot" + TOKEN + "/sendMessage", call.path());
        assertEquals("application/json", call.contentType());
        assertEquals("{\"chat_id\":42,\"text\":\"hi\"}", call.text());
    }

    @Test
    void resultFieldsInAnyOrderAndUnknownTopLevelFieldsAreRead() {
        api.answer("getMe", Answer.json(200, "{\"extra\":[1,{\"a\":2}],\"result\":{\"id\":1},\"ok\":true}"));
        assertEquals(1, bot.execute(TestMethod.of("getMe")).get("id").asInt());
    }

    private TelegramApiException fail(String answer, int status) {
        api.answer("sendMessage", Answer.json(status, answer));
        TelegramApiException e = assertThrows(TelegramApiException.class,
                () -> bot.execute(TestMethod.of("sendMessage", "chat_id", 1L, "text", "x")));
        assertNoToken(e);
        assertEquals("sendMessage", e.method().orElseThrow());
        return e;
    }

    private static String error(int code, String description) {
        return "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\"}";
    }

    @Test
    void badRequestCarriesCleanedDescription() {
        TelegramApiException e = fail(error(400, "Bad Request: chat not found"), 400);
        assertInstanceOf(BadRequest.class, e);
        assertEquals("Chat not found (sendMessage, error 400)", e.getMessage());
        assertEquals(400, e.errorCode());
    }

    @Test
    void statusCodesMapToExceptions() {
        assertInstanceOf(Unauthorized.class, fail(error(401, "Unauthorized"), 401));
        assertInstanceOf(Forbidden.class, fail(error(403, "Forbidden: bot was blocked by the user"), 403));
        assertInstanceOf(NotFound.class, fail(error(404, "Not Found"), 404));
        Conflict c = assertInstanceOf(Conflict.class,
                fail(error(409, "Conflict: terminated by other getUpdates request"), 409));
        assertTrue(c.getMessage().contains("another getUpdates poller is running or a webhook is set"));
        NetworkError server = assertInstanceOf(NetworkError.class,
                fail(error(500, "Internal Server Error"), 500));
        assertEquals(500, server.errorCode());
    }

    @Test
    void retryAfterAndMigrationComeFromParameters() {
        RetryAfter r = assertInstanceOf(RetryAfter.class, fail("{\"ok\":false,\"error_code\":429,\"description\":"
                + "\"Too Many Requests: retry after 35\",\"parameters\":{\"retry_after\":35}}", 429));
        assertEquals(Duration.ofSeconds(35), r.retryAfter());
        ChatMigrated m = assertInstanceOf(ChatMigrated.class, fail("{\"ok\":false,\"error_code\":400,\"description\":"
                + "\"Bad Request: group chat was upgraded\",\"parameters\":{\"migrate_to_chat_id\":-100123}}", 400));
        assertEquals(-100123L, m.newChatId());
    }

    @Test
    void badGatewayWithAnHtmlPageIsANetworkError() {
        api.answer("sendMessage", new Answer(502, "text/html",
                "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8), 0));
        NetworkError e = assertThrows(NetworkError.class,
                () -> bot.execute(TestMethod.of("sendMessage", "chat_id", 1L)));
        assertEquals(502, e.errorCode());
        assertTrue(e.getMessage().contains("502"), e.getMessage());
    }

    @Test
    void nonJsonAndTruncatedJsonAreInvalidResponses() {
        InvalidResponse notJson = assertInstanceOf(InvalidResponse.class, fail("Hello, I am a captive portal", 200));
        assertTrue(notJson.getMessage().contains("not a JSON object"), notJson.getMessage());
        InvalidResponse cut = assertInstanceOf(InvalidResponse.class, fail("{\"ok\":true,\"result\":{\"message_", 200));
        assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
        assertInstanceOf(InvalidResponse.class, fail("{\"result\":true}", 200));
        assertInstanceOf(InvalidResponse.class, fail("{\"ok\":true}", 200));
        assertInstanceOf(InvalidResponse.class, fail("[1,2]", 200));
        assertInstanceOf(InvalidResponse.class, fail("", 200));
        assertInstanceOf(InvalidResponse.class, fail("{\"ok\":true,\"result\":1} trailing", 200));
    }

    @Test
    void truncatedBodyAndClosedConnectionsAreNetworkErrors() throws Exception {
        try (RawHttp raw = new RawHttp("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"ok\":true,\"res")) {
            Bot b = track(Bot.builder().token(TOKEN).apiBaseUrl(raw.url()).build());
            InvalidResponse e = assertThrows(InvalidResponse.class, () -> b.execute(TestMethod.of("getMe")));
            assertTrue(e.getMessage().contains("of 100 body bytes"), e.getMessage());
            assertNoToken(e);
        }
        try (RawHttp raw = new RawHttp(null)) {
            Bot b = track(Bot.builder().token(TOKEN).apiBaseUrl(raw.url()).build());
            NetworkError e = assertThrows(NetworkError.class, () -> b.execute(TestMethod.of("getMe")));
            assertTrue(e.getMessage().contains("closed the connection"), e.getMessage());
            assertTrue(e.requestSent());
            assertNoToken(e);
        }
    }

    @Test
    void readTimeoutIsTimedOut() throws Exception {
        api.answer("sendMessage", Answer.json(200, "{\"ok\":true,\"result\":true}").delayed(1500));
        {
            Bot b = newBot(Bot.builder().readTimeout(Duration.ofMillis(300)));
            TimedOut e = assertThrows(TimedOut.class, () -> b.execute(TestMethod.of("sendMessage")));
            assertTrue(e.requestSent());
            assertNoToken(e);
        }
    }

    @Test
    void getUpdatesReadTimeoutIncludesThePollTimeout() throws Exception {
        api.answer("getUpdates", Answer.json(200, "{\"ok\":true,\"result\":[]}").delayed(1200));
        {
            Bot b = newBot(Bot.builder().readTimeout(Duration.ofMillis(300))
                    .getUpdatesReadTimeout(Duration.ofMillis(300)));
            assertTrue(b.execute(TestMethod.of("getUpdates", "offset", 5L, "timeout", 2L)).isEmpty());
            assertThrows(TimedOut.class, () -> b.execute(TestMethod.of("getUpdates", "timeout", 0L)));
        }
    }

    @Test
    void aPendingLongPollDoesNotDelaySends() throws Exception {
        // The poll is answered only after the sends are done: sends queued behind it would never finish.
        CountDownLatch sendsDone = new CountDownLatch(1);
        api.answer("getUpdates", Answer.json(200, "{\"ok\":true,\"result\":[]}").heldUntil(sendsDone));
        CompletableFuture<JsonNode> poll = bot.executeAsync(TestMethod.of("getUpdates", "timeout", 10L));
        Instant deadline = Instant.now().plusSeconds(30);
        while (api.calls.stream().noneMatch(c -> c.method().equals("getUpdates"))) {
            assertTrue(Instant.now().isBefore(deadline), "the poll never reached the server");
            Thread.sleep(5);
        }
        CompletableFuture<Void> sends = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 5; i++) {
                bot.execute(TestMethod.of("sendMessage", "chat_id", 1L, "text", "x"));
            }
        });
        sends.get(30, TimeUnit.SECONDS);
        assertFalse(poll.isDone(), "the sends completed while the poll was still pending");
        sendsDone.countDown();
        assertTrue(poll.get(30, TimeUnit.SECONDS).isArray());
    }

    @Test
    void uploadsByPathBytesAndStreamAreMultipartWithRawStringsAndJsonValues(@TempDir Path dir) throws Exception {
        byte[] photo = new byte[300_000];
        new Random(3).nextBytes(photo);
        Path file = dir.resolve("cat.jpg");
        Files.write(file, photo);
        List<InputFile> sources = List.of(InputFile.of(file), InputFile.of(photo, "cat.jpg"),
                InputFile.of(new ByteArrayInputStream(photo), "cat.jpg"));
        for (InputFile source : sources) {
            bot.execute(TestMethod.of("sendPhoto", "chat_id", 42L, "caption", "a \"cat\"", "photo", source,
                    "reply_markup", TelegramJson.mapper().readTree("{\"remove_keyboard\":true}")));
            FakeBotApi.Call call = api.last();
            assertTrue(call.contentType().startsWith("multipart/form-data; boundary="), call.contentType());
            Map<String, FakeBotApi.Part> parts = call.parts();
            assertEquals("42", parts.get("chat_id").text());
            assertEquals("a \"cat\"", parts.get("caption").text(), "strings are sent raw, not as JSON");
            assertEquals("{\"remove_keyboard\":true}", parts.get("reply_markup").text(), "objects as JSON text");
            assertEquals("cat.jpg", parts.get("photo").filename());
            assertArrayEquals(photo, parts.get("photo").content(), source.toString());
        }
    }

    @Test
    void mediaGroupUploadsGoAsAttachParts() {
        byte[] a = "first".getBytes(StandardCharsets.UTF_8);
        byte[] b = "second".getBytes(StandardCharsets.UTF_8);
        bot.execute(TestMethod.of("sendMediaGroup", "chat_id", 42L, "media", List.of(
                new TestMedia("photo", InputFile.of(a, "a.png"), "one"),
                new TestMedia("photo", InputFile.fileId("AgADexisting"), null),
                new TestMedia("photo", InputFile.of(b, "b.png"), null))));
        Map<String, FakeBotApi.Part> parts = api.last().parts();
        JsonNode media = TelegramJson.parse(parts.get("media").text(), JsonNode.class);
        String first = media.get(0).get("media").asText();
        String third = media.get(2).get("media").asText();
        assertTrue(first.startsWith("attach://"), first);
        assertEquals("AgADexisting", media.get(1).get("media").asText());
        assertArrayEquals(a, parts.get(first.substring(9)).content());
        assertArrayEquals(b, parts.get(third.substring(9)).content());
        assertEquals("b.png", parts.get(third.substring(9)).filename());
    }

    @Test
    void aMissingUploadFileIsReportedBeforeSending(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bot.execute(
                TestMethod.of("sendDocument", "chat_id", 1L, "document", InputFile.of(dir.resolve("nope.pdf")))));
        assertTrue(e.getMessage().contains("nope.pdf"), e.getMessage());
        assertTrue(api.calls.isEmpty());
    }

    @Test
    void aStreamUploadCannotBeSentTwice() {
        InputFile once = InputFile.of(new ByteArrayInputStream(new byte[] {1}), "x.bin");
        TestMethod m = TestMethod.of("sendDocument", "chat_id", 1L, "document", once);
        bot.execute(m);
        RuntimeException e = assertThrows(RuntimeException.class, () -> bot.execute(m));
        assertTrue(e.getMessage().contains("already sent"), e.getMessage());
    }

    @Test
    void defaultsFillOnlyUnsetParameters() throws Exception {
        Defaults d = Defaults.builder().parseMode("HTML").disableNotification(true).protectContent(false).build();
        {
            Bot b = newBot(Bot.builder().defaults(d));
            b.execute(TestMethod.of("sendMessage", "text", "x").unset("parse_mode", "disable_notification"));
            JsonNode sent = TelegramJson.parse(api.last().text(), JsonNode.class);
            assertEquals("HTML", sent.get("parse_mode").asText());
            assertTrue(sent.get("disable_notification").asBoolean());
            assertNull(sent.get("protect_content"), "not unset by the caller: no default written");

            b.execute(TestMethod.of("sendMessage", "text", "x", "parse_mode", null).unset("disable_notification"));
            sent = TelegramJson.parse(api.last().text(), JsonNode.class);
            assertTrue(sent.get("parse_mode").isNull(), "explicit null means none, not the default");

            b.execute(TestMethod.of("sendMessage", "text", "x", "parse_mode", "MarkdownV2"));
            assertEquals("MarkdownV2", TelegramJson.parse(api.last().text(), JsonNode.class).get("parse_mode")
                    .asText());

            b.execute(TestMethod.of("sendMediaGroup", "chat_id", 1L, "media",
                    List.of(new TestMedia("photo", InputFile.fileId("id"), "c"))).unset("disable_notification"));
            sent = TelegramJson.parse(api.last().text(), JsonNode.class);
            assertEquals("HTML", sent.get("media").get(0).get("parse_mode").asText(), "defaults reach nested media");
        }
        assertEquals(d, Defaults.builder().parseMode("HTML").disableNotification(true).protectContent(false).build());
        assertEquals(java.time.ZoneOffset.UTC, d.timeZone());
        assertEquals("HTML", d.valueFor("SendPoll", "question_parse_mode"));
        assertNull(d.valueFor("SendMessage", "chat_id"));
    }

    @Test
    void downloadsStreamBytesAndFiles(@TempDir Path dir) throws Exception {
        byte[] content = new byte[123_456];
        new Random(4).nextBytes(content);
        api.file("documents/file_1.pdf", content);
        dev.telescale.api.types.File f = file("documents/file_1.pdf");
        assertArrayEquals(content, bot.downloadFileBytes(f));
        try (InputStream in = bot.openFile(f)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        Path target = dir.resolve("out.pdf");
        assertEquals(target, bot.downloadFile(f, target));
        assertArrayEquals(content, Files.readAllBytes(target));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file left behind");
        }
        assertEquals("/file/bot" + TOKEN + "/documents/file_1.pdf", api.last().path());
    }

    @Test
    void missingDownloadIsNotFoundWithoutToken() {
        TelegramApiException e = assertThrows(NotFound.class, () -> bot.downloadFileBytes(file("nope/x.jpg")));
        assertNoToken(e);
        IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class,
                () -> bot.downloadFileBytes(file(null)));
        assertTrue(noPath.getMessage().contains("getFile"), noPath.getMessage());
    }

    @Test
    void localModeReadsFilePathsFromDisk(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("photo.jpg");
        Files.write(local, new byte[] {9, 8, 7});
        {
            Bot b = newBot(Bot.builder().localMode(true));
            assertArrayEquals(new byte[] {9, 8, 7}, b.downloadFileBytes(file(local.toString())));
            assertTrue(b.localMode());
        }
        assertTrue(api.calls.isEmpty());
    }

    @Test
    void executeAsyncRunsOnAVirtualThreadAndFailsLikeExecute() throws Exception {
        api.answer("getChat", Answer.json(400, error(400, "Bad Request: chat not found")));
        assertEquals(true, bot.executeAsync(TestMethod.of("sendMessage")).get(5, TimeUnit.SECONDS).asBoolean());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> bot.executeAsync(TestMethod.of("getChat")).get(5, TimeUnit.SECONDS));
        assertInstanceOf(BadRequest.class, e.getCause());
        bot.shutdown();
        assertThrows(IllegalStateException.class, () -> bot.execute(TestMethod.of("getMe")));
        ExecutionException closed = assertThrows(ExecutionException.class,
                () -> bot.executeAsync(TestMethod.of("getMe")).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, closed.getCause());
    }

    @Test
    void builderValidatesWithoutShowingTheToken() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> Bot.builder().build());
        assertTrue(none.getMessage().contains("token"));
        for (String bad : List.of("", "abc", "123456", "123456:", "12a:xyz", "123:abc def", "123:abc/def")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Bot.builder().token(bad));
            if (!bad.isEmpty()) {
                assertFalse(e.getMessage().contains(bad), e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Bot.builder().apiBaseUrl("ftp://x"));
        assertThrows(IllegalStateException.class, () -> Bot.builder().token(TOKEN)
                .transport(dev.telescale.bot.transport.SocketTransport.create()).poolSize(3).build());
        assertThrows(IllegalArgumentException.class, () -> Bot.builder().token(TOKEN).readTimeout(Duration.ZERO)
                .build());
        assertFalse(Bot.builder().token(TOKEN).toString().contains(TOKEN));
    }

    @Test
    void toStringShowsTheBotIdOnly() {
        assertEquals("Bot[id=987654321]", bot.toString());
        assertEquals(987654321L, bot.id());
    }

    @Test
    void unknownMethodNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> bot.execute(TestMethod.of("../etc")));
    }

    static dev.telescale.api.types.File file(String path) {
        return TelegramJson.parse(path == null ? "{\"file_id\":\"F\",\"file_unique_id\":\"U\"}"
                : "{\"file_id\":\"F\",\"file_unique_id\":\"U\",\"file_path\":" + TelegramJson.mapper().valueToTree(path)
                + "}", dev.telescale.api.types.File.class);
    }
}
