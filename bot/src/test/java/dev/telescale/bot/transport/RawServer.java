package dev.telescale.bot.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable HTTP/1.1 server on loopback for transport tests: each accepted connection runs the test's handler on a
 * virtual thread with helpers to read requests and write raw (possibly broken) responses.
 */
final class RawServer implements AutoCloseable {

    /** What to do with one accepted connection. */
    interface Handler {
        void handle(Conn conn) throws Exception;
    }

    /** A parsed request. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final ServerSocket server;
    final AtomicInteger connections = new AtomicInteger();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RawServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            handler.handle(new Conn(s, this));
                        } catch (Exception ignored) {
                            // tests assert on what the client saw
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    /** One server-side connection. */
    static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        private final RawServer server;

        Conn(Socket socket, RawServer server) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.server = server;
        }

        /** Reads one request (Content-Length or chunked body); null when the client closed the connection. */
        Request read() throws IOException {
            String line = line();
            if (line == null) {
                return null;
            }
            String[] parts = line.split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            String h;
            while ((h = line()) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            byte[] body;
            if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                while (true) {
                    int size = Integer.parseInt(line().trim(), 16);
                    if (size == 0) {
                        line();
                        break;
                    }
                    b.write(in.readNBytes(size));
                    line();
                }
                body = b.toByteArray();
            } else {
                body = new byte[0];
            }
            Request r = new Request(parts[0], parts[1], headers, body);
            server.requests.add(r);
            return r;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) b);
            }
            return sb.isEmpty() ? null : sb.toString();
        }

        void write(String raw) throws IOException {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Writes a complete 200 response with a Content-Length. */
        void ok(String body) throws IOException {
            respond(200, body);
        }

        void respond(int status, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                    + "\r\n\r\n");
            out.write(b);
            out.flush();
        }

        /** Serves requests with the same body until the client closes. */
        void serveForever(String body) throws IOException {
            while (read() != null) {
                ok(body);
            }
        }
    }
}
