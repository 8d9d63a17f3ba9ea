package dev.telescale.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The experimental control of the round-trip benchmark: the same two calls (getUpdates with offset, limit 1, timeout
 * 5; sendMessage with chat id and text) written as fixed HTTP/1.1 bytes on one kept-alive socket, the responses read
 * by Content-Length and scanned only for the next {@code update_id}: no request objects, no JSON library, no
 * connection pool. Its ns/op is what the emulator, the kernel and loopback TCP cost; a client's time above it is the
 * client's own. Not a usable client: it assumes the emulator's well-formed answers.
 */
final class RawHttpControl implements AutoCloseable {

    private static final byte[] UPDATE_ID = "\"update_id\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String pathPrefix;
    private final String hostHeader;
    private final byte[] buffer = new byte[64 * 1024];
    private long offset;

    RawHttpControl(String host, int port, String token) throws IOException {
        this.socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.pathPrefix = "/bot" + token + "/";
        this.hostHeader = host + ":" + port;
    }

    /** One round; returns the length of the sendMessage response body. */
    int round(long chatId, String echoText) throws IOException {
        int length = call("getUpdates", "{\"offset\":" + offset + ",\"limit\":1,\"timeout\":"
                + RoundTripBenchmark.POLL_TIMEOUT_SECONDS + "}");
        long updateId = firstUpdateId(length);
        if (updateId < 0) {
            throw new IllegalStateException("The control found no update in: "
                    + new String(buffer, 0, length, StandardCharsets.UTF_8));
        }
        offset = updateId + 1;
        return call("sendMessage", "{\"chat_id\":" + chatId + ",\"text\":\"" + echoText + "\"}");
    }

    /** Sends one POST and leaves the response body at the start of {@link #buffer}; returns its length. */
    private int call(String method, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + pathPrefix + method + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        int filled = 0;
        int headerEnd;
        while ((headerEnd = indexOf(HEADER_END, filled)) < 0) {
            filled = fill(filled);
        }
        int contentLength = contentLength(headerEnd);
        int bodyStart = headerEnd + HEADER_END.length;
        while (filled < bodyStart + contentLength) {
            filled = fill(filled);
        }
        System.arraycopy(buffer, bodyStart, buffer, 0, contentLength);
        return contentLength;
    }

    private int fill(int filled) throws IOException {
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
            throw new IOException("The emulator closed the connection");
        }
        return filled + n;
    }

    private int contentLength(int headerEnd) {
        String head = new String(buffer, 0, headerEnd, StandardCharsets.US_ASCII);
        int at = head.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        if (at < 0) {
            throw new IllegalStateException("No Content-Length in: " + head);
        }
        int end = head.indexOf('\r', at);
        return Integer.parseInt(head.substring(at + "content-length:".length(), end < 0 ? head.length() : end).trim());
    }

    private long firstUpdateId(int length) {
        int at = indexOf(UPDATE_ID, length);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        for (int i = at + UPDATE_ID.length; i < length && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
            value = value * 10 + (buffer[i] - '0');
        }
        return value;
    }

    private int indexOf(byte[] needle, int limit) {
        outer:
        for (int i = 0; i + needle.length <= limit; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
