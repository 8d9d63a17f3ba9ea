package dev.telescale.testkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {

    private static final HttpLimits LIMITS = new HttpLimits(1024, 2048, 20, 30_000);

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.start(InetAddress.getLoopbackAddress(), 0, HttpServerTest::echo, LIMITS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpResponse echo(HttpRequest request) {
        if (request.path().equals("/boom")) {
            throw new IllegalStateException("handler failure");
        }
        String text = request.method() + " " + request.target() + " " + request.contentType() + " "
                + new String(request.body(), 0, request.bodyLength(), StandardCharsets.UTF_8);
        return new HttpResponse(200, "text/plain", text.getBytes(StandardCharsets.UTF_8), HttpResponse.Delivery.NORMAL);
    }

    @Test
    void servesSeveralRequestsOnOneKeepAliveConnection() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            for (int i = 0; i < 3; i++) {
                raw.send("POST /a?x=" + i + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
                RawHttp.Response response = raw.read();
                assertEquals(200, response.status());
                assertEquals("POST /a?x=" + i + " text/plain hello", response.body());
            }
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET /one HTTP/1.1\r\n\r\nGET /two HTTP/1.1\r\n\r\nPOST /three HTTP/1.1\r\nContent-Length: 1\r\n\r\nx");
            assertEquals("GET /one null ", raw.read().body());
            assertEquals("GET /two null ", raw.read().body());
            assertEquals("POST /three null x", raw.read().body());
        }
    }

    @Test
    void decodesChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n");
            assertEquals("POST /c null hello world", raw.read().body());
        }
    }

    @Test
    void rejectsAMalformedRequestLineAndKeepsServing() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("NONSENSE\r\n\r\n");
            RawHttp.Response response = raw.read();
            assertEquals(400, response.status());
            assertTrue(response.body().contains("malformed request line"), response.body());
            assertTrue(raw.closedByServer());
        }
        assertServerStillAnswers();
    }

    @Test
    void rejectsALowercaseMethodAndARelativeTarget() throws IOException {
        for (String line : new String[] {"get / HTTP/1.1", "GET foo HTTP/1.1", "GET /a b HTTP/1.1", "GET  / HTTP/1.1"}) {
            try (RawHttp raw = new RawHttp(server.address())) {
                raw.send(line + "\r\n\r\n");
                assertEquals(400, raw.read().status(), line);
            }
        }
    }

    @Test
    void rejectsUnsupportedHttpVersionsWith505() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET / HTTP/2.0\r\n\r\n");
            assertEquals(505, raw.read().status());
        }
    }

    @Test
    void rejectsAHeaderFloodWith431() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\n");
            for (int i = 0; i < 30; i++) {
                request.append("X-H").append(i).append(": v\r\n");
            }
            raw.send(request.append("\r\n").toString());
            RawHttp.Response response = raw.read();
            assertEquals(431, response.status());
            assertTrue(response.body().contains("more than 20 header lines"), response.body());
        }
        assertServerStillAnswers();
    }

    @Test
    void rejectsAnOversizedHeadWith431() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(5000) + "\r\n\r\n");
            assertEquals(431, raw.read().status());
        }
        assertServerStillAnswers();
    }

    @Test
    void rejectsAnOversizedBodyWith413BeforeReadingIt() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST / HTTP/1.1\r\nContent-Length: 5000\r\n\r\n");
            RawHttp.Response response = raw.read();
            assertEquals(413, response.status());
            assertTrue(response.head().contains("Connection: close"));
        }
    }

    @Test
    void rejectsAnOversizedChunkedBodyWith413() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" + "a".repeat(512) + "\r\n200\r\n"
                    + "a".repeat(512) + "\r\n1\r\n");
            assertEquals(413, raw.read().status());
        }
    }

    @Test
    void rejectsATruncatedChunkedBodyWith400() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly-six");
            raw.shutdownOutput();
            RawHttp.Response response = raw.read();
            assertEquals(400, response.status());
            assertTrue(response.body().contains("body ended"), response.body());
        }
        assertServerStillAnswers();
    }

    @Test
    void rejectsABadChunkSizeAndMissingChunkTerminator() throws IOException {
        for (String body : new String[] {"zz\r\nhello\r\n0\r\n\r\n", "5\r\nhelloXX0\r\n\r\n"}) {
            try (RawHttp raw = new RawHttp(server.address())) {
                raw.send("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
                assertEquals(400, raw.read().status(), body);
            }
        }
    }

    @Test
    void rejectsAContentLengthBodyThatEndsEarly() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
            raw.shutdownOutput();
            RawHttp.Response response = raw.read();
            assertEquals(400, response.status());
            assertTrue(response.body().contains("3 of 10"), response.body());
        }
    }

    @Test
    void rejectsInvalidAndConflictingFraming() throws IOException {
        String[] heads = {
            "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
            "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
            "GET / HTTP/1.1\r\nNoColonHere\r\n\r\n",
            "GET / HTTP/1.1\r\nName : value\r\n\r\n",
            "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
        };
        for (String head : heads) {
            try (RawHttp raw = new RawHttp(server.address())) {
                raw.send(head);
                assertEquals(400, raw.read().status(), head);
            }
        }
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n");
            assertEquals(501, raw.read().status());
        }
    }

    @Test
    void closesAfterAnHttp10RequestAndOnConnectionClose() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET /old HTTP/1.0\r\n\r\n");
            RawHttp.Response response = raw.read();
            assertEquals(200, response.status());
            assertTrue(response.head().contains("Connection: close"));
            assertTrue(raw.closedByServer());
        }
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET /new HTTP/1.1\r\nConnection: close\r\n\r\n");
            assertEquals(200, raw.read().status());
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void sendsContinueForExpect100() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            assertEquals(100, raw.read().status());
            raw.send("ok");
            assertEquals("POST /e null ok", raw.read().body());
        }
    }

    @Test
    void answers500WhenTheHandlerFailsAndKeepsTheConnection() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET /boom HTTP/1.1\r\n\r\n");
            RawHttp.Response response = raw.read();
            assertEquals(500, response.status());
            assertTrue(response.body().contains("handler failure"));
            raw.send("GET /fine HTTP/1.1\r\n\r\n");
            assertEquals(200, raw.read().status());
        }
    }

    @Test
    void closingTheConnectionBetweenRequestsIsNotAnError() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET /x HTTP/1.1\r\n\r\n");
            assertNotNull(raw.read());
        }
        assertServerStillAnswers();
    }

    @Test
    void servesLargeBodiesFromTheJdkClient() throws Exception {
        HttpServer big = HttpServer.start(InetAddress.getLoopbackAddress(), 0, HttpServerTest::echo,
                new HttpLimits(1 << 20, 4096, 50, 30_000));
        try (big; HttpClient client = HttpClient.newHttpClient()) {
            byte[] payload = new byte[300_000];
            Arrays.fill(payload, (byte) 'z');
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + big.address().getPort() + "/big"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(payload)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("POST /big null ".length() + payload.length, response.body().length());
        }
    }

    private void assertServerStillAnswers() throws IOException {
        try (RawHttp raw = new RawHttp(server.address())) {
            raw.send("GET /alive HTTP/1.1\r\n\r\n");
            assertEquals("GET /alive null ", raw.read().body());
        }
    }
}
