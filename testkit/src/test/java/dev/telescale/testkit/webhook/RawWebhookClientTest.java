package dev.telescale.testkit.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.TestApi;
import dev.telescale.testkit.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's own webhook HTTP client against a raw-socket receiver that controls the wire: keep-alive reuse,
 * the request head, chunked and close-framed answers, a receiver closing kept-alive connections, retries.
 */
class RawWebhookClientTest {

    private BotApiEmulator emulator;
    private TestApi api;
    private EmulatedBot bot;
    private EmulatedUser alice;
    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    /** The raw answer to the n-th request (0-based) overall; null closes the connection without answering. */
    private volatile IntFunction<String> answer = n -> "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    /** Close each connection after this many answers. */
    private volatile int answersPerConnection = Integer.MAX_VALUE;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        emulator = TestApi.builder().webhookRetryDelay(Duration.ofMillis(10), Duration.ofMillis(50)).start();
        api = new TestApi(emulator);
        bot = emulator.createBot("RawHookBot");
        alice = emulator.user("alice");
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        emulator.close();
        server.close();
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int served = 0; served < answersPerConnection; served++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                int n = requests.getAndIncrement();
                String reply = answer.apply(n);
                if (reply == null) {
                    return;
                }
                if (reply.startsWith("HTTP/1.1 2")) {
                    heads.add(head);
                    bodies.add(Json.MAPPER.readTree(body));
                }
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // the emulator closed the connection
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/hook/path?x=1";
    }

    private void awaitBodies(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bodies.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, bodies.size(), "updates received");
    }

    @Test
    void reusesOneKeptAliveConnectionAndSendsThePrecomputedHead() throws Exception {
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + url() + "\",\"secret_token\":\"tok\",\"max_connections\":1}");
        for (int i = 0; i < 20; i++) {
            alice.sendText(bot, "m" + i);
        }
        awaitBodies(20);
        assertEquals(1, connections.get(), "one kept-alive connection for max_connections 1");
        String head = heads.getFirst();
        assertTrue(head.startsWith("POST /hook/path?x=1 HTTP/1.1\r\n"), head);
        assertTrue(head.contains("\r\nHost: 127.0.0.1:" + server.getLocalPort() + "\r\n"), head);
        assertTrue(head.contains("\r\nX-Telegram-Bot-Api-Secret-Token: tok\r\n"), head);
        assertTrue(head.contains("\r\nContent-Type: application/json\r\n"), head);
        for (int i = 0; i < 20; i++) {
            assertEquals("m" + i, bodies.get(i).at("/message/text").asText());
            assertTrue(bodies.get(i).get("update_id").asLong() > 0);
        }
    }

    @Test
    void opensAtMostMaxConnections() throws Exception {
        answer = n -> {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        };
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + url() + "\",\"max_connections\":3}");
        List<EmulatedUser> users = List.of(alice, emulator.user("bob"), emulator.user("carol"), emulator.user("dave"),
                emulator.user("erin"));
        for (int i = 0; i < 6; i++) {
            for (EmulatedUser user : users) {
                user.sendText(bot, "x" + i);
            }
        }
        awaitBodies(30);
        assertTrue(connections.get() <= 3, "connections opened: " + connections.get());
    }

    @Test
    void replacesAConnectionTheReceiverClosedAndReadsChunkedAndCloseFramedReplies() throws Exception {
        answersPerConnection = 1;      // every connection is closed by the receiver after one answer
        answer = n -> switch (n % 3) {
            case 0 -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                    + "f\r\n{\"method\":\"send\r\n" + Integer.toHexString(("Message\",\"chat_id\":" + alice.id()
                    + ",\"text\":\"chunked\"}").length()) + "\r\nMessage\",\"chat_id\":" + alice.id()
                    + ",\"text\":\"chunked\"}\r\n0\r\n\r\n";
            case 1 -> "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{\"method\":\"sendMessage\",\"chat_id\":"
                    + alice.id() + ",\"text\":\"until close\"}";
            default -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
        };
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + url() + "\",\"max_connections\":1}");
        for (int i = 0; i < 6; i++) {
            alice.sendText(bot, "c" + i);
        }
        awaitBodies(6);
        for (int i = 0; i < 6; i++) {
            assertEquals("c" + i, bodies.get(i).at("/message/text").asText(), "in order, none lost");
        }
        assertEquals("chunked", emulator.awaitCall("sendMessage", Duration.ofSeconds(5)).text());
        assertEquals("until close", emulator.awaitCall("sendMessage", Duration.ofSeconds(5)).text());
        assertEquals(0, api.call(bot.token(), "getWebhookInfo", "{}").get("pending_update_count").asInt());
    }

    @Test
    void retriesAfterErrorsAndDroppedConnections() throws Exception {
        answer = n -> switch (n) {
            case 0 -> null;                                                      // dropped without answering
            case 1 -> "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 3\r\n\r\nbad";
            default -> "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        };
        api.call(bot.token(), "setWebhook", "{\"url\":\"" + url() + "\"}");
        alice.sendText(bot, "persist");
        awaitBodies(1);
        assertEquals("persist", bodies.getFirst().at("/message/text").asText());
        assertTrue(requests.get() >= 3, "attempts: " + requests.get());
        JsonNode info = api.call(bot.token(), "getWebhookInfo", "{}");
        assertEquals("Wrong response from the webhook: 502", info.get("last_error_message").asText());
        assertEquals(0, info.get("pending_update_count").asInt());
    }
}
