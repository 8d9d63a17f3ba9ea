package dev.telescale.bot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A minimal stand-in for the Bot API on loopback, for tests of the Bot's wire behaviour (encoding, error mapping,
 * downloads) that need exact control of the answer. Answers {@code {"ok":true,"result":true}} unless told otherwise.
 */
final class FakeBotApi implements AutoCloseable {

    /** The answer to one call. */
    record Answer(int status, String contentType, byte[] body, long delayMillis, CountDownLatch hold) {
        Answer(int status, String contentType, byte[] body, long delayMillis) {
            this(status, contentType, body, delayMillis, null);
        }

        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), 0);
        }

        Answer delayed(long millis) {
            return new Answer(status, contentType, body, millis, hold);
        }

        /** This answer, sent only once {@code release} is counted down. */
        Answer heldUntil(CountDownLatch release) {
            return new Answer(status, contentType, body, delayMillis, release);
        }
    }

    /** A received request. */
    record Call(String path, String method, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Parts of a multipart body: name to (filename or null, content). */
        Map<String, Part> parts() {
            String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
            String all = new String(body, StandardCharsets.ISO_8859_1);
            Map<String, Part> parts = new LinkedHashMap<>();
            for (String chunk : all.split("--" + java.util.regex.Pattern.quote(boundary))) {
                if (chunk.isEmpty() || chunk.startsWith("--")) {
                    continue;
                }
                int headEnd = chunk.indexOf("\r\n\r\n");
                String head = chunk.substring(2, headEnd);
                String content = chunk.substring(headEnd + 4, chunk.length() - 2);
                String name = between(head, "name=\"", "\"");
                String filename = head.contains("filename=\"") ? between(head, "filename=\"", "\"") : null;
                parts.put(name, new Part(filename, content.getBytes(StandardCharsets.ISO_8859_1)));
            }
            return parts;
        }

        private static String between(String s, String start, String end) {
            int i = s.indexOf(start) + start.length();
            return s.substring(i, s.indexOf(end, i));
        }
    }

    /** One multipart part. */
    record Part(String filename, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String method, Answer answer) {
        answers.put(method, answer);
    }

    void file(String path, byte[] content) {
        files.put(path, content);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        String method = path.substring(path.lastIndexOf('/') + 1);
        calls.add(new Call(path, method, ex.getRequestHeaders().getFirst("Content-Type"), body));
        if (path.startsWith("/file/")) {
            String filePath = path.substring(path.indexOf('/', "/file/bot".length()) + 1);
            byte[] content = files.get(filePath);
            if (content == null) {
                send(ex, Answer.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
            } else {
                send(ex, new Answer(200, "application/octet-stream", content, 0));
            }
            return;
        }
        send(ex, answers.getOrDefault(method, Answer.json(200, "{\"ok\":true,\"result\":true}")));
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        try {
            if (a.hold() != null) {
                a.hold().await();
            }
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ex.getResponseHeaders().set("Content-Type", a.contentType());
        ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        ex.getResponseBody().write(a.body());
        ex.close();
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
