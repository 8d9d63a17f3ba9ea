package dev.telescale.benchmarks.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The control: an echo "bot" with no client library and no JSON library. One kept-alive socket; loop: a fixed-bytes
 * {@code getUpdates(offset, limit 100, timeout 10)}, the answer scanned for each update's update_id, chat id and
 * text, then one fixed-bytes {@code sendMessage {"chat_id":..,"text":".."}} per update, one after the other, each
 * answer read by Content-Length and skipped. It shows what the emulator, the kernel and loopback TCP allow on this
 * machine for a sequential loop. Not a usable client: it assumes the emulator's well-formed answers and plain
 * ASCII texts.
 *
 * <p>Args: {@code <apiBaseUrl> <token>}.
 */
public final class RawSocketEchoBot {

    private static final byte[] UPDATE_ID = ascii("\"update_id\":");
    private static final byte[] CHAT_ID = ascii("\"chat\":{\"id\":");
    private static final byte[] TEXT = ascii("\"text\":\"");
    private static final byte[] HEADER_END = ascii("\r\n\r\n");

    private final InputStream in;
    private final OutputStream out;
    private final String head;
    private byte[] buffer = new byte[1 << 20];
    private int bodyStart;

    private RawSocketEchoBot(Socket socket, String host, String token) throws IOException {
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.head = "/bot" + token + "/";
        this.hostHeader = host;
    }

    private final String hostHeader;

    public static void main(String[] args) throws IOException {
        URI root = URI.create(args[0]);
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setTcpNoDelay(true);
        RawSocketEchoBot bot = new RawSocketEchoBot(socket, root.getHost() + ":" + root.getPort(), args[1]);
        bot.run();
    }

    private void run() throws IOException {
        long offset = 0;
        long[] ids = new long[100];
        long[] chats = new long[100];
        String[] texts = new String[100];
        while (true) {
            int length = call("getUpdates", "{\"offset\":" + offset + ",\"limit\":100,\"timeout\":10}");
            int count = scan(length, ids, chats, texts);
            for (int i = 0; i < count; i++) {
                offset = Math.max(offset, ids[i] + 1);
                call("sendMessage", "{\"chat_id\":" + chats[i] + ",\"text\":\"" + texts[i] + "\"}");
            }
        }
    }

    /** Scans the getUpdates body (at bodyStart) for up to 100 updates; each has one of each key, in order. */
    private int scan(int length, long[] ids, long[] chats, String[] texts) {
        int end = bodyStart + length;
        int n = 0;
        int at = bodyStart;
        while (n < ids.length && (at = indexOf(UPDATE_ID, at, end)) >= 0) {
            ids[n++] = number(at + UPDATE_ID.length);
            at += UPDATE_ID.length;
        }
        int c = 0;
        at = bodyStart;
        while (c < n && (at = indexOf(CHAT_ID, at, end)) >= 0) {
            chats[c++] = number(at + CHAT_ID.length);
            at += CHAT_ID.length;
        }
        int t = 0;
        at = bodyStart;
        while (t < n && (at = indexOf(TEXT, at, end)) >= 0) {
            int from = at + TEXT.length;
            int to = from;
            while (buffer[to] != '"') {
                to++;
            }
            texts[t++] = new String(buffer, from, to - from, StandardCharsets.US_ASCII);
            at = to;
        }
        return n;
    }

    private long number(int at) {
        boolean negative = buffer[at] == '-';
        int i = negative ? at + 1 : at;
        long value = 0;
        while (buffer[i] >= '0' && buffer[i] <= '9') {
            value = value * 10 + (buffer[i++] - '0');
        }
        return negative ? -value : value;
    }

    /** One POST; the response body is left at buffer[bodyStart...]; returns its length. */
    private int call(String method, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(ascii("POST " + head + method + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"));
        out.write(body);
        out.flush();
        int filled = 0;
        int headerEnd;
        while ((headerEnd = indexOf(HEADER_END, 0, filled)) < 0) {
            filled = fill(filled);
        }
        String headers = new String(buffer, 0, headerEnd, StandardCharsets.US_ASCII).toLowerCase();
        int cl = headers.indexOf("content-length:");
        int eol = headers.indexOf('\r', cl);
        int contentLength = Integer.parseInt(headers.substring(cl + 15, eol < 0 ? headers.length() : eol).trim());
        bodyStart = headerEnd + 4;
        if (bodyStart + contentLength > buffer.length) {
            byte[] bigger = new byte[bodyStart + contentLength];
            System.arraycopy(buffer, 0, bigger, 0, filled);
            buffer = bigger;
        }
        while (filled < bodyStart + contentLength) {
            filled = fill(filled);
        }
        return contentLength;
    }

    private int fill(int filled) throws IOException {
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
            throw new IOException("The emulator closed the connection");
        }
        return filled + n;
    }

    private int indexOf(byte[] needle, int from, int limit) {
        outer:
        for (int i = from; i + needle.length <= limit; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
