package dev.telescale.testkit.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one accepted socket on its own thread: reads requests one after another (keep-alive and
 * pipelining both work because unread bytes stay in the buffer), hands each to the handler and writes the
 * answer with one socket write. Buffers are per connection and reused, header names are matched on bytes, and
 * only the headers the emulator needs become strings, so a request costs few allocations.
 */
final class HttpConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);
    private static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");
    private static final byte[] JSON_HEADERS = ascii("Content-Type: application/json\r\nContent-Length: ");
    private static final byte[] CLOSE_HEADER = ascii("Connection: close\r\n");
    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[][] STATUS_LINES = new byte[600][];
    private static final byte[] H_CONTENT_LENGTH = ascii("content-length");
    private static final byte[] H_TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] H_CONTENT_TYPE = ascii("content-type");
    private static final byte[] H_CONNECTION = ascii("connection");
    private static final byte[] H_EXPECT = ascii("expect");
    private static final int SINGLE_WRITE_LIMIT = 64 * 1024;
    private static final int RETAINED_BODY_BUFFER = 1024 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;

    static {
        for (int status = 100; status < 600; status++) {
            STATUS_LINES[status] = ascii("HTTP/1.1 " + status + " " + HttpResponse.reasonPhrase(status) + "\r\n");
        }
    }

    private final Socket socket;
    private final HttpHandler handler;
    private final HttpLimits limits;
    private final Runnable onClose;
    private final byte[] buf;
    private int pos;
    private int lim;
    private int lineStart;
    private int lineEnd;
    private byte[] body = new byte[4096];
    private byte[] out = new byte[8192];
    private InputStream in;
    private OutputStream os;

    HttpConnection(Socket socket, HttpHandler handler, HttpLimits limits, Runnable onClose) {
        this.socket = socket;
        this.handler = handler;
        this.limits = limits;
        this.onClose = onClose;
        this.buf = new byte[Math.max(8192, limits.maxHeadBytes())];
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout(limits.idleTimeoutMillis());
            in = socket.getInputStream();
            os = socket.getOutputStream();
            serve();
        } catch (SocketTimeoutException e) {
            LOG.debug("Closing an idle connection");
        } catch (IOException e) {
            LOG.debug("Connection ended: {}", e.toString());
        } finally {
            onClose.run();
        }
    }

    private void serve() throws IOException {
        while (true) {
            HttpRequest request;
            try {
                request = readRequest();
            } catch (HttpProtocolException e) {
                writeProtocolError(e);
                return;
            }
            if (request == null) {
                return;
            }
            HttpResponse response;
            try {
                response = handler.handle(request);
            } catch (RuntimeException e) {
                LOG.error("The emulator failed to handle a request", e);
                response = HttpResponse.json(500, errorBody(500, "Internal Server Error: the emulator failed: " + e));
            }
            if (body.length > RETAINED_BODY_BUFFER) {
                body = new byte[4096];
            }
            switch (response.delivery()) {
                case CLOSE -> {
                    return;
                }
                case TRUNCATE -> {
                    write(response, true, response.body().length / 2);
                    socket.shutdownOutput();
                    return;
                }
                case NORMAL -> {
                    write(response, request.keepAlive(), response.body().length);
                    if (!request.keepAlive()) {
                        return;
                    }
                }
            }
        }
    }

    /** Reads the next request; {@code null} when the peer closed the connection between requests. */
    private HttpRequest readRequest() throws IOException, HttpProtocolException {
        int headBytes = 0;
        do {
            if (!readLine(limits.maxHeadBytes() - headBytes, 431)) {
                if (headBytes == 0 && pos == lim) {
                    return null;
                }
                throw new HttpProtocolException(400, "Bad Request: the request head ended early");
            }
            headBytes += lineLengthWithTerminator();
            checkHeadSize(headBytes);
        } while (lineEnd == lineStart);

        int sp1 = indexOf((byte) ' ', lineStart, lineEnd);
        int sp2 = sp1 < 0 ? -1 : indexOf((byte) ' ', sp1 + 1, lineEnd);
        if (sp1 <= lineStart || sp2 < 0 || sp2 == sp1 + 1) {
            throw new HttpProtocolException(400, "Bad Request: malformed request line");
        }
        for (int i = lineStart; i < sp1; i++) {
            byte b = buf[i];
            if (b < 'A' || b > 'Z') {
                throw new HttpProtocolException(400, "Bad Request: malformed request method");
            }
        }
        if (buf[sp1 + 1] != '/') {
            throw new HttpProtocolException(400, "Bad Request: the request target must be an absolute path");
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            byte b = buf[i];
            if (b <= ' ' || b == 127) {
                throw new HttpProtocolException(400, "Bad Request: the request target contains invalid characters");
            }
        }
        boolean http11;
        int versionLength = lineEnd - sp2 - 1;
        if (versionLength == 8 && startsWith(sp2 + 1, "HTTP/1.1")) {
            http11 = true;
        } else if (versionLength == 8 && startsWith(sp2 + 1, "HTTP/1.0")) {
            http11 = false;
        } else if (versionLength > 5 && startsWith(sp2 + 1, "HTTP/")) {
            throw new HttpProtocolException(505, "HTTP Version Not Supported: only HTTP/1.1 and HTTP/1.0 are served");
        } else {
            throw new HttpProtocolException(400, "Bad Request: malformed request line");
        }
        String method = methodName(lineStart, sp1 - lineStart);
        String target = new String(buf, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.ISO_8859_1);

        long contentLength = -1;
        boolean chunked = false;
        boolean keepAlive = http11;
        boolean expectContinue = false;
        String contentType = null;
        int headerCount = 0;
        while (true) {
            if (!readLine(limits.maxHeadBytes() - headBytes, 431)) {
                throw new HttpProtocolException(400, "Bad Request: the request head ended early");
            }
            headBytes += lineLengthWithTerminator();
            checkHeadSize(headBytes);
            if (lineEnd == lineStart) {
                break;
            }
            if (++headerCount > limits.maxHeaderCount()) {
                throw new HttpProtocolException(431, "Request Header Fields Too Large: more than "
                        + limits.maxHeaderCount() + " header lines");
            }
            if (buf[lineStart] == ' ' || buf[lineStart] == '\t') {
                throw new HttpProtocolException(400, "Bad Request: folded header lines are not supported");
            }
            int colon = indexOf((byte) ':', lineStart, lineEnd);
            if (colon <= lineStart || buf[colon - 1] == ' ' || buf[colon - 1] == '\t') {
                throw new HttpProtocolException(400, "Bad Request: malformed header line");
            }
            int valueStart = colon + 1;
            int valueEnd = lineEnd;
            while (valueStart < valueEnd && (buf[valueStart] == ' ' || buf[valueStart] == '\t')) {
                valueStart++;
            }
            while (valueEnd > valueStart && (buf[valueEnd - 1] == ' ' || buf[valueEnd - 1] == '\t')) {
                valueEnd--;
            }
            int nameLength = colon - lineStart;
            if (nameMatches(nameLength, H_CONTENT_LENGTH)) {
                if (contentLength >= 0) {
                    throw new HttpProtocolException(400, "Bad Request: more than one Content-Length header");
                }
                contentLength = parseContentLength(valueStart, valueEnd);
            } else if (nameMatches(nameLength, H_TRANSFER_ENCODING)) {
                if (!equalsIgnoreCase(valueStart, valueEnd - valueStart, "chunked")) {
                    throw new HttpProtocolException(501, "Not Implemented: only the chunked transfer coding is supported");
                }
                chunked = true;
            } else if (nameMatches(nameLength, H_CONTENT_TYPE)) {
                contentType = new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
            } else if (nameMatches(nameLength, H_CONNECTION)) {
                if (containsIgnoreCase(valueStart, valueEnd, "close")) {
                    keepAlive = false;
                } else if (containsIgnoreCase(valueStart, valueEnd, "keep-alive")) {
                    keepAlive = true;
                }
            } else if (nameMatches(nameLength, H_EXPECT)) {
                expectContinue = equalsIgnoreCase(valueStart, valueEnd - valueStart, "100-continue");
            }
        }
        if (chunked && contentLength >= 0) {
            throw new HttpProtocolException(400, "Bad Request: both Content-Length and Transfer-Encoding are present");
        }
        if (contentLength > limits.maxBodyBytes()) {
            throw new HttpProtocolException(413, "Request Entity Too Large: the body has " + contentLength
                    + " bytes, the limit is " + limits.maxBodyBytes());
        }
        if (expectContinue && (chunked || contentLength > 0) && pos == lim) {
            os.write(CONTINUE);
            os.flush();
        }
        int bodyLength = chunked ? readChunkedBody() : contentLength > 0 ? readBody((int) contentLength) : 0;
        return new HttpRequest(method, target, contentType, body, bodyLength, keepAlive);
    }

    private int readBody(int length) throws IOException, HttpProtocolException {
        ensureBodyCapacity(length);
        readInto(0, length);
        return length;
    }

    private int readChunkedBody() throws IOException, HttpProtocolException {
        int total = 0;
        while (true) {
            if (!readLine(MAX_CHUNK_LINE, 400)) {
                throw new HttpProtocolException(400, "Bad Request: the chunked body ended early");
            }
            long size = 0;
            int i = lineStart;
            for (; i < lineEnd; i++) {
                int digit = Character.digit(buf[i], 16);
                if (digit < 0) {
                    break;
                }
                size = size * 16 + digit;
                if (size > limits.maxBodyBytes()) {
                    throw tooLarge();
                }
            }
            if (i == lineStart || (i < lineEnd && buf[i] != ';' && buf[i] != ' ' && buf[i] != '\t')) {
                throw new HttpProtocolException(400, "Bad Request: malformed chunk size line");
            }
            if (size == 0) {
                skipTrailers();
                return total;
            }
            if (total + size > limits.maxBodyBytes()) {
                throw tooLarge();
            }
            ensureBodyCapacity((int) (total + size));
            readInto(total, (int) size);
            total += (int) size;
            if (!readLine(MAX_CHUNK_LINE, 400)) {
                throw new HttpProtocolException(400, "Bad Request: the chunked body ended early");
            }
            if (lineEnd != lineStart) {
                throw new HttpProtocolException(400, "Bad Request: chunk data is not followed by CRLF");
            }
        }
    }

    private void skipTrailers() throws IOException, HttpProtocolException {
        int budget = limits.maxHeadBytes();
        while (true) {
            if (!readLine(budget, 431)) {
                throw new HttpProtocolException(400, "Bad Request: the chunked body ended early");
            }
            budget -= lineLengthWithTerminator();
            if (lineEnd == lineStart) {
                return;
            }
        }
    }

    private HttpProtocolException tooLarge() {
        return new HttpProtocolException(413, "Request Entity Too Large: the body is larger than "
                + limits.maxBodyBytes() + " bytes");
    }

    /** Copies {@code length} body bytes to {@code body[offset..]}: first what is buffered, then from the socket. */
    private void readInto(int offset, int length) throws IOException, HttpProtocolException {
        int buffered = Math.min(lim - pos, length);
        System.arraycopy(buf, pos, body, offset, buffered);
        pos += buffered;
        int done = buffered;
        while (done < length) {
            int n = in.read(body, offset + done, length - done);
            if (n < 0) {
                throw new HttpProtocolException(400, "Bad Request: the body ended after " + done + " of "
                        + length + " announced bytes");
            }
            done += n;
        }
    }

    private void ensureBodyCapacity(int needed) {
        if (body.length < needed) {
            int grown = (int) Math.min(Math.max(needed, body.length * 2L), limits.maxBodyBytes());
            byte[] bigger = new byte[Math.max(grown, needed)];
            System.arraycopy(body, 0, bigger, 0, body.length);
            body = bigger;
        }
    }

    /**
     * Reads up to the next LF and sets {@link #lineStart}/{@link #lineEnd} (CR excluded); false at end of stream.
     * A line longer than {@code budget} bytes fails with {@code tooLongStatus}.
     */
    private boolean readLine(int budget, int tooLongStatus) throws IOException, HttpProtocolException {
        int scanned = 0;
        while (true) {
            for (int i = pos + scanned; i < lim; i++) {
                if (buf[i] == '\n') {
                    lineStart = pos;
                    lineEnd = (i > pos && buf[i - 1] == '\r') ? i - 1 : i;
                    pos = i + 1;
                    return true;
                }
            }
            scanned = lim - pos;
            if (scanned >= budget) {
                throw new HttpProtocolException(tooLongStatus, tooLongStatus == 431
                        ? "Request Header Fields Too Large: the request head is larger than "
                        + limits.maxHeadBytes() + " bytes"
                        : "Bad Request: a line of the chunked body is too long");
            }
            if (lim == buf.length) {
                if (pos == 0) {
                    throw new HttpProtocolException(tooLongStatus, "Request Header Fields Too Large: a line is too long");
                }
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                return false;
            }
            lim += n;
        }
    }

    private void checkHeadSize(int headBytes) throws HttpProtocolException {
        if (headBytes > limits.maxHeadBytes()) {
            throw new HttpProtocolException(431, "Request Header Fields Too Large: the request head is larger than "
                    + limits.maxHeadBytes() + " bytes");
        }
    }

    private int lineLengthWithTerminator() {
        return pos - lineStart;
    }

    private void write(HttpResponse response, boolean keepAlive, int bodyBytes) throws IOException {
        byte[] payload = response.body();
        int n = 0;
        n = put(n, STATUS_LINES[response.status()]);
        if (HttpResponse.JSON.equals(response.contentType())) {
            n = put(n, JSON_HEADERS);
        } else {
            n = put(n, ascii("Content-Type: " + response.contentType() + "\r\nContent-Length: "));
        }
        n = putDecimal(n, payload.length);
        n = put(n, CRLF);
        if (!keepAlive) {
            n = put(n, CLOSE_HEADER);
        }
        n = put(n, CRLF);
        if (bodyBytes <= SINGLE_WRITE_LIMIT) {
            ensureOut(n + bodyBytes);
            System.arraycopy(payload, 0, out, n, bodyBytes);
            os.write(out, 0, n + bodyBytes);
        } else {
            os.write(out, 0, n);
            os.write(payload, 0, bodyBytes);
        }
        os.flush();
    }

    private void writeProtocolError(HttpProtocolException e) {
        try {
            byte[] answer = errorBody(e.status(), e.getMessage());
            write(HttpResponse.json(e.status(), answer), false, answer.length);
            socket.shutdownOutput();
        } catch (IOException ignored) {
            LOG.debug("Could not answer a malformed request: the peer is gone");
        }
    }

    private int put(int at, byte[] bytes) {
        ensureOut(at + bytes.length);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private int putDecimal(int at, int value) {
        ensureOut(at + 11);
        if (value == 0) {
            out[at] = '0';
            return at + 1;
        }
        int digits = 0;
        for (int v = value; v > 0; v /= 10) {
            digits++;
        }
        for (int i = at + digits - 1, v = value; i >= at; i--, v /= 10) {
            out[i] = (byte) ('0' + v % 10);
        }
        return at + digits;
    }

    private void ensureOut(int needed) {
        if (out.length < needed) {
            byte[] bigger = new byte[Math.max(needed, out.length * 2)];
            System.arraycopy(out, 0, bigger, 0, out.length);
            out = bigger;
        }
    }

    private long parseContentLength(int start, int end) throws HttpProtocolException {
        if (start == end || end - start > 18) {
            throw new HttpProtocolException(400, "Bad Request: invalid Content-Length");
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            byte b = buf[i];
            if (b < '0' || b > '9') {
                throw new HttpProtocolException(400, "Bad Request: invalid Content-Length");
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private String methodName(int start, int length) {
        if (length == 4 && startsWith(start, "POST")) {
            return "POST";
        }
        if (length == 3 && startsWith(start, "GET")) {
            return "GET";
        }
        return new String(buf, start, length, StandardCharsets.ISO_8859_1);
    }

    private boolean nameMatches(int length, byte[] lowerName) {
        if (length != lowerName.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((buf[lineStart + i] | 0x20) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean equalsIgnoreCase(int start, int length, String lower) {
        if (length != lower.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (Character.toLowerCase((char) buf[start + i]) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(int start, int end, String lower) {
        for (int i = start; i + lower.length() <= end; i++) {
            if (equalsIgnoreCase(i, lower.length(), lower)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWith(int start, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[start + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A Telegram-style error envelope; the description is ours, so only quotes and backslashes need escaping. */
    static byte[] errorBody(int status, String description) {
        StringBuilder sb = new StringBuilder(64 + description.length());
        sb.append("{\"ok\":false,\"error_code\":").append(status).append(",\"description\":\"");
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
