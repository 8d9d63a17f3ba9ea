package dev.telescale.testkit.http;

/**
 * The limits that keep a misbehaving client from exhausting the server: the largest accepted body (bigger gets
 * 413), the largest request head in bytes and the most header lines (more gets 431), and how long an idle
 * keep-alive connection is kept open waiting for its next request.
 *
 * @param maxBodyBytes     largest request body, after chunked decoding
 * @param maxHeadBytes     largest request line plus headers
 * @param maxHeaderCount   most header lines in one request
 * @param idleTimeoutMillis how long a connection may stay silent before it is closed; 0 keeps it forever
 */
public record HttpLimits(int maxBodyBytes, int maxHeadBytes, int maxHeaderCount, int idleTimeoutMillis) {

    /** 50 MiB bodies (Telegram's upload limit), 16 KiB heads, 100 headers, 10 minutes idle. */
    public static final HttpLimits DEFAULT = new HttpLimits(50 * 1024 * 1024, 16 * 1024, 100, 600_000);

    public HttpLimits {
        if (maxBodyBytes < 0 || maxHeadBytes < 256 || maxHeaderCount < 1 || idleTimeoutMillis < 0) {
            throw new IllegalArgumentException("HTTP limits must be positive and the head limit at least 256 bytes");
        }
    }
}
