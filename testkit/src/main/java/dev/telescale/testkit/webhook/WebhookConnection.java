package dev.telescale.testkit.webhook;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection to a webhook receiver: writes a POST with precomputed header bytes and reads
 * the answer framed by Content-Length, chunked transfer coding or the end of the connection. Not thread-safe: a
 * connection serves one delivery at a time.
 */
final class WebhookConnection implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    private byte[] request = new byte[4096];
    /** Set once an answer said "Connection: close" or was framed by the end of the connection. */
    boolean closing;
    /** How many deliveries this connection carried. */
    int uses;

    /** The status and body of an answer. */
    record Answer(int status, byte[] body, int length) {
    }

    WebhookConnection(InetSocketAddress address, int timeoutMillis) throws IOException {
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /**
     * Sends one request and reads its answer.
     *
     * @param head the request head up to and including "Content-Length: "
     * @param body the body
     * @throws NoAnswerException when the connection failed before any byte of the answer arrived
     */
    Answer post(byte[] head, byte[] body) throws IOException {
        uses++;
        byte[] length = Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII);
        int size = head.length + length.length + 4 + body.length;
        if (request.length < size) {
            request = new byte[Math.max(size, request.length * 2)];
        }
        System.arraycopy(head, 0, request, 0, head.length);
        int at = head.length;
        System.arraycopy(length, 0, request, at, length.length);
        at += length.length;
        request[at++] = '\r';
        request[at++] = '\n';
        request[at++] = '\r';
        request[at++] = '\n';
        System.arraycopy(body, 0, request, at, body.length);
        try {
            out.write(request, 0, size);
            out.flush();
            if (!fill()) {
                throw new NoAnswerException("the webhook closed the connection without answering");
            }
        } catch (java.net.SocketTimeoutException e) {
            throw e;
        } catch (NoAnswerException e) {
            throw e;
        } catch (IOException e) {
            throw new NoAnswerException(e.getMessage());
        }
        while (true) {
            int status = readHead();
            if (status >= 200 || status == 101) {
                return readBody(status);
            }
            // 1xx interim answer: its head is consumed, the final answer follows
        }
    }

    // Parsed head fields of the answer being read.
    private long contentLength;
    private boolean chunked;

    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection".getBytes(StandardCharsets.US_ASCII);

    /** Start of the line found by the last {@link #nextLine()}; the line is buf[lineStart, its end). */
    private int lineStart;

    /** Parses the answer head from the buffered bytes, making no strings for the common header lines. */
    private int readHead() throws IOException {
        contentLength = -1;
        chunked = false;
        int end = nextLine();
        int start = lineStart;
        int length = end - start;
        if (length < 12 || !startsWithHttp1(start)) {
            throw new IOException("malformed status line from the webhook: " + abbreviate(latin1(start, end)));
        }
        boolean http10 = buf[start + 7] == '0';
        int status = 0;
        for (int i = start + 9; i < start + 12; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw new IOException("malformed status line from the webhook: " + abbreviate(latin1(start, end)));
            }
            status = status * 10 + d;
        }
        boolean keepAlive = !http10;
        int headBytes = length;
        while ((end = nextLine()) != (start = lineStart)) {
            headBytes += end - start;
            if (headBytes > MAX_HEAD) {
                throw new IOException("the webhook's answer head is too large");
            }
            int colon = -1;
            for (int i = start; i < end; i++) {
                if (buf[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon <= start) {
                continue;
            }
            int nameStart = start;
            int nameEnd = colon;
            while (nameStart < nameEnd && buf[nameStart] <= ' ') {
                nameStart++;
            }
            while (nameEnd > nameStart && buf[nameEnd - 1] <= ' ') {
                nameEnd--;
            }
            int valueStart = colon + 1;
            int valueEnd = end;
            while (valueStart < valueEnd && buf[valueStart] <= ' ') {
                valueStart++;
            }
            while (valueEnd > valueStart && buf[valueEnd - 1] <= ' ') {
                valueEnd--;
            }
            if (nameIs(nameStart, nameEnd, CONTENT_LENGTH)) {
                contentLength = parseLength(valueStart, valueEnd);
            } else if (nameIs(nameStart, nameEnd, TRANSFER_ENCODING)) {
                chunked = latin1(valueStart, valueEnd).toLowerCase(java.util.Locale.ROOT).endsWith("chunked");
            } else if (nameIs(nameStart, nameEnd, CONNECTION)) {
                String v = latin1(valueStart, valueEnd).toLowerCase(java.util.Locale.ROOT);
                if (v.contains("close")) {
                    keepAlive = false;
                } else if (v.contains("keep-alive")) {
                    keepAlive = true;
                }
            }
        }
        if (!keepAlive) {
            closing = true;
        }
        return status;
    }

    private boolean startsWithHttp1(int at) {
        return buf[at] == 'H' && buf[at + 1] == 'T' && buf[at + 2] == 'T' && buf[at + 3] == 'P'
                && buf[at + 4] == '/' && buf[at + 5] == '1' && buf[at + 6] == '.';
    }

    /** Whether buf[start, end) is {@code lowerName}, ignoring ASCII case. */
    private boolean nameIs(int start, int end, byte[] lowerName) {
        if (end - start != lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            int b = buf[start + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private long parseLength(int start, int end) throws IOException {
        if (start < end && end - start <= 18) {
            long value = 0;
            int i = start;
            if (buf[i] == '+') {
                i++;                                   // Long.parseLong took a sign, so does this
            }
            boolean digits = i < end;
            for (; i < end; i++) {
                int d = buf[i] - '0';
                if (d < 0 || d > 9) {
                    digits = false;
                    break;
                }
                value = value * 10 + d;
            }
            if (digits) {
                return value;
            }
        }
        String text = latin1(start, end);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("invalid Content-Length from the webhook: " + abbreviate(text));
        }
    }

    private String latin1(int start, int end) {
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private Answer readBody(int status) throws IOException {
        if (status == 204 || status == 304 || status == 101) {
            if (status == 101) {
                closing = true;
            }
            return new Answer(status, new byte[0], 0);
        }
        if (chunked) {
            return readChunked(status);
        }
        if (contentLength >= 0) {
            if (contentLength > MAX_BODY) {
                throw new IOException("the webhook's answer is too large: " + contentLength + " bytes");
            }
            byte[] body = new byte[(int) contentLength];
            readFully(body, 0, body.length);
            return new Answer(status, body, body.length);
        }
        // framed by the end of the connection
        closing = true;
        byte[] body = new byte[1024];
        int n = 0;
        while (true) {
            if (pos == limit && !fill()) {
                return new Answer(status, body, n);
            }
            int take = limit - pos;
            if (n + take > MAX_BODY) {
                throw new IOException("the webhook's answer is too large");
            }
            if (n + take > body.length) {
                body = java.util.Arrays.copyOf(body, Math.max(n + take, body.length * 2));
            }
            System.arraycopy(buf, pos, body, n, take);
            n += take;
            pos = limit;
        }
    }

    private Answer readChunked(int status) throws IOException {
        byte[] body = new byte[256];
        int n = 0;
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("invalid chunk size from the webhook: " + abbreviate(sizeLine));
            }
            if (size < 0 || n + (long) size > MAX_BODY) {
                throw new IOException("the webhook's chunked answer is too large");
            }
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers are ignored
                }
                return new Answer(status, body, n);
            }
            if (n + size > body.length) {
                body = java.util.Arrays.copyOf(body, Math.max(n + size, body.length * 2));
            }
            readFully(body, n, size);
            n += size;
            if (!readLine().isEmpty()) {
                throw new IOException("malformed chunk from the webhook");
            }
        }
    }

    private void readFully(byte[] into, int offset, int length) throws IOException {
        while (length > 0) {
            if (pos == limit && !fill()) {
                throw new EOFException("the webhook closed the connection in the middle of its answer");
            }
            int take = Math.min(length, limit - pos);
            System.arraycopy(buf, pos, into, offset, take);
            pos += take;
            offset += take;
            length -= take;
        }
    }

    /**
     * Finds the next line in the buffer, reading more as needed: it is buf[lineStart, returned end) without its
     * CR LF, valid until the buffer is filled again; pos is past it.
     */
    private int nextLine() throws IOException {
        int start = pos;
        while (true) {
            for (int i = start; i < limit; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    lineStart = pos;
                    pos = i + 1;
                    return end;
                }
            }
            if (limit - pos >= MAX_HEAD) {
                throw new IOException("a line of the webhook's answer is too long");
            }
            int before = limit - pos;
            if (!fill()) {
                throw new EOFException("the webhook closed the connection in the middle of its answer");
            }
            start = pos + before;
        }
    }

    /** A line without its CR LF (Latin-1). */
    private String readLine() throws IOException {
        int end = nextLine();
        return new String(buf, lineStart, end - lineStart, StandardCharsets.ISO_8859_1);
    }

    /** Reads more bytes, keeping unread ones; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /** Whether the connection can carry another request: no leftover bytes, not told to close. */
    boolean reusable() {
        return !closing && pos == limit && !socket.isClosed();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** The connection failed before the answer began: a kept-alive connection the receiver had closed. */
    static final class NoAnswerException extends IOException {
        NoAnswerException(String message) {
            super(message);
        }
    }
}
