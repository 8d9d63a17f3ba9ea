package dev.telescale.bot.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link SocketTransport}: the transport contract plus the HTTP/1.1 details only this client handles itself. */
class SocketTransportTest extends TransportContractTest {

    @Override
    Transport create(int poolSize) {
        return SocketTransport.builder().poolSize(poolSize).build();
    }

    private String text(TransportResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void keepAliveConnectionIsReusedForSequentialCalls() throws Exception {
        try (RawServer server = new RawServer(c -> c.serveForever("{\"ok\":true}"))) {
            transport = create(4);
            for (int i = 0; i < 20; i++) {
                assertEquals("{\"ok\":true}", text(post(server, "sendMessage")));
            }
            assertEquals(1, server.connections.get());
            RawServer.Request r = server.requests.get(0);
            assertEquals("POST", r.method());
            assertEquals("/bot" + TOKEN + "/sendMessage", r.target());
            assertEquals("127.0.0.1:" + server.port(), r.headers().get("host"));
            assertEquals("2", r.headers().get("content-length"));
        }
    }

    @Test
    void chunkedResponseWithExtensionsAndTrailersIsParsed() throws Exception {
        try (RawServer server = new RawServer(c -> {
            while (c.read() != null) {
                c.write("HTTP/1.1 200 OK\r\ntransfer-encoding:  Chunked \r\n\r\n"
                        + "4;ext=1\r\n{\"ok\r\n" + "A\r\n\":true,\"x\"\r\n" + "3\r\n:1}\r\n" + "0\r\nX-Trailer: y\r\n\r\n");
            }
        })) {
            transport = create(4);
            assertEquals("{\"ok\":true,\"x\":1}", text(post(server, "a")));
            assertEquals("{\"ok\":true,\"x\":1}", text(post(server, "b")));
            assertEquals(1, server.connections.get(), "a fully read chunked body keeps the connection");
        }
    }

    @Test
    void connectionCloseHeaderMakesTheNextCallOpenANewConnection() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
        })) {
            transport = create(4);
            assertEquals("{}", text(post(server, "a")));
            assertEquals("{}", text(post(server, "b")));
            assertEquals(2, server.connections.get());
            assertEquals(2, server.requests.size());
        }
    }

    @Test
    void http10ResponseWithoutLengthIsReadToEndOfStream() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.0 200 OK\r\n\r\n{\"until\":\"eof\"}");
        })) {
            transport = create(4);
            assertEquals("{\"until\":\"eof\"}", text(post(server, "a")));
        }
    }

    @Test
    void interimContinueResponseIsSkipped() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}");
        })) {
            transport = create(4);
            assertEquals(201, post(server, "a").status());
        }
    }

    @Test
    void bodyCutShortByTheServerIsAMalformedResponse() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"ok\":true,\"res");
        })) {
            transport = create(4);
            MalformedResponseException e = assertThrows(MalformedResponseException.class,
                    () -> transport.post(endpoint(server.port(), "sendMessage"), json("{}"), FAST, Lane.API));
            assertTrue(e.getMessage().contains("15 of 100"), e.getMessage());
            assertNoToken(e);
        }
    }

    @Test
    void chunkedBodyCutShortIsAMalformedResponse() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"ok\":");
        })) {
            transport = create(4);
            assertThrows(MalformedResponseException.class,
                    () -> transport.post(endpoint(server.port(), "sendMessage"), json("{}"), FAST, Lane.API));
        }
    }

    @Test
    void serverClosingInTheMiddleOfTheHeadIsAMalformedResponse() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nContent-Le");
        })) {
            transport = create(4);
            assertThrows(MalformedResponseException.class,
                    () -> transport.post(endpoint(server.port(), "sendMessage"), json("{}"), FAST, Lane.API));
        }
    }

    @Test
    void garbageInsteadOfHttpIsAMalformedResponse() throws Exception {
        for (String garbage : List.of("SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n", "HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            try (RawServer server = new RawServer(c -> {
                c.read();
                c.write(garbage);
            })) {
                try (Transport t = create(1)) {
                    assertThrows(MalformedResponseException.class,
                            () -> t.post(endpoint(server.port(), "x"), json("{}"), FAST, Lane.API), garbage);
                }
            }
        }
    }

    @Test
    void oversizedResponseIsRefused() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n");
        })) {
            transport = SocketTransport.builder().maxResponseBytes(1000).build();
            MalformedResponseException e = assertThrows(MalformedResponseException.class,
                    () -> transport.post(endpoint(server.port(), "x"), json("{}"), FAST, Lane.API));
            assertTrue(e.getMessage().contains("limit"), e.getMessage());
        }
    }

    @Test
    void staleKeepAliveConnectionIsRetriedOnceOnAFreshConnection() throws Exception {
        CountDownLatch firstClosed = new CountDownLatch(1);
        try (RawServer server = new RawServer(c -> {
            if (c.read() == null) {
                return;
            }
            c.ok("{\"n\":1}");
            if (firstClosed.getCount() > 0) {
                // Like a server whose keep-alive timer fired: close without "Connection: close".
                c.socket.close();
                firstClosed.countDown();
                return;
            }
            c.serveForever("{\"n\":2}");
        })) {
            transport = create(4);
            assertEquals("{\"n\":1}", text(post(server, "a")));
            assertTrue(firstClosed.await(5, TimeUnit.SECONDS));
            Thread.sleep(50);
            assertEquals("{\"n\":1}", text(post(server, "b")), "answered on a second connection");
            assertEquals(2, server.connections.get());
            assertEquals(2, server.requests.size(), "the stale connection never delivered the request");
        }
    }

    @Test
    void readTimeoutOnAReusedConnectionIsNotRetried() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            c.ok("{}");
            c.read();
            Thread.sleep(3_000);
        })) {
            transport = create(4);
            post(server, "a");
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> transport.post(
                    endpoint(server.port(), "b"), json("{}"), FAST.withRead(Duration.ofMillis(200)), Lane.API));
            assertEquals(TransportTimeoutException.Phase.READ, e.phase());
            assertEquals(2, server.requests.size());
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void reusedConnectionThatFailsAfterPartOfTheResponseIsNotRetried() throws Exception {
        try (RawServer server = new RawServer(c -> {
            c.read();
            c.ok("{}");
            c.read();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{");
        })) {
            transport = create(4);
            post(server, "a");
            assertThrows(MalformedResponseException.class,
                    () -> transport.post(endpoint(server.port(), "b"), json("{}"), FAST, Lane.API));
            assertEquals(2, server.requests.size());
        }
    }

    @Test
    void staleConnectionWithANonRepeatableBodyIsNotRetried() throws Exception {
        CountDownLatch firstClosed = new CountDownLatch(1);
        try (RawServer server = new RawServer(c -> {
            if (c.read() == null) {
                return;
            }
            c.ok("{}");
            if (firstClosed.getCount() > 0) {
                c.socket.close();
                firstClosed.countDown();
                return;
            }
            c.serveForever("{}");
        })) {
            transport = create(4);
            post(server, "a");
            assertTrue(firstClosed.await(5, TimeUnit.SECONDS));
            Thread.sleep(50);
            RequestBody oneShot = new RequestBody() {
                public String contentType() {
                    return "application/octet-stream";
                }

                public long contentLength() {
                    return 3;
                }

                public void writeTo(OutputStream out) throws IOException {
                    out.write(new byte[] {1, 2, 3});
                }

                public boolean repeatable() {
                    return false;
                }
            };
            TransportException e = assertThrows(TransportException.class,
                    () -> transport.post(endpoint(server.port(), "sendDocument"), oneShot, FAST, Lane.API));
            assertNoToken(e);
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void connectToABlackholeTimesOut() throws Exception {
        // A listening socket that never accepts: once its backlog is full the kernel drops further SYNs.
        try (ServerSocket blackhole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), blackhole.getLocalPort()),
                                100);
                        fillers.add(s);
                    } catch (IOException full) {
                        s.close();
                        break;
                    }
                }
                transport = create(4);
                long start = System.nanoTime();
                TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> transport.post(
                        endpoint(blackhole.getLocalPort(), "getMe"), json("{}"),
                        FAST.withConnect(Duration.ofMillis(300)), Lane.API));
                assertEquals(TransportTimeoutException.Phase.CONNECT, e.phase());
                assertFalse(e.requestSent());
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
                assertNoToken(e);
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void writeTimeoutFiresWhenThePeerStopsReading() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (RawServer server = new RawServer(c -> done.await())) {
            transport = create(4);
            long size = 1L << 30;
            RequestBody endless = new RequestBody() {
                public String contentType() {
                    return "application/octet-stream";
                }

                public long contentLength() {
                    return size;
                }

                public void writeTo(OutputStream out) throws IOException {
                    byte[] chunk = new byte[64 * 1024];
                    for (long written = 0; written < size; written += chunk.length) {
                        out.write(chunk);
                    }
                }

                public boolean repeatable() {
                    return true;
                }
            };
            long start = System.nanoTime();
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class, () -> transport.post(
                    endpoint(server.port(), "sendVideo"), endless, FAST.withWrite(Duration.ofMillis(300)), Lane.API));
            assertEquals(TransportTimeoutException.Phase.WRITE, e.phase());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            assertNoToken(e);
            done.countDown();
        }
    }

    @Test
    void bodyWritingFewerBytesThanAnnouncedIsRefused() throws Exception {
        try (RawServer server = new RawServer(c -> c.serveForever("{}"))) {
            transport = create(4);
            RequestBody liar = new RequestBody() {
                public String contentType() {
                    return "application/octet-stream";
                }

                public long contentLength() {
                    return 10;
                }

                public void writeTo(OutputStream out) throws IOException {
                    out.write(new byte[3]);
                }

                public boolean repeatable() {
                    return true;
                }
            };
            TransportException e = assertThrows(TransportException.class,
                    () -> transport.post(endpoint(server.port(), "x"), liar, FAST, Lane.API));
            assertTrue(e.getMessage().contains("announced 10"), e.getMessage());
        }
    }

    @Test
    void downloadStreamClosedEarlyDropsTheConnection() throws Exception {
        try (RawServer server = new RawServer(c -> {
            while (c.read() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789");
            }
        })) {
            transport = create(4);
            Endpoint e = endpoint(server.port(), "download");
            try (ResponseStream s = transport.get(e, FAST)) {
                assertEquals('0', s.body().read());
            }
            try (ResponseStream s = transport.get(e, FAST)) {
                assertArrayEquals("0123456789".getBytes(StandardCharsets.US_ASCII), s.body().readAllBytes());
            }
            try (ResponseStream s = transport.get(e, FAST)) {
                s.body().readAllBytes();
            }
            assertEquals(2, server.connections.get(), "partly read body: dropped; fully read: reused");
            assertEquals("GET", server.requests.get(0).method());
        }
    }

    @Test
    void socksProxyCarriesTheRequest() throws Exception {
        try (RawServer origin = new RawServer(c -> c.serveForever("{\"via\":\"socks\"}"));
             TestProxies.Socks5 socks = new TestProxies.Socks5()) {
            transport = SocketTransport.builder().proxy(socks.proxy()).build();
            Endpoint e = Endpoint.of("http://localhost:" + origin.port() + "/bot" + TOKEN + "/getMe", "getMe", TOKEN);
            assertEquals("{\"via\":\"socks\"}", text(transport.post(e, json("{}"), FAST, Lane.API)));
            assertEquals("localhost", socks.lastHost);
        }
    }

    @Test
    void httpProxyGetsAbsoluteFormForPlainHttp() throws Exception {
        try (RawServer proxy = new RawServer(c -> c.serveForever("{\"via\":\"proxy\"}"))) {
            transport = SocketTransport.builder().proxy(new java.net.Proxy(java.net.Proxy.Type.HTTP,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()))).build();
            Endpoint e = Endpoint.of("http://api.example:8081/bot" + TOKEN + "/getMe", "getMe", TOKEN);
            assertEquals("{\"via\":\"proxy\"}", text(transport.post(e, json("{}"), FAST, Lane.API)));
            assertEquals("http://api.example:8081/bot" + TOKEN + "/getMe", proxy.requests.get(0).target());
            assertEquals("api.example:8081", proxy.requests.get(0).headers().get("host"));
        }
    }

    @Test
    void httpsThroughAConnectProxy() throws Exception {
        try (TestTls tls = new TestTls();
             TestProxies.Connect proxy = new TestProxies.Connect()) {
            int port = tls.startServer("{\"tls\":true}");
            transport = SocketTransport.builder().sslSocketFactory(tls.clientFactory()).proxy(proxy.proxy()).build();
            Endpoint e = Endpoint.of("https://localhost:" + port + "/bot" + TOKEN + "/getMe", "getMe", TOKEN);
            assertEquals("{\"tls\":true}", text(transport.post(e, json("{}"), FAST, Lane.API)));
            assertEquals("{\"tls\":true}", text(transport.post(e, json("{}"), FAST, Lane.API)));
            assertEquals("localhost:" + port, proxy.lastTarget);
            assertEquals(1, proxy.tunnels.get(), "the tunnel is kept alive and reused");
        }
    }

    @Test
    void httpsDirectVerifiesTheCertificate() throws Exception {
        try (TestTls tls = new TestTls()) {
            int port = tls.startServer("{}");
            transport = SocketTransport.builder().sslSocketFactory(tls.clientFactory()).build();
            Endpoint good = Endpoint.of("https://localhost:" + port + "/bot" + TOKEN + "/getMe", "getMe", TOKEN);
            assertEquals(200, transport.post(good, json("{}"), FAST, Lane.API).status());
            try (Transport strict = SocketTransport.create()) {
                TransportException e = assertThrows(TransportException.class,
                        () -> strict.post(good, json("{}"), FAST, Lane.API));
                assertFalse(e.requestSent());
                assertNoToken(e);
            }
        }
    }

    @Test
    void proxyRefusingTheTunnelIsReported() throws Exception {
        try (RawServer proxy = new RawServer(c -> c.write("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n"))) {
            transport = SocketTransport.builder().proxy(new java.net.Proxy(java.net.Proxy.Type.HTTP,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()))).build();
            Endpoint e = Endpoint.of("https://api.example/bot" + TOKEN + "/getMe", "getMe", TOKEN);
            TransportException ex = assertThrows(TransportException.class,
                    () -> transport.post(e, json("{}"), FAST, Lane.API));
            assertTrue(ex.getMessage().contains("407"), ex.getMessage());
            assertInstanceOf(TransportException.class, ex);
            assertNoToken(ex);
        }
    }
}
