package dev.telescale.bot.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * One keep-alive HTTP/1.1 connection of {@link SocketTransport}: the socket, a write buffer and a read buffer that
 * live as long as the connection, and the parser state of the response being read. Used by one thread at a time
 * (the pool hands it out exclusively), so it needs no locks; the only cross-thread fields are the write deadline and
 * the abort flag that the {@link WriteWatchdog} reads and sets.
 */
final class Connection {

    private static final byte[] HTTP11 = ascii(" HTTP/1.1\r\nHost: ");
    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] CONTENT_TYPE = ascii("Content-Type: ");
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] CHUNKED = ascii("Transfer-Encoding: chunked\r\n");
    private static final byte[] H_CONTENT_LENGTH = ascii("content-length");
    private static final byte[] H_TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] H_CONNECTION = ascii("connection");
    private static final byte[] T_CHUNKED = ascii("chunked");
    private static final byte[] T_CLOSE = ascii("close");
    private static final byte[] T_KEEP_ALIVE = ascii("keep-alive");
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private static final int BODY_DONE = 0;
    private static final int BODY_LENGTH = 1;
    private static final int BODY_CHUNKED = 2;
    private static final int BODY_UNTIL_EOF = 3;

    final Origin origin;
    private final Socket raw;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final boolean absoluteForm;

    private final byte[] wbuf = new byte[8192];
    private int wpos;
    private final byte[] rbuf = new byte[16384];
    private int rpos;
    private int rlim;
    private byte[] scratch;
    private final BufferedOut bufferedOut = new BufferedOut();

    /** Nonzero while a write with a deadline is in progress; read by the watchdog. */
    volatile long writeDeadline;
    /** Set by the watchdog when it closed the socket because a write took too long. */
    volatile boolean writeAborted;
    private volatile boolean closed;

    /** When the connection was last returned to its pool. */
    long idleSince;
    /** True when the current exchange runs on a connection that served an earlier one. */
    boolean reused;
    private int currentSoTimeout = -1;

    /** Bytes of the current response received so far, status line included (0: nothing arrived yet). */
    long responseBytes;
    int status;
    private long contentLength;
    private boolean closeAfter;
    private int bodyMode;
    private long bodyRemaining;
    private boolean firstChunk;

    private final WriteWatchdog watchdog;

    Connection(Origin origin, Socket raw, Socket socket, boolean absoluteForm, WriteWatchdog watchdog)
            throws IOException {
        this.origin = origin;
        this.watchdog = watchdog;
        this.raw = raw;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.absoluteForm = absoluteForm;
        watchdog.register(this);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    // ---------------------------------------------------------------- request

    /**
     * Writes the request head and body and flushes. {@code method} is "POST " or "GET " as bytes; {@code body} is null
     * for a GET. Writes are guarded by the watchdog when {@code writeTimeoutNanos} is not -1.
     */
    void writeRequest(byte[] method, Endpoint endpoint, RequestBody body, byte[] fixedHeaders,
                      long writeTimeoutNanos) throws IOException {
        responseBytes = 0;
        wpos = 0;
        put(method);
        if (absoluteForm) {
            put(endpoint.absolutePrefixAscii());
        }
        put(endpoint.targetAscii());
        put(HTTP11);
        put(endpoint.authorityAscii());
        put(CRLF);
        put(fixedHeaders);
        long length = -1;
        if (body != null) {
            put(CONTENT_TYPE);
            putAscii(body.contentType());
            put(CRLF);
            length = body.contentLength();
            if (length >= 0) {
                put(CONTENT_LENGTH);
                putDecimal(length);
                put(CRLF);
            } else {
                put(CHUNKED);
            }
        }
        put(CRLF);
        watchdog.begin(this, writeTimeoutNanos);
        try {
            if (body != null) {
                writeBody(body, length);
            }
            if (wpos > 0) {
                out.write(wbuf, 0, wpos);
                wpos = 0;
            }
            out.flush();
        } finally {
            watchdog.end(this);
        }
    }

    private void writeBody(RequestBody body, long length) throws IOException {
        if (body instanceof RequestBody.ByteArrayBody bytes) {
            // The common case: a small JSON body joins the head in one socket write.
            if (bytes.length() <= wbuf.length - wpos) {
                System.arraycopy(bytes.bytes(), bytes.offset(), wbuf, wpos, bytes.length());
                wpos += bytes.length();
            } else {
                out.write(wbuf, 0, wpos);
                wpos = 0;
                out.write(bytes.bytes(), bytes.offset(), bytes.length());
            }
            return;
        }
        bufferedOut.count = 0;
        if (length >= 0) {
            body.writeTo(bufferedOut);
            if (bufferedOut.count != length) {
                throw new BodyLengthMismatch(length, bufferedOut.count);
            }
        } else {
            ChunkedOut chunked = new ChunkedOut(bufferedOut);
            body.writeTo(chunked);
            chunked.finish();
        }
    }

    private void put(byte[] b) throws IOException {
        if (b.length > wbuf.length - wpos) {
            out.write(wbuf, 0, wpos);
            wpos = 0;
            if (b.length > wbuf.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, wbuf, wpos, b.length);
        wpos += b.length;
    }

    private void putAscii(String s) throws IOException {
        int n = s.length();
        if (n > wbuf.length - wpos) {
            out.write(wbuf, 0, wpos);
            wpos = 0;
            if (n > wbuf.length) {
                throw new IOException("Header value too long (" + n + " characters)");
            }
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c >= 0x7f) {
                throw new IOException("Header value must be printable ASCII");
            }
            wbuf[wpos++] = (byte) c;
        }
    }

    private void putDecimal(long v) throws IOException {
        if (wbuf.length - wpos < 20) {
            out.write(wbuf, 0, wpos);
            wpos = 0;
        }
        int digits = 1;
        for (long p = 10; p <= v && digits < 19; p *= 10) {
            digits++;
        }
        int end = wpos + digits;
        for (int i = end - 1; i >= wpos; i--) {
            wbuf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        wpos = end;
    }

    /** The connection's write buffer as a stream for bodies that write themselves (uploads); counts bytes. */
    private final class BufferedOut extends OutputStream {
        long count;

        @Override
        public void write(int b) throws IOException {
            if (wpos == wbuf.length) {
                out.write(wbuf, 0, wpos);
                wpos = 0;
            }
            wbuf[wpos++] = (byte) b;
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (len >= wbuf.length) {
                if (wpos > 0) {
                    out.write(wbuf, 0, wpos);
                    wpos = 0;
                }
                out.write(b, off, len);
                return;
            }
            if (len > wbuf.length - wpos) {
                out.write(wbuf, 0, wpos);
                wpos = 0;
            }
            System.arraycopy(b, off, wbuf, wpos, len);
            wpos += len;
        }
    }

    /** Chunked transfer coding for request bodies of unknown length. */
    private static final class ChunkedOut extends OutputStream {
        private final OutputStream sink;
        private final byte[] one = new byte[1];

        ChunkedOut(OutputStream sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            one[0] = (byte) b;
            write(one, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            sink.write(ascii(Integer.toHexString(len) + "\r\n"));
            sink.write(b, off, len);
            sink.write(CRLF);
        }

        void finish() throws IOException {
            sink.write(ascii("0\r\n\r\n"));
        }
    }

    /** The body wrote a different number of bytes than it announced: the request on the wire is corrupt. */
    static final class BodyLengthMismatch extends IOException {
        BodyLengthMismatch(long announced, long written) {
            super("Request body announced " + announced + " bytes but wrote " + written);
        }
    }

    // ---------------------------------------------------------------- response head

    /** Sets the socket read timeout, skipping the system call when it is unchanged. */
    void readTimeout(int millis) throws IOException {
        if (millis != currentSoTimeout) {
            socket.setSoTimeout(millis);
            currentSoTimeout = millis;
        }
    }

    /**
     * Reads the status line and headers of the next final response (skipping 1xx responses) and prepares the body
     * reader. {@code headRequest}-style bodiless responses are recognised by status (1xx, 204, 304).
     */
    void readHead() throws IOException {
        while (true) {
            int headerBytes = 0;
            int lineEnd = lineEnd();
            headerBytes += lineEnd - rpos + 1;
            parseStatusLine(rpos, trimCr(rpos, lineEnd));
            rpos = lineEnd + 1;
            contentLength = -1;
            boolean chunked = false;
            boolean keepAliveHeader = false;
            boolean closeHeader = false;
            while (true) {
                lineEnd = lineEnd();
                headerBytes += lineEnd - rpos + 1;
                if (headerBytes > MAX_HEADER_BYTES) {
                    throw new MalformedResponse("Response headers exceed " + MAX_HEADER_BYTES + " bytes");
                }
                int end = trimCr(rpos, lineEnd);
                if (end == rpos) {
                    rpos = lineEnd + 1;
                    break;
                }
                int colon = indexOf(rpos, end, (byte) ':');
                if (colon <= rpos) {
                    throw new MalformedResponse("Malformed response header line");
                }
                int vStart = colon + 1;
                while (vStart < end && (rbuf[vStart] == ' ' || rbuf[vStart] == '\t')) {
                    vStart++;
                }
                int vEnd = end;
                while (vEnd > vStart && (rbuf[vEnd - 1] == ' ' || rbuf[vEnd - 1] == '\t')) {
                    vEnd--;
                }
                if (nameIs(rpos, colon, H_CONTENT_LENGTH)) {
                    long len = parseDecimal(vStart, vEnd);
                    if (contentLength >= 0 && contentLength != len) {
                        throw new MalformedResponse("Conflicting Content-Length headers");
                    }
                    contentLength = len;
                } else if (nameIs(rpos, colon, H_TRANSFER_ENCODING)) {
                    if (containsToken(vStart, vEnd, T_CHUNKED)) {
                        chunked = true;
                    } else {
                        throw new MalformedResponse("Unsupported Transfer-Encoding");
                    }
                } else if (nameIs(rpos, colon, H_CONNECTION)) {
                    closeHeader |= containsToken(vStart, vEnd, T_CLOSE);
                    keepAliveHeader |= containsToken(vStart, vEnd, T_KEEP_ALIVE);
                }
                rpos = lineEnd + 1;
            }
            if (status < 200) {
                continue; // 100 Continue and friends: the final response follows
            }
            closeAfter = closeHeader || (http10 && !keepAliveHeader);
            firstChunk = true;
            if (status == 204 || status == 304) {
                bodyMode = BODY_DONE;
                contentLength = 0;
            } else if (chunked) {
                // A Content-Length next to chunked coding is ignored (RFC 9112 6.3); the length is unknown.
                bodyMode = BODY_CHUNKED;
                contentLength = -1;
                bodyRemaining = 0;
            } else if (contentLength >= 0) {
                bodyMode = contentLength == 0 ? BODY_DONE : BODY_LENGTH;
                bodyRemaining = contentLength;
            } else {
                bodyMode = BODY_UNTIL_EOF;
                closeAfter = true;
            }
            return;
        }
    }

    private boolean http10;

    private void parseStatusLine(int start, int end) throws MalformedResponse {
        // "HTTP/1.1 200 OK": check the fixed positions instead of splitting strings.
        if (end - start < 12 || rbuf[start] != 'H' || rbuf[start + 1] != 'T' || rbuf[start + 2] != 'T'
                || rbuf[start + 3] != 'P' || rbuf[start + 4] != '/' || rbuf[start + 5] != '1' || rbuf[start + 6] != '.'
                || rbuf[start + 8] != ' ' || (end - start > 12 && rbuf[start + 12] != ' ')) {
            throw new MalformedResponse("Response does not start with an HTTP/1.x status line");
        }
        http10 = rbuf[start + 7] == '0';
        int s = 0;
        for (int i = start + 9; i < start + 12; i++) {
            int d = rbuf[i] - '0';
            if (d < 0 || d > 9) {
                throw new MalformedResponse("Response status code is not a number");
            }
            s = s * 10 + d;
        }
        if (s < 100) {
            throw new MalformedResponse("Response status code out of range: " + s);
        }
        status = s;
    }

    private int trimCr(int start, int lf) {
        return lf > start && rbuf[lf - 1] == '\r' ? lf - 1 : lf;
    }

    private int indexOf(int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (rbuf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private boolean nameIs(int start, int end, byte[] lowerName) {
        if (end - start != lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            int c = rbuf[start + i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the comma-separated header value holds {@code token} (case-insensitive). */
    private boolean containsToken(int start, int end, byte[] token) {
        int i = start;
        while (i < end) {
            while (i < end && (rbuf[i] == ' ' || rbuf[i] == '\t' || rbuf[i] == ',')) {
                i++;
            }
            int j = i;
            while (j < end && rbuf[j] != ',' && rbuf[j] != ';') {
                j++;
            }
            int k = j;
            while (k > i && (rbuf[k - 1] == ' ' || rbuf[k - 1] == '\t')) {
                k--;
            }
            if (nameIs(i, k, token)) {
                return true;
            }
            while (j < end && rbuf[j] != ',') {
                j++;
            }
            i = j;
        }
        return false;
    }

    private long parseDecimal(int start, int end) throws MalformedResponse {
        if (start == end || end - start > 18) {
            throw new MalformedResponse("Invalid Content-Length");
        }
        long v = 0;
        for (int i = start; i < end; i++) {
            int d = rbuf[i] - '0';
            if (d < 0 || d > 9) {
                throw new MalformedResponse("Invalid Content-Length");
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Index of the next '\n' in the read buffer, reading more as needed. */
    private int lineEnd() throws IOException {
        int scanFrom = rpos;
        while (true) {
            for (int i = scanFrom; i < rlim; i++) {
                if (rbuf[i] == '\n') {
                    return i;
                }
            }
            if (rpos > 0) {
                int n = rlim - rpos;
                System.arraycopy(rbuf, rpos, rbuf, 0, n);
                rpos = 0;
                rlim = n;
            }
            scanFrom = rlim;
            if (rlim == rbuf.length) {
                throw new MalformedResponse("Response line longer than " + rbuf.length + " bytes");
            }
            if (fill() < 0) {
                throw new EOFException();
            }
        }
    }

    /** Reads more bytes into the buffer after {@code rlim}; -1 at end of stream. */
    private int fill() throws IOException {
        int n = in.read(rbuf, rlim, rbuf.length - rlim);
        if (n > 0) {
            rlim += n;
            responseBytes += n;
        }
        return n;
    }

    // ---------------------------------------------------------------- response body

    /** Whether the connection may serve another request once the current body was read to its end. */
    boolean reusable() {
        return !closeAfter && bodyMode == BODY_DONE && !closed;
    }

    /** Length the server announced, -1 when unknown. */
    long contentLength() {
        return contentLength;
    }

    /**
     * Reads the whole body. Fails with {@link TruncatedBody} when the connection ends early and with
     * {@link MalformedResponse} when the body is larger than {@code maxBytes}.
     */
    byte[] readWholeBody(long maxBytes) throws IOException {
        if (bodyMode == BODY_DONE) {
            return EMPTY;
        }
        if (bodyMode == BODY_LENGTH) {
            if (contentLength > maxBytes) {
                throw new MalformedResponse("Response body of " + contentLength + " bytes exceeds the limit of "
                        + maxBytes);
            }
            byte[] body = new byte[(int) contentLength];
            int off = 0;
            while (off < body.length) {
                int n = readBody(body, off, body.length - off);
                if (n < 0) {
                    throw new TruncatedBody(off, contentLength);
                }
                off += n;
            }
            return body;
        }
        if (scratch == null) {
            scratch = new byte[8192];
        }
        int len = 0;
        while (true) {
            if (len == scratch.length) {
                if (len >= maxBytes) {
                    throw new MalformedResponse("Response body exceeds the limit of " + maxBytes + " bytes");
                }
                scratch = Arrays.copyOf(scratch, (int) Math.min((long) len * 2, Math.max(maxBytes, 8192)));
            }
            int n = readBody(scratch, len, scratch.length - len);
            if (n < 0) {
                break;
            }
            len += n;
            if (len > maxBytes) {
                throw new MalformedResponse("Response body exceeds the limit of " + maxBytes + " bytes");
            }
        }
        byte[] body = Arrays.copyOf(scratch, len);
        if (scratch.length > 1 << 20) {
            scratch = null; // do not pin a large buffer to an idle connection
        }
        return body;
    }

    /** Reads body bytes; -1 at the end of the body. */
    int readBody(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        switch (bodyMode) {
            case BODY_DONE:
                return -1;
            case BODY_LENGTH: {
                int n = readRaw(b, off, (int) Math.min(len, bodyRemaining));
                if (n < 0) {
                    throw new TruncatedBody(contentLength - bodyRemaining, contentLength);
                }
                bodyRemaining -= n;
                if (bodyRemaining == 0) {
                    bodyMode = BODY_DONE;
                }
                return n;
            }
            case BODY_UNTIL_EOF: {
                int n = readRaw(b, off, len);
                if (n < 0) {
                    bodyMode = BODY_DONE;
                }
                return n;
            }
            default: {
                if (bodyRemaining == 0) {
                    if (!nextChunk()) {
                        bodyMode = BODY_DONE;
                        return -1;
                    }
                }
                int n = readRaw(b, off, (int) Math.min(len, bodyRemaining));
                if (n < 0) {
                    throw new TruncatedBody(-1, -1);
                }
                bodyRemaining -= n;
                return n;
            }
        }
    }

    /** Advances to the next chunk; false after the last chunk and its trailers were consumed. */
    private boolean nextChunk() throws IOException {
        try {
            if (!firstChunk) {
                int lf = lineEnd();
                if (trimCr(rpos, lf) != rpos) {
                    throw new MalformedResponse("Chunk data longer than its announced size");
                }
                rpos = lf + 1;
            }
            firstChunk = false;
            int lf = lineEnd();
            int end = trimCr(rpos, lf);
            long size = 0;
            int digits = 0;
            for (int i = rpos; i < end; i++) {
                int c = rbuf[i];
                int d;
                if (c >= '0' && c <= '9') {
                    d = c - '0';
                } else if (c >= 'a' && c <= 'f') {
                    d = c - 'a' + 10;
                } else if (c >= 'A' && c <= 'F') {
                    d = c - 'A' + 10;
                } else if (c == ';' || c == ' ' || c == '\t') {
                    break; // chunk extensions are ignored
                } else {
                    throw new MalformedResponse("Invalid chunk size line");
                }
                if (++digits > 15) {
                    throw new MalformedResponse("Chunk size too large");
                }
                size = size * 16 + d;
            }
            if (digits == 0) {
                throw new MalformedResponse("Invalid chunk size line");
            }
            rpos = lf + 1;
            if (size == 0) {
                while (true) { // trailers, then the empty line
                    lf = lineEnd();
                    boolean empty = trimCr(rpos, lf) == rpos;
                    rpos = lf + 1;
                    if (empty) {
                        return false;
                    }
                }
            }
            bodyRemaining = size;
            return true;
        } catch (EOFException e) {
            throw new TruncatedBody(-1, -1);
        }
    }

    private int readRaw(byte[] b, int off, int len) throws IOException {
        int buffered = rlim - rpos;
        if (buffered > 0) {
            int n = Math.min(buffered, len);
            System.arraycopy(rbuf, rpos, b, off, n);
            rpos += n;
            if (rpos == rlim) {
                rpos = 0;
                rlim = 0;
            }
            return n;
        }
        rpos = 0;
        rlim = 0;
        if (len >= rbuf.length) {
            int n = in.read(b, off, len);
            if (n > 0) {
                responseBytes += n;
            }
            return n;
        }
        int n = fill();
        if (n < 0) {
            return -1;
        }
        return readRaw(b, off, len);
    }

    // ---------------------------------------------------------------- lifecycle

    boolean isClosed() {
        return closed || socket.isClosed();
    }

    /** Called by the watchdog: closes the TCP socket under a blocked write (closing the TLS layer could block). */
    void abortWrite() {
        writeAborted = true;
        try {
            raw.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.unregister(this);
        try {
            socket.close();
        } catch (IOException ignored) {
            // the connection is being dropped anyway
        }
        try {
            raw.close();
        } catch (IOException ignored) {
            // already closed through the TLS layer
        }
    }

    /** The response is not valid HTTP/1.1. */
    static final class MalformedResponse extends IOException {
        MalformedResponse(String message) {
            super(message);
        }
    }

    /** The connection ended before the body did. */
    static final class TruncatedBody extends IOException {
        TruncatedBody(long received, long announced) {
            super(announced >= 0
                    ? "Connection closed after " + received + " of " + announced + " body bytes"
                    : "Connection closed in the middle of a chunked body");
        }
    }
}
