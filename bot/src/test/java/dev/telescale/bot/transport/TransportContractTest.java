package dev.telescale.bot.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link Transport} must have, run against real loopback servers. Subclasses supply the transport.
 */
abstract class TransportContractTest {

    static final String TOKEN = "123456:AAH-secret_TOKEN-value";
    static final Timeouts FAST = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofMillis(200));

    Transport transport;
    HttpServer http;

    abstract Transport create(int poolSize);

    @AfterEach
    void tearDown() {
        if (transport != null) {
            transport.close();
        }
        if (http != null) {
            http.stop(0);
        }
    }

    static Endpoint endpoint(int port, String method) {
        return Endpoint.of("http://127.0.0.1:" + port + "/bot" + TOKEN + "/" + method, method, TOKEN);
    }

    static RequestBody json(String s) {
        return RequestBody.of("application/json", s.getBytes(StandardCharsets.UTF_8));
    }

    static void assertNoToken(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertFalse(String.valueOf(c.getMessage()).contains(TOKEN), "token in message: " + c);
            assertFalse(c.toString().contains(TOKEN), "token in toString: " + c);
            assertFalse(String.valueOf(c.getMessage()).contains("secret_TOKEN"), "token part in message: " + c);
        }
    }

    private int startHttp(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", handler);
        http.start();
        return http.getAddress().getPort();
    }

    @Test
    void postSendsBodyWithContentTypeAndReturnsStatusAndBody() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        int port = startHttp(ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.set(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " "
                    + ex.getRequestHeaders().getFirst("Content-Type") + " " + body);
            byte[] out = "{\"ok\":true,\"result\":42}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        transport = create(4);
        TransportResponse r = transport.post(endpoint(port, "sendMessage"), json("{\"chat_id\":1}"), FAST, Lane.API);
        assertEquals(200, r.status());
        assertEquals("{\"ok\":true,\"result\":42}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("POST /bot" + TOKEN + "/sendMessage application/json {\"chat_id\":1}", seen.get());
    }

    @Test
    void errorStatusesAreResponsesNotExceptions() throws Exception {
        int port = startHttp(ex -> {
            byte[] out = "{\"ok\":false,\"error_code\":400}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(400, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        transport = create(4);
        TransportResponse r = transport.post(endpoint(port, "sendMessage"), json("{}"), FAST, Lane.API);
        assertEquals(400, r.status());
    }

    @Test
    void chunkedResponseIsReassembled() throws Exception {
        int port = startHttp(ex -> {
            ex.sendResponseHeaders(200, 0); // 0 = chunked in com.sun.net.httpserver
            OutputStream o = ex.getResponseBody();
            for (int i = 0; i < 100; i++) {
                o.write(("part" + i + ",").getBytes(StandardCharsets.UTF_8));
                o.flush();
            }
            ex.close();
        });
        transport = create(4);
        TransportResponse r = transport.post(endpoint(port, "getUpdates"), json("{}"), FAST, Lane.API);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            expected.append("part").append(i).append(',');
        }
        assertEquals(expected.toString(), new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void largeStreamingUploadArrivesIntact() throws Exception {
        byte[] payload = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(payload);
        AtomicReference<byte[]> received = new AtomicReference<>();
        int port = startHttp(ex -> {
            received.set(ex.getRequestBody().readAllBytes());
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        transport = create(4);
        for (long announced : new long[] {payload.length, -1}) {
            RequestBody streamed = new RequestBody() {
                public String contentType() {
                    return "application/octet-stream";
                }

                public long contentLength() {
                    return announced;
                }

                public void writeTo(OutputStream out) throws IOException {
                    new ByteArrayInputStream(payload).transferTo(out);
                }

                public boolean repeatable() {
                    return false;
                }
            };
            assertEquals(200, transport.post(endpoint(port, "sendDocument"), streamed, FAST, Lane.API).status());
            assertArrayEquals(payload, received.get(), "announced length " + announced);
        }
    }

    @Test
    void getStreamsDownloadBody() throws Exception {
        byte[] file = new byte[200_000];
        new Random(2).nextBytes(file);
        int port = startHttp(ex -> {
            ex.sendResponseHeaders(200, file.length);
            ex.getResponseBody().write(file);
            ex.close();
        });
        transport = create(4);
        Endpoint e = Endpoint.of("http://127.0.0.1:" + port + "/file/bot" + TOKEN + "/photos/a.jpg", "download",
                TOKEN);
        try (ResponseStream s = transport.get(e, FAST)) {
            assertEquals(200, s.status());
            assertEquals(file.length, s.contentLength());
            assertArrayEquals(file, s.body().readAllBytes());
        }
        try (ResponseStream s = transport.get(e, FAST)) {
            assertArrayEquals(file, s.body().readAllBytes());
        }
    }

    @Test
    void readTimeoutIsReportedAsReadTimeoutWithoutToken() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            Thread.sleep(5_000);
        })) {
            transport = create(4);
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> transport.post(
                    endpoint(server.port(), "sendMessage"), json("{}"), FAST.withRead(Duration.ofMillis(300)),
                    Lane.API));
            assertEquals(TransportTimeoutException.Phase.READ, e.phase());
            assertTrue(e.getMessage().contains("sendMessage"), e.getMessage());
            assertNoToken(e);
        }
    }

    @Test
    void refusedConnectionFailsWithoutToken() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        transport = create(4);
        TransportException e = assertThrows(TransportException.class,
                () -> transport.post(endpoint(port, "getMe"), json("{}"), FAST, Lane.API));
        assertFalse(e.requestSent());
        assertTrue(e.getMessage().contains("getMe"), e.getMessage());
        assertNoToken(e);
    }

    @Test
    void poolExhaustionFailsWithPoolTimeoutAndRequestNotSent() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        try (RawServer server = new RawServer(c -> {
            while (c.read() != null) {
                arrived.countDown();
                release.await();
                c.ok("{}");
            }
        })) {
            transport = create(1);
            CompletableFuture<TransportResponse> first = CompletableFuture.supplyAsync(() -> post(server, "a"),
                    Executors.newVirtualThreadPerTaskExecutor());
            assertTrue(arrived.await(5, TimeUnit.SECONDS));
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> transport.post(
                    endpoint(server.port(), "b"), json("{}"), FAST.withPool(Duration.ofMillis(150)), Lane.API));
            assertEquals(TransportTimeoutException.Phase.POOL, e.phase());
            assertFalse(e.requestSent());
            assertTrue(e.getMessage().contains("not sent"), e.getMessage());
            assertNoToken(e);
            release.countDown();
            assertEquals(200, first.get(5, TimeUnit.SECONDS).status());
            assertEquals(1, server.requests.size());
        }
    }

    @Test
    void longPollLaneIsNotBlockedBySaturatedSends() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(2);
        try (RawServer server = new RawServer(c -> {
            RawServer.Request r;
            while ((r = c.read()) != null) {
                if (r.target().endsWith("/sendMessage")) {
                    busy.countDown();
                    release.await();
                }
                c.ok("{\"ok\":true}");
            }
        })) {
            transport = create(2);
            var pool = Executors.newVirtualThreadPerTaskExecutor();
            CompletableFuture<?> s1 = CompletableFuture.runAsync(() -> post(server, "sendMessage"), pool);
            CompletableFuture<?> s2 = CompletableFuture.runAsync(() -> post(server, "sendMessage"), pool);
            assertTrue(busy.await(5, TimeUnit.SECONDS));
            // The API lane is full; another send would wait, but a long poll has its own connection.
            assertThrows(TransportTimeoutException.class, () -> transport.post(endpoint(server.port(), "sendMessage"),
                    json("{}"), FAST.withPool(Duration.ZERO), Lane.API));
            TransportResponse poll = transport.post(endpoint(server.port(), "getUpdates"), json("{}"),
                    FAST.withPool(Duration.ZERO), Lane.LONG_POLL);
            assertEquals(200, poll.status());
            release.countDown();
            s1.get(5, TimeUnit.SECONDS);
            s2.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void sendsAreNotBlockedByAPendingLongPoll() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch polling = new CountDownLatch(1);
        try (RawServer server = new RawServer(c -> {
            RawServer.Request r;
            while ((r = c.read()) != null) {
                if (r.target().endsWith("/getUpdates")) {
                    polling.countDown();
                    release.await();
                }
                c.ok("{\"ok\":true}");
            }
        })) {
            transport = create(1);
            CompletableFuture<?> poll = CompletableFuture.runAsync(() -> {
                try {
                    transport.post(endpoint(server.port(), "getUpdates"), json("{}"), FAST.withRead(null),
                            Lane.LONG_POLL);
                } catch (TransportException e) {
                    throw new RuntimeException(e);
                }
            }, Executors.newVirtualThreadPerTaskExecutor());
            assertTrue(polling.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 3; i++) {
                assertEquals(200, transport.post(endpoint(server.port(), "sendMessage"), json("{}"),
                        FAST.withPool(Duration.ZERO), Lane.API).status());
            }
            release.countDown();
            poll.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void closedTransportRefusesCalls() throws Exception {
        transport = create(1);
        transport.close();
        assertThrows(IllegalStateException.class,
                () -> transport.post(endpoint(1, "getMe"), json("{}"), FAST, Lane.API));
    }

    @Test
    void endpointDescriptionAndToStringNeverShowTheToken() {
        Endpoint e = endpoint(443, "sendMessage");
        assertFalse(e.toString().contains(TOKEN));
        assertFalse(e.origin().toString().contains(TOKEN));
        assertEquals("see <redacted> here", e.redact("see " + TOKEN + " here"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Endpoint.of("http://host/bot" + TOKEN + "/a b", "sendMessage", TOKEN));
        assertNoToken(bad);
        transport = create(1);
        assertFalse(transport.toString().contains(TOKEN));
    }

    @Test
    void serverClosingBeforeAnsweringOnAFreshConnectionIsNotRetried() throws Exception {
        try (RawServer server = new RawServer(c -> c.read())) {
            transport = create(4);
            TransportException e = assertThrows(TransportException.class,
                    () -> transport.post(endpoint(server.port(), "sendMessage"), json("{}"), FAST, Lane.API));
            assertNoToken(e);
            assertEquals(1, server.requests.size(), "a request on a fresh connection is never sent twice");
        }
    }

    TransportResponse post(RawServer server, String method) {
        try {
            return transport.post(endpoint(server.port(), method), json("{}"), FAST.withPool(Duration.ofSeconds(5)),
                    Lane.API);
        } catch (TransportException e) {
            throw new RuntimeException(e);
        }
    }

    static InputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
