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

    private int readHead() throws IOException {
        contentLength = -1;
        chunked = false;
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("malformed status line from the webhook: " + abbreviate(statusLine));
        }
        boolean http10 = statusLine.charAt(7) == '0';
        int status;
        try {
            status = Integer.parseInt(statusLine, 9, 12, 10);
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line from the webhook: " + abbreviate(statusLine));
        }
        boolean keepAlive = !http10;
        int headBytes = statusLine.length();
        String line;
        while (!(line = readLine()).isEmpty()) {
            headBytes += line.length();
            if (headBytes > MAX_HEAD) {
                throw new IOException("the webhook's answer head is too large");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IOException("invalid Content-Length from the webhook: " + abbreviate(value));
                }
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(java.util.Locale.ROOT).endsWith("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                String v = value.toLowerCase(java.util.Locale.ROOT);
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

    /** A line without its CR LF (Latin-1). */
    private String readLine() throws IOException {
        int start = pos;
        while (true) {
            for (int i = start; i < limit; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
                }
            }
            start = limit;
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
