package dev.telescale.bot.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} on the JDK's {@code java.net.http.HttpClient}, for HTTP/2 or setups the socket transport does
 * not cover (an authenticating HTTP proxy through a JDK {@code Authenticator}). Each {@link Lane} has its own client,
 * hence its own connections; a semaphore per lane bounds concurrent calls and gives the pool timeout its meaning.
 *
 * <p>Differences to {@link SocketTransport}, from what HttpClient offers: the connect timeout is fixed per transport
 * (the builder's), not per call; the read and write timeouts of a call are added up into HttpClient's single
 * per-request timeout (time until the response head); a streamed upload goes through a pipe fed by a virtual thread;
 * SOCKS proxies are not supported by HttpClient.
 */
public final class JdkHttpTransport implements Transport {

    private final HttpClient apiClient;
    private final HttpClient longPollClient;
    private final Semaphore apiPermits;
    private final Semaphore longPollPermits;
    private final int poolSize;
    private final int longPollPoolSize;
    private final String userAgent;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdkHttpTransport(Builder b) {
        this.apiClient = client(b);
        this.longPollClient = client(b);
        this.poolSize = b.poolSize;
        this.longPollPoolSize = b.longPollPoolSize;
        this.apiPermits = new Semaphore(b.poolSize, true);
        this.longPollPermits = new Semaphore(b.longPollPoolSize, true);
        this.userAgent = b.userAgent;
    }

    private static HttpClient client(Builder b) {
        HttpClient.Builder hb = HttpClient.newBuilder()
                .version(b.version)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (b.connectTimeout != null) {
            hb.connectTimeout(b.connectTimeout);
        }
        if (b.proxy != null) {
            hb.proxy(ProxySelector.of((InetSocketAddress) b.proxy.address()));
        }
        return hb.build();
    }

    public static JdkHttpTransport create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TransportResponse post(Endpoint endpoint, RequestBody body, Timeouts timeouts, Lane lane)
            throws TransportException {
        Objects.requireNonNull(body, "body");
        Semaphore permits = lane == Lane.LONG_POLL ? longPollPermits : apiPermits;
        acquire(permits, endpoint, timeouts, lane);
        try {
            HttpRequest request = request(endpoint, timeouts)
                    .header("Content-Type", body.contentType())
                    .POST(publisher(body))
                    .build();
            HttpClient client = lane == Lane.LONG_POLL ? longPollClient : apiClient;
            HttpResponse<byte[]> response = send(client, request, HttpResponse.BodyHandlers.ofByteArray(), endpoint,
                    timeouts);
            return new TransportResponse(response.statusCode(), response.body());
        } finally {
            permits.release();
        }
    }

    @Override
    public ResponseStream get(Endpoint endpoint, Timeouts timeouts) throws TransportException {
        acquire(apiPermits, endpoint, timeouts, Lane.API);
        boolean handedOver = false;
        try {
            HttpRequest request = request(endpoint, timeouts).GET().build();
            HttpResponse<InputStream> response = send(apiClient, request, HttpResponse.BodyHandlers.ofInputStream(),
                    endpoint, timeouts);
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            AtomicBoolean done = new AtomicBoolean();
            InputStream in = response.body();
            handedOver = true;
            return new ResponseStream() {
                @Override
                public int status() {
                    return response.statusCode();
                }

                @Override
                public long contentLength() {
                    return length;
                }

                @Override
                public InputStream body() {
                    return in;
                }

                @Override
                public void close() {
                    if (done.compareAndSet(false, true)) {
                        try {
                            in.close();
                        } catch (IOException ignored) {
                            // the stream is being abandoned
                        } finally {
                            apiPermits.release();
                        }
                    }
                }
            };
        } finally {
            if (!handedOver) {
                apiPermits.release();
            }
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            apiClient.shutdownNow();
            longPollClient.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "JdkHttpTransport[" + apiClient.version() + ", pool=" + poolSize + ", longPollPool="
                + longPollPoolSize + "]";
    }

    private HttpRequest.Builder request(Endpoint endpoint, Timeouts timeouts) {
        if (closed.get()) {
            throw new IllegalStateException("This transport is closed");
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint.uri()).header("User-Agent", userAgent);
        if (timeouts.read() != null) {
            rb.timeout(timeouts.write() == null ? timeouts.read() : timeouts.read().plus(timeouts.write()));
        }
        return rb;
    }

    private void acquire(Semaphore permits, Endpoint endpoint, Timeouts timeouts, Lane lane)
            throws TransportException {
        long nanos = Timeouts.nanosOrUnlimited(timeouts.pool());
        boolean ok;
        try {
            ok = permits.tryAcquire() || (nanos < 0 ? acquireForever(permits) : nanos > 0
                    && permits.tryAcquire(nanos, TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(endpoint.description() + ": interrupted while waiting for a free slot; "
                    + "the request was not sent", false, null);
        }
        if (!ok) {
            throw new TransportTimeoutException(TransportTimeoutException.Phase.POOL, endpoint.description()
                    + ": pool timeout: all " + (lane == Lane.LONG_POLL ? longPollPoolSize : poolSize)
                    + " slots on the " + lane + " lane stayed busy for " + timeouts.pool()
                    + "; the request was not sent. Raise the pool size or the pool timeout.", false, null);
        }
    }

    private static boolean acquireForever(Semaphore permits) throws InterruptedException {
        permits.acquire();
        return true;
    }

    private static <T> HttpResponse<T> send(HttpClient client, HttpRequest request,
                                            HttpResponse.BodyHandler<T> handler, Endpoint endpoint,
                                            Timeouts timeouts) throws TransportException {
        try {
            return client.send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw new TransportTimeoutException(TransportTimeoutException.Phase.CONNECT, endpoint.description()
                    + ": could not connect to " + endpoint.origin() + " within the connect timeout; "
                    + "the request was not sent", false, null);
        } catch (HttpTimeoutException e) {
            throw new TransportTimeoutException(TransportTimeoutException.Phase.READ, endpoint.description()
                    + ": no response from " + endpoint.origin() + " within " + timeouts.read()
                    + (timeouts.write() == null ? "" : " + " + timeouts.write()), true, null);
        } catch (ConnectException e) {
            throw new TransportException(endpoint.description() + ": could not connect to " + endpoint.origin()
                    + ": " + endpoint.redact(String.valueOf(e.getMessage())) + "; the request was not sent", false,
                    null);
        } catch (IOException e) {
            throw new TransportException(endpoint.description() + ": I/O error talking to " + endpoint.origin() + ": "
                    + e.getClass().getSimpleName() + ": " + endpoint.redact(String.valueOf(e.getMessage())), true,
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(endpoint.description() + ": interrupted while waiting for the response",
                    true, null);
        }
    }

    private static HttpRequest.BodyPublisher publisher(RequestBody body) {
        if (body instanceof RequestBody.ByteArrayBody bytes) {
            return HttpRequest.BodyPublishers.ofByteArray(bytes.bytes(), bytes.offset(), bytes.length());
        }
        HttpRequest.BodyPublisher streamed = HttpRequest.BodyPublishers.ofInputStream(() -> pipe(body));
        long length = body.contentLength();
        return length < 0 ? streamed : HttpRequest.BodyPublishers.fromPublisher(streamed, length);
    }

    /** Turns a body that writes itself into a stream HttpClient can pull from, fed by a virtual thread. */
    private static InputStream pipe(RequestBody body) {
        try {
            PipedInputStream in = new PipedInputStream(64 * 1024);
            PipedOutputStream out = new PipedOutputStream(in);
            Thread.ofVirtual().name("telescale-upload").start(() -> {
                try (OutputStream o = out) {
                    body.writeTo(o);
                } catch (IOException e) {
                    // The reader sees the pipe break and fails the request.
                }
            });
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of a {@link JdkHttpTransport}. */
    public static final class Builder {
        private int poolSize = 256;
        private int longPollPoolSize = 1;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private HttpClient.Version version = HttpClient.Version.HTTP_1_1;
        private Proxy proxy;
        private String userAgent = "Telescale";

        private Builder() {
        }

        /** Concurrent API calls (default 256). */
        public Builder poolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, was " + size);
            }
            this.poolSize = size;
            return this;
        }

        /** Concurrent long polls (default 1). */
        public Builder longPollPoolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("longPollPoolSize must be at least 1, was " + size);
            }
            this.longPollPoolSize = size;
            return this;
        }

        /** Connect timeout for every call (HttpClient has no per-request connect timeout); null: none. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** HTTP version: {@code HTTP_1_1} (default) or {@code HTTP_2}. */
        public Builder version(HttpClient.Version version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** An HTTP proxy. SOCKS is not supported by HttpClient: use {@link SocketTransport}. */
        public Builder proxy(Proxy proxy) {
            if (proxy.type() == Proxy.Type.SOCKS) {
                throw new IllegalArgumentException("HttpClient does not support SOCKS proxies; use SocketTransport");
            }
            this.proxy = proxy.type() == Proxy.Type.DIRECT ? null : proxy;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public JdkHttpTransport build() {
            return new JdkHttpTransport(this);
        }
    }
}
