package dev.telescale.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.ApiMethod;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.Update;
import dev.telescale.core.update.UpdateSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's idle timeout: slow or stalled clients lose their connection; a reply wait does not. */
class WebhookIdleTimeoutTest {

    private static final Duration IDLE = Duration.ofMillis(400);
    private static final String SECRET = "s3cret";
    private static final String UPDATE = "{\"update_id\":7,\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"hi\"}}";

    private WebhookServer server;
    private RecordingSink sink;

    @BeforeEach
    void start() {
        server = WebhookServer.builder().port(0).idleTimeout(IDLE).build().start();
        sink = new RecordingSink();
        server.register(WebhookRoute.builder().path("/hook").secretToken(SECRET).sink(sink).build());
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    @Test
    void aBodyAnnouncedButNeverSentIsAnsweredWithinTheIdleTimeout() throws IOException {
        long started = System.nanoTime();
        String answer = stall("POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "X-Telegram-Bot-Api-Secret-Token: " + SECRET + "\r\nContent-Length: 500\r\n\r\n{\"update_id\":");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(tookMillis < 5_000, "answered or closed after " + tookMillis + " ms");
        assertTrue(sink.updates().isEmpty());
        // The request no longer counts as in flight: removing the route does not wait for it.
        long unregister = System.nanoTime();
        assertTrue(server.unregister("/hook", Duration.ofSeconds(10)));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - unregister) < 2_000);
    }

    @Test
    void aHalfRequestHeadIsClosedWithinTheIdleTimeout() throws IOException {
        long started = System.nanoTime();
        String answer = stall("POST /hook HTTP/1.1\r\nHost: x\r\nContent-Ty");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), answer);
        assertTrue(tookMillis < 5_000, "closed after " + tookMillis + " ms");
    }

    @Test
    void aReplyWaitLongerThanTheIdleTimeoutStillGetsItsReply() throws Exception {
        UpdateSink late = new UpdateSink() {
            @Override
            public void submit(Object update) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletableFuture<Optional<ApiMethod<?>>> submitForReply(Update update) {
                return CompletableFuture.supplyAsync(() -> Optional.of(
                        SendMessage.builder().chatId(42).text("late").build()),
                        CompletableFuture.delayedExecutor(IDLE.toMillis() * 3, TimeUnit.MILLISECONDS));
            }
        };
        server.register(WebhookRoute.builder().path("/late").sink(late).replyWait(Duration.ofSeconds(10)).build());
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/late"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(UPDATE)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("\"text\":\"late\""), response.body());
        }
    }

    @Test
    void theIdleTimeoutIsPositiveAndDefaultsToThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), WebhookServer.builder().build().idleTimeout());
        assertEquals(IDLE, server.idleTimeout());
        assertThrows(IllegalArgumentException.class, () -> WebhookServer.builder().idleTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> WebhookServer.builder().idleTimeout(Duration.ofSeconds(-1)));
    }

    /** Sends the bytes, then waits for what the server answers until it closes the connection (or 20 s pass). */
    private String stall(String text) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // A reset is a close too.
            }
            return answer.toString(StandardCharsets.US_ASCII);
        }
    }
}
