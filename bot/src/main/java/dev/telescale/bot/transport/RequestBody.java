package dev.telescale.bot.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The body of a POST: a content type, a length when known, and a way to write the bytes. Bodies are written straight
 * to the connection, so an upload streams a file without holding it in memory.
 *
 * <p>A transport retries a request on a second connection only when {@link #repeatable()} says the body can be
 * written twice (see {@link SocketTransport} for the rule).
 */
public interface RequestBody {

    /** The Content-Type header value, e.g. {@code application/json}. ASCII only. */
    String contentType();

    /** Exact length in bytes, or -1 when unknown (the transport then sends it chunked). */
    long contentLength();

    /** Writes the body. Must write exactly {@link #contentLength()} bytes when that is not -1. */
    void writeTo(OutputStream out) throws IOException;

    /** Whether {@link #writeTo} may be called more than once with the same result. */
    boolean repeatable();

    /** A repeatable body of the given bytes (not copied: do not change them afterwards). */
    static RequestBody of(String contentType, byte[] bytes) {
        return of(contentType, bytes, 0, bytes.length);
    }

    /** A repeatable body of {@code length} bytes of {@code bytes} from {@code offset} (not copied). */
    static RequestBody of(String contentType, byte[] bytes, int offset, int length) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return new ByteArrayBody(contentType, bytes, offset, length);
    }

    /** A body held in a byte array; exposes the array so a transport can copy it in one go. */
    record ByteArrayBody(String contentType, byte[] bytes, int offset, int length) implements RequestBody {
        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public String toString() {
            return "ByteArrayBody[" + contentType + ", " + length + " bytes]";
        }
    }
}
