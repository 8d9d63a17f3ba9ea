package dev.telescale.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.InputFile;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.GetMe;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.methods.SendPhoto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook server over real HTTP on loopback, with a recording sink instead of an Application. */
class WebhookServerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "s3cret_Token-1";
    private static final String UPDATE = "{\"update_id\":7,\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"hi\"}}";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<ApiMethod<?>> unsent = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private WebhookServer server;
    private RecordingSink sink;

    @BeforeEach
    void start() {
        server = WebhookServer.builder().port(0).build().start();
        sink = new RecordingSink();
        server.register(route("/hook", SECRET, sink, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        server.stop(Duration.ZERO);
        client.close();
    }

    private WebhookRoute route(String path, String secret, RecordingSink target, Duration replyWait) {
        return WebhookRoute.builder().path(path).secretToken(secret).sink(target).replyWait(replyWait)
                .maxBodyBytes(4096).unsentReplies(unsent::add).build();
    }

    private HttpResponse<String> post(String path, String contentType, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post("/hook", "application/json", SECRET, body);
    }

    @Test
    void aValidUpdateIsHandedToTheSinkAndAnsweredWithAnEmptyOk() throws Exception {
        HttpResponse<String> response = post(UPDATE);
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        assertEquals(7, sink.awaitCount(1, WAIT).getFirst().updateId());
        assertEquals("hi", sink.updates().getFirst().message().orElseThrow().text().orElseThrow());
    }

    @Test
    void aReplyTravelsInTheResponseBodyAsAMethodCall() throws Exception {
        sink.replyWith(update -> Optional.of(SendMessage.builder().chatId(42).text("echo: hi").build()));
        HttpResponse<String> response = post(UPDATE);
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode reply = TelegramJson.mapper().readTree(response.body());
        assertEquals("sendMessage", reply.get("method").asText());
        assertEquals(42, reply.get("chat_id").asLong());
        assertEquals("echo: hi", reply.get("text").asText());
        assertTrue(unsent.isEmpty());
    }

    @Test
    void aReplyWithoutParametersIsJustTheMethodName() throws Exception {
        sink.replyWith(update -> Optional.of(new GetMe()));
        assertEquals("{\"method\":\"getMe\"}", post(UPDATE).body());
    }

    @Test
    void aReplyThatUploadsFilesIsAnsweredEmptyAndHandedToUnsentReplies() throws Exception {
        SendPhoto photo = SendPhoto.builder().chatId(42)
                .photo(InputFile.of(new byte[] {1, 2, 3}, "p.jpg")).build();
        sink.replyWith(update -> Optional.of(photo));
        HttpResponse<String> response = post(UPDATE);
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        assertEquals(List.of(photo), unsent);
    }

    @Test
    void whenTheReplyWaitExpiresTheAnswerIsEmptyAndTheFutureCancelled() throws Exception {
        RecordingSink slow = new RecordingSink().neverReply();
        server.register(route("/slow", null, slow, Duration.ofMillis(50)));
        HttpResponse<String> response = post("/slow", "application/json", null, UPDATE);
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        CompletableFuture<Optional<ApiMethod<?>>> future = slow.futures().getFirst();
        assertTrue(future.isCancelled(), "the application learns to send a late reply as a normal call");
        assertFalse(future.complete(Optional.of(new GetMe())));
    }

    @Test
    void aFailedUpdateIsStillConfirmed() throws Exception {
        RecordingSink failing = new RecordingSink().neverReply();
        server.register(route("/failing", null, failing, Duration.ofSeconds(10)));
        CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/failing", "application/json", null, UPDATE);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        failing.awaitCount(1, WAIT);
        failing.futures().getFirst().completeExceptionally(new IllegalStateException("handler failed"));
        assertEquals(200, response.get().statusCode());
    }

    @Test
    void aSecretTokenThatIsMissingOrWrongIsForbidden() throws Exception {
        HttpResponse<String> missing = post("/hook", "application/json", null, UPDATE);
        assertEquals(403, missing.statusCode());
        assertEquals("Request did not include the secret token", missing.body());
        HttpResponse<String> wrong = post("/hook", "application/json", SECRET + "x", UPDATE);
        assertEquals(403, wrong.statusCode());
        assertEquals("Request had the wrong secret token", wrong.body());
        assertEquals(403, post("/hook", "application/json", "", UPDATE).statusCode());
        assertTrue(sink.updates().isEmpty());
    }

    @Test
    void onlyJsonContentTypesAreAccepted() throws Exception {
        assertEquals(403, post("/hook", null, SECRET, UPDATE).statusCode());
        assertEquals(403, post("/hook", "text/plain", SECRET, UPDATE).statusCode());
        assertEquals(403, post("/hook", "application/x-www-form-urlencoded", SECRET, UPDATE).statusCode());
        assertEquals(403, post("/hook", "application/json; charset=latin1", SECRET, UPDATE).statusCode());
        assertEquals(403, post("/hook", "application/jsonp", SECRET, UPDATE).statusCode());
        assertTrue(sink.updates().isEmpty());
        assertEquals(200, post("/hook", "application/json; charset=utf-8", SECRET, UPDATE).statusCode());
        assertEquals(200, post("/hook", "Application/JSON;charset=\"UTF-8\"", SECRET, UPDATE).statusCode());
        assertEquals(2, sink.updates().size());
    }

    @Test
    void invalidJsonAndNonUpdatesAreBadRequests() throws Exception {
        for (String body : List.of("{\"update_id\":", "not json", "", "[1,2]", "\"text\"", "{\"update_id\":\"x\"}",
                "{\"update_id\":1,\"message\":{\"message_id\":[[[[[[[[]]]]]]]]}}")) {
            HttpResponse<String> response = post(body);
            assertEquals(400, response.statusCode(), "body " + body + " -> " + response.body());
            assertTrue(response.body().startsWith("Update could not be processed"), response.body());
        }
        assertTrue(sink.updates().isEmpty());
    }

    @Test
    void theJsonLiteralNullIsAcceptedAndIgnored() throws Exception {
        assertEquals(200, post("null").statusCode());
        assertTrue(sink.updates().isEmpty());
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/hook")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, post("/other", "application/json", SECRET, UPDATE).statusCode());
        assertEquals(404, post("/hook/deeper", "application/json", SECRET, UPDATE).statusCode());
        assertEquals(200, post("/hook/", "application/json", SECRET, UPDATE).statusCode(), "trailing '/' is optional");
        assertEquals(200, post("/hook?x=1", "application/json", SECRET, UPDATE).statusCode());
    }

    @Test
    void theHealthEndpointAnswersOk() throws Exception {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals("ok", health.body());
        assertThrows(IllegalArgumentException.class, () -> server.register(route("/health", null, sink, WAIT)));
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        String big = "{\"update_id\":1,\"message\":{\"text\":\"" + "x".repeat(5000) + "\"}}";
        assertEquals(413, post(big).statusCode());
        // Without Content-Length (chunked) the limit holds while reading.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertEquals(413, client.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode());
        // A declared length far beyond the limit is refused before a byte of the body is sent.
        String head = "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "X-Telegram-Bot-Api-Secret-Token: " + SECRET + "\r\nContent-Length: 10000000000\r\n\r\n";
        assertTrue(rawExchange(head).startsWith("HTTP/1.1 413"));
        assertTrue(sink.updates().isEmpty());
        assertEquals(200, post(UPDATE).statusCode());
    }

    @Test
    void aRefusingSinkGets503SoTelegramRedelivers() throws Exception {
        sink.refusing(true);
        assertEquals(503, post(UPDATE).statusCode());
        RecordingSink refusing = new RecordingSink().refusing(true);
        server.register(route("/nowait", null, refusing, Duration.ZERO));
        assertEquals(503, post("/nowait", "application/json", null, UPDATE).statusCode());
    }

    @Test
    void replyWaitZeroSubmitsWithoutWaiting() throws Exception {
        RecordingSink plain = new RecordingSink().neverReply();
        server.register(route("/plain", null, plain, Duration.ZERO));
        assertEquals(200, post("/plain", "application/json", null, UPDATE).statusCode());
        assertEquals(1, plain.updates().size());
        assertTrue(plain.futures().isEmpty(), "submit, not submitForReply");
    }

    @Test
    void hostileClientsDoNotBlockOtherRequests() throws Exception {
        // Slowloris: half a request head, and a head promising a body that never comes.
        openRaw("POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: appl");
        openRaw("POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "X-Telegram-Bot-Api-Secret-Token: " + SECRET + "\r\nContent-Length: 500\r\n\r\n{\"update_id\":");
        // A flood of headers.
        StringBuilder flood = new StringBuilder("POST /hook HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 2000; i++) {
            flood.append("X-Flood-").append(i).append(": ").append("y".repeat(200)).append("\r\n");
        }
        flood.append("Content-Length: 2\r\n\r\n{}");
        String floodAnswer = rawExchange(flood.toString());
        assertFalse(floodAnswer.startsWith("HTTP/1.1 200"), floodAnswer);

        assertEquals(200, post(UPDATE).statusCode());
        assertEquals(1, sink.awaitCount(1, WAIT).size());
    }

    @Test
    void twoBotsShareTheServerOnDifferentPathsWithTheirOwnSecrets() throws Exception {
        RecordingSink other = new RecordingSink();
        server.register(route("bot-two/", "other_secret", other, Duration.ofSeconds(5)));
        assertEquals(200, post("/bot-two", "application/json", "other_secret", UPDATE).statusCode());
        assertEquals(403, post("/bot-two", "application/json", SECRET, UPDATE).statusCode());
        assertEquals(403, post("/hook", "application/json", "other_secret", UPDATE).statusCode());
        assertEquals(1, other.updates().size());
        assertTrue(sink.updates().isEmpty());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> server.register(route("/bot-two", "x", other, WAIT)));
        assertTrue(taken.getMessage().contains("already taken"), taken.getMessage());

        assertTrue(server.unregister("/bot-two", Duration.ofSeconds(1)));
        assertEquals(404, post("/bot-two", "application/json", "other_secret", UPDATE).statusCode());
        assertFalse(server.unregister("/bot-two", Duration.ofSeconds(1)));
    }

    @Test
    void unregisteringWaitsForRequestsInFlight() throws Exception {
        RecordingSink slow = new RecordingSink().neverReply();
        server.register(route("/inflight", null, slow, Duration.ofMillis(300)));
        CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/inflight", "application/json", null, UPDATE);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        slow.awaitCount(1, WAIT);
        assertTrue(server.unregister("/inflight", Duration.ofSeconds(10)), "no request left in flight");
        assertEquals(200, response.get().statusCode(), "the request in flight was answered, not cut off");
    }

    @Test
    void aSinkWithRoomTakesTheUpdateWithoutBlockingAndTheReplyStillTravels() throws Exception {
        RecordingSink fast = new RecordingSink().nonBlocking()
                .replyWith(update -> Optional.of(SendMessage.builder().chatId(42).text("fast").build()));
        server.register(route("/fast", null, fast, WAIT));
        HttpResponse<String> response = post("/fast", "application/json", null, UPDATE);
        assertEquals(200, response.statusCode());
        assertEquals("fast", TelegramJson.mapper().readTree(response.body()).get("text").asText());
        RecordingSink plain = new RecordingSink().nonBlocking();
        server.register(route("/fast-plain", null, plain, Duration.ZERO));
        assertEquals(200, post("/fast-plain", "application/json", null, UPDATE).statusCode());
        assertEquals(1, fast.tries());
        assertEquals(1, plain.tries());
        assertEquals(1, plain.updates().size());
        RecordingSink refusing = new RecordingSink().nonBlocking().refusing(true);
        server.register(route("/fast-refusing", null, refusing, WAIT));
        assertEquals(503, post("/fast-refusing", "application/json", null, UPDATE).statusCode());
    }

    @Test
    void theReplyWaitSweepCancelsOnlyExpiredFuturesAndKeepsRunning() throws Exception {
        // The first is answered as it is handed over: answering it from the test would race the 150 ms wait.
        RecordingSink slow = new RecordingSink().neverReply().answeringFirst(1)
                .replyWith(update -> Optional.of(new GetMe())).nonBlocking();
        server.register(route("/sweep", null, slow, Duration.ofMillis(150)));
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            responses.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post("/sweep", "application/json", null, UPDATE);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        slow.awaitCount(5, WAIT);
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertEquals(200, response.get(10, TimeUnit.SECONDS).statusCode());
        }
        // The one answered in time: its future was done, so the sweep left its answer alone.
        assertEquals(1, slow.futures().stream().filter(f -> f.isDone() && !f.isCancelled()).count());
        assertEquals(4, slow.futures().stream().filter(CompletableFuture::isCancelled).count());
        // After the sweep ran dry, a later request still gets its wait ended.
        assertEquals(200, post("/sweep", "application/json", null, UPDATE).statusCode());
        assertTrue(slow.futures().getLast().isCancelled());
    }

    @Test
    void routesAndOptionsNeverShowTheSecret() {
        WebhookRoute route = route("/x", "very_secret_value", sink, WAIT);
        assertFalse(route.toString().contains("very_secret_value"));
        assertEquals("/x", WebhookRoute.normalisePath("x//"));
        assertEquals("", WebhookRoute.normalisePath("/"));
        assertThrows(IllegalArgumentException.class, () -> route("/x", "", sink, WAIT));
        assertThrows(IllegalArgumentException.class, () -> route("/x", null, sink, Duration.ofSeconds(-1)));
        assertThrows(IllegalStateException.class, () -> WebhookServer.builder().port(0).build().port());
    }

    private Socket openRaw(String text) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        sockets.add(socket);
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Sends raw bytes and reads what comes back until the server closes or the head is complete. */
    private String rawExchange(String text) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(text.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // The server may close while the flood is still being written.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // A reset is an answer too.
            }
            return answer.toString(StandardCharsets.US_ASCII);
        }
    }
}
