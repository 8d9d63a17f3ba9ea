package dev.telescale.bot.transport;

/**
 * How the Bot talks HTTP: bytes in, status and bytes out. The Bot encodes requests and decodes responses; a transport
 * only moves bytes, keeps connections, and enforces the {@link Timeouts} given with each call.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Never print {@link Endpoint#uri()}: it contains the bot token. Name the call by
 *       {@link Endpoint#description()}, and pass foreign exception text through {@link Endpoint#redact(String)}.</li>
 *   <li>Fail with {@link TransportTimeoutException} for timeouts and {@link TransportException} for every other
 *       failure below HTTP; any HTTP status, 4xx and 5xx included, is a normal {@link TransportResponse}.</li>
 *   <li>Keep {@link Lane#LONG_POLL} calls from waiting on {@link Lane#API} calls and vice versa.</li>
 *   <li>Be safe for use from many (virtual) threads at once; do not hold monitors while blocking on I/O.</li>
 * </ul>
 * Two implementations ship: {@link SocketTransport} (the default, a lean HTTP/1.1 client) and
 * {@link JdkHttpTransport} (on {@code java.net.http.HttpClient}, for HTTP/2).
 */
public interface Transport extends AutoCloseable {

    /** Sends a POST and returns the whole response. */
    TransportResponse post(Endpoint endpoint, RequestBody body, Timeouts timeouts, Lane lane) throws TransportException;

    /** Sends a GET on the {@link Lane#API} lane and returns the response with its body still to be read. */
    ResponseStream get(Endpoint endpoint, Timeouts timeouts) throws TransportException;

    /** Closes idle connections and refuses new calls; calls in progress finish or fail. */
    @Override
    void close();
}
