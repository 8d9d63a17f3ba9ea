package dev.telescale.bot.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The default {@link Transport}: a small HTTP/1.1 client over plain keep-alive sockets, made for the one thing a bot
 * does all day, many small POSTs to one host. Each origin has a bounded pool of connections per {@link Lane}, so a
 * long poll has a connection of its own. Requests are written from per-connection buffers with precomputed header
 * bytes, and responses are parsed in place; a {@code getUpdates} + {@code sendMessage} round allocates little more
 * than the response bodies.
 *
 * <h2>Timeouts</h2>
 * Connect (TCP, TLS handshake, proxy CONNECT each), read (per wait for bytes), write (enforced by a watchdog that
 * closes the socket under a write that outlives it), pool (waiting for a free connection).
 *
 * <h2>Retry rule</h2>
 * A request is sent a second time, once, on a new connection, only when all of these hold:
 * <ol>
 *   <li>the connection was reused from the pool (a server may close an idle keep-alive connection at any moment, and
 *       a request can cross that close on the wire);</li>
 *   <li>the connection failed before a single byte of the response arrived: the write failed, or the read ended in
 *       end-of-stream or a reset. A read <em>timeout</em> is never retried: the server may be working on it;</li>
 *   <li>the body is {@link RequestBody#repeatable() repeatable}.</li>
 * </ol>
 * A server that closes an idle connection does so without reading the request, so such a request was not processed.
 * The residual risk, a server that read the request, acted on it and then died without answering, is
 * indistinguishable on the wire and accepted, as in mainstream HTTP clients.
 *
 * <h2>Proxies</h2>
 * SOCKS proxies natively (the proxy resolves host names); HTTP proxies with CONNECT for https and absolute-form
 * request targets for http. Proxy authentication is not supported.
 */
public final class SocketTransport implements Transport {

    private static final byte[] POST = "POST ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);

    private final int poolSize;
    private final int longPollPoolSize;
    private final long keepAliveNanos;
    private final long maxResponseBytes;
    private final Proxy proxy;
    private final SSLSocketFactory sslFactory;
    private final byte[] fixedHeaders;
    private final ConcurrentHashMap<Origin, ConnectionPool> apiPools = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Origin, ConnectionPool> longPollPools = new ConcurrentHashMap<>();
    private final WriteWatchdog watchdog;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SocketTransport(Builder b) {
        this.poolSize = b.poolSize;
        this.longPollPoolSize = b.longPollPoolSize;
        this.keepAliveNanos = b.keepAlive.toNanos();
        this.maxResponseBytes = b.maxResponseBytes;
        this.proxy = b.proxy;
        this.sslFactory = b.sslSocketFactory != null ? b.sslSocketFactory
                : (SSLSocketFactory) SSLSocketFactory.getDefault();
        this.fixedHeaders = ("User-Agent: " + b.userAgent + "\r\nAccept-Encoding: identity\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.watchdog = new WriteWatchdog("telescale-write-watchdog");
    }

    /** A transport with default settings. */
    public static SocketTransport create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TransportResponse post(Endpoint endpoint, RequestBody body, Timeouts timeouts, Lane lane)
            throws TransportException {
        Objects.requireNonNull(body, "body");
        ConnectionPool pool = acquire(endpoint, timeouts, lane);
        try {
            Connection c = exchange(pool, endpoint, POST, body, timeouts);
            try {
                byte[] bytes = c.readWholeBody(maxResponseBytes);
                int status = c.status;
                finish(pool, c);
                return new TransportResponse(status, bytes);
            } catch (IOException | RuntimeException e) {
                c.close();
                throw translate(e, c, endpoint, timeouts);
            }
        } finally {
            pool.releasePermit();
        }
    }

    @Override
    public ResponseStream get(Endpoint endpoint, Timeouts timeouts) throws TransportException {
        ConnectionPool pool = acquire(endpoint, timeouts, Lane.API);
        boolean handedOver = false;
        try {
            Connection c = exchange(pool, endpoint, GET, null, timeouts);
            SocketResponseStream stream = new SocketResponseStream(pool, c, endpoint, timeouts);
            handedOver = true;
            return stream;
        } finally {
            if (!handedOver) {
                pool.releasePermit();
            }
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            apiPools.values().forEach(ConnectionPool::close);
            longPollPools.values().forEach(ConnectionPool::close);
            watchdog.stop();
        }
    }

    @Override
    public String toString() {
        return "SocketTransport[pool=" + poolSize + ", longPollPool=" + longPollPoolSize
                + (proxy.type() == Proxy.Type.DIRECT ? "" : ", proxy=" + proxy.type()) + "]";
    }

    // ---------------------------------------------------------------- exchange

    private ConnectionPool acquire(Endpoint endpoint, Timeouts timeouts, Lane lane) throws TransportException {
        if (closed.get()) {
            throw new IllegalStateException("This transport is closed");
        }
        ConcurrentHashMap<Origin, ConnectionPool> pools = lane == Lane.LONG_POLL ? longPollPools : apiPools;
        ConnectionPool pool = pools.get(endpoint.origin());
        if (pool == null) {
            int size = lane == Lane.LONG_POLL ? longPollPoolSize : poolSize;
            pool = pools.computeIfAbsent(endpoint.origin(), o -> new ConnectionPool(size, keepAliveNanos));
        }
        boolean acquired;
        try {
            acquired = pool.acquire(Timeouts.nanosOrUnlimited(timeouts.pool()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(endpoint.description() + ": interrupted while waiting for a connection to "
                    + endpoint.origin() + "; the request was not sent", false, null);
        }
        if (!acquired) {
            throw new TransportTimeoutException(TransportTimeoutException.Phase.POOL, endpoint.description()
                    + ": pool timeout: all " + pool.size() + " connections to " + endpoint.origin() + " on the "
                    + lane + " lane stayed busy for " + timeouts.pool()
                    + "; the request was not sent. Raise the pool size or the pool timeout.", false, null);
        }
        return pool;
    }

    /**
     * Sends the request and reads the response head, applying the retry rule. Returns the connection positioned at
     * the body; on failure the connection is closed (the caller still owns the permit).
     */
    private Connection exchange(ConnectionPool pool, Endpoint endpoint, byte[] method, RequestBody body,
                                Timeouts timeouts) throws TransportException {
        Connection c = pool.pollIdle();
        boolean retried = false;
        long writeNanos = Timeouts.nanosOrUnlimited(timeouts.write());
        int readMillis = Timeouts.socketMillis(timeouts.read());
        while (true) {
            if (c == null) {
                c = connect(endpoint, timeouts);
                c.reused = false;
            }
            try {
                c.writeRequest(method, endpoint, body, fixedHeaders, writeNanos);
                c.readTimeout(readMillis);
                c.readHead();
                return c;
            } catch (IOException | RuntimeException e) {
                c.close();
                boolean stale = c.reused && c.responseBytes == 0 && !c.writeAborted
                        && !(e instanceof SocketTimeoutException) && !(e instanceof Connection.BodyLengthMismatch)
                        && (body == null || body.repeatable());
                if (stale && !retried && !closed.get()) {
                    retried = true;
                    c = null;
                    continue;
                }
                throw translate(e, c, endpoint, timeouts);
            }
        }
    }

    private void finish(ConnectionPool pool, Connection c) {
        if (c.reusable() && !closed.get()) {
            pool.offerIdle(c);
        } else {
            c.close();
        }
    }

    private TransportException translate(Exception e, Connection c, Endpoint endpoint, Timeouts timeouts) {
        String what = endpoint.description();
        Origin origin = endpoint.origin();
        Throwable cause = safeCause(e, endpoint);
        if (c.writeAborted) {
            return new TransportTimeoutException(TransportTimeoutException.Phase.WRITE, what + ": writing the request to "
                    + origin + " took longer than the write timeout of " + timeouts.write(), true, null);
        }
        if (e instanceof SocketTimeoutException) {
            return new TransportTimeoutException(TransportTimeoutException.Phase.READ, what + ": no response from "
                    + origin + " within the read timeout of " + timeouts.read(), true, null);
        }
        if (e instanceof Connection.TruncatedBody || e instanceof Connection.MalformedResponse) {
            return new MalformedResponseException(what + ": invalid response from " + origin + ": "
                    + endpoint.redact(e.getMessage()), null);
        }
        if (e instanceof EOFException && c.responseBytes == 0) {
            return new TransportException(what + ": " + origin + " closed the connection without responding",
                    true, null);
        }
        if (e instanceof EOFException) {
            return new MalformedResponseException(what + ": " + origin
                    + " closed the connection in the middle of the response head", null);
        }
        if (e instanceof RuntimeException re) {
            // A failure of the body writer (an upload source), not of the network: let the caller see it as is.
            throw re;
        }
        return new TransportException(what + ": I/O error talking to " + origin + ": " + describe(e, endpoint), true,
                cause);
    }

    private static String describe(Throwable e, Endpoint endpoint) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + endpoint.redact(message));
    }

    /** The exception itself when its text is free of the secret, else a stand-in without it. */
    private static Throwable safeCause(Throwable e, Endpoint endpoint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (endpoint.leaks(t.getMessage()) || endpoint.leaks(t.toString())) {
                IOException stand = new IOException(describe(e, endpoint));
                stand.setStackTrace(e.getStackTrace());
                return stand;
            }
        }
        return e;
    }

    // ---------------------------------------------------------------- connecting

    private Connection connect(Endpoint endpoint, Timeouts timeouts) throws TransportException {
        Origin origin = endpoint.origin();
        int connectMillis = Timeouts.socketMillis(timeouts.connect());
        Proxy.Type proxyType = proxy.type();
        Socket raw = proxyType == Proxy.Type.SOCKS ? new Socket(proxy) : new Socket();
        boolean ok = false;
        try {
            raw.setTcpNoDelay(true);
            raw.setKeepAlive(true);
            SocketAddress target;
            if (proxyType == Proxy.Type.SOCKS) {
                target = InetSocketAddress.createUnresolved(origin.host(), origin.port());
            } else if (proxyType == Proxy.Type.HTTP) {
                target = resolve((InetSocketAddress) proxy.address());
            } else {
                target = resolve(new InetSocketAddress(origin.host(), origin.port()));
            }
            raw.connect(target, connectMillis);
            Socket socket = raw;
            if (proxyType == Proxy.Type.HTTP && origin.secure()) {
                tunnel(raw, origin, connectMillis);
            }
            if (origin.secure()) {
                SSLSocket ssl = (SSLSocket) sslFactory.createSocket(raw, origin.host(), origin.port(), true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.setSoTimeout(connectMillis);
                ssl.startHandshake();
                socket = ssl;
            }
            Connection c = new Connection(origin, raw, socket,
                    proxyType == Proxy.Type.HTTP && !origin.secure(), watchdog);
            ok = true;
            return c;
        } catch (SocketTimeoutException e) {
            throw new TransportTimeoutException(TransportTimeoutException.Phase.CONNECT, endpoint.description()
                    + ": could not connect to " + origin + viaProxy() + " within the connect timeout of "
                    + timeouts.connect() + "; the request was not sent", false, null);
        } catch (TransportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TransportException(endpoint.description() + ": could not connect to " + origin + viaProxy()
                    + ": " + describe(e, endpoint) + "; the request was not sent", false, safeCause(e, endpoint));
        } finally {
            if (!ok) {
                try {
                    raw.close();
                } catch (IOException ignored) {
                    // nothing more to release
                }
            }
        }
    }

    private String viaProxy() {
        return proxy.type() == Proxy.Type.DIRECT ? "" : " (via " + proxy.type() + " proxy " + proxy.address() + ")";
    }

    private static InetSocketAddress resolve(InetSocketAddress address) throws UnknownHostException {
        if (address.isUnresolved()) {
            InetSocketAddress resolved = new InetSocketAddress(address.getHostString(), address.getPort());
            if (resolved.isUnresolved()) {
                throw new UnknownHostException("Cannot resolve host " + address.getHostString());
            }
            return resolved;
        }
        return address;
    }

    /** Asks an HTTP proxy for a tunnel to {@code origin} and reads its answer up to the end of the head. */
    private static void tunnel(Socket raw, Origin origin, int timeoutMillis) throws IOException {
        raw.setSoTimeout(timeoutMillis);
        String hostPort = (origin.host().indexOf(':') >= 0 ? "[" + origin.host() + "]" : origin.host()) + ":"
                + origin.port();
        OutputStream out = raw.getOutputStream();
        out.write(("CONNECT " + hostPort + " HTTP/1.1\r\nHost: " + hostPort + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = raw.getInputStream();
        // Byte by byte, so not one byte of the tunnelled stream is consumed; this runs once per connection.
        StringBuilder head = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Proxy closed the connection while answering CONNECT");
            }
            if (head.length() > 8192) {
                throw new IOException("Proxy's answer to CONNECT is too long");
            }
            head.append((char) b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String statusLine = head.substring(0, Math.max(0, head.indexOf("\r\n")));
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].equals("200")) {
            throw new IOException("Proxy refused the tunnel: " + statusLine);
        }
    }

    // ---------------------------------------------------------------- streaming responses

    /** A response body read from the connection as the caller reads; closing returns or drops the connection. */
    private final class SocketResponseStream implements ResponseStream {
        private final ConnectionPool pool;
        private final Connection c;
        private final Endpoint endpoint;
        private final Timeouts timeouts;
        private final AtomicBoolean done = new AtomicBoolean();
        private boolean failed;
        private final InputStream body = new InputStream() {
            private final byte[] one = new byte[1];

            @Override
            public int read() throws IOException {
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                if (done.get()) {
                    throw new IOException(endpoint.description() + ": response stream is closed");
                }
                try {
                    return c.readBody(b, off, len);
                } catch (IOException | RuntimeException e) {
                    failed = true;
                    c.close();
                    throw translate(e, c, endpoint, timeouts);
                }
            }

            @Override
            public void close() {
                SocketResponseStream.this.close();
            }
        };

        SocketResponseStream(ConnectionPool pool, Connection c, Endpoint endpoint, Timeouts timeouts) {
            this.pool = pool;
            this.c = c;
            this.endpoint = endpoint;
            this.timeouts = timeouts;
        }

        @Override
        public int status() {
            return c.status;
        }

        @Override
        public long contentLength() {
            return c.contentLength();
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public void close() {
            if (done.compareAndSet(false, true)) {
                if (failed) {
                    c.close();
                } else {
                    finish(pool, c);
                }
                pool.releasePermit();
            }
        }

        @Override
        public String toString() {
            return "ResponseStream[" + endpoint.description() + ", status=" + c.status + "]";
        }
    }

    // ---------------------------------------------------------------- builder

    /** Settings of a {@link SocketTransport}; per-call time limits come with each call as {@link Timeouts}. */
    public static final class Builder {
        private int poolSize = 256;
        private int longPollPoolSize = 1;
        private Duration keepAlive = Duration.ofSeconds(30);
        private long maxResponseBytes = 64L * 1024 * 1024;
        private Proxy proxy = Proxy.NO_PROXY;
        private SSLSocketFactory sslSocketFactory;
        private String userAgent = "Telescale";

        private Builder() {
        }

        /** Connections per origin for API calls (default 256, as PTB). */
        public Builder poolSize(int size) {
            this.poolSize = positive(size, "poolSize");
            return this;
        }

        /** Connections per origin for long polls (default 1: one poller per bot). */
        public Builder longPollPoolSize(int size) {
            this.longPollPoolSize = positive(size, "longPollPoolSize");
            return this;
        }

        /** How long an idle connection is kept for reuse (default 30 s). */
        public Builder keepAlive(Duration keepAlive) {
            if (keepAlive.isNegative()) {
                throw new IllegalArgumentException("keepAlive must not be negative: " + keepAlive);
            }
            this.keepAlive = keepAlive;
            return this;
        }

        /** Largest response body {@link #post} accepts (default 64 MiB); downloads stream and are not limited. */
        public Builder maxResponseBytes(long max) {
            if (max <= 0 || max > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxResponseBytes must be in 1.." + (Integer.MAX_VALUE - 8));
            }
            this.maxResponseBytes = max;
            return this;
        }

        /** A SOCKS or HTTP proxy (default: direct). HTTP proxies need a resolvable {@link InetSocketAddress}. */
        public Builder proxy(Proxy proxy) {
            Objects.requireNonNull(proxy, "proxy");
            if (proxy.type() != Proxy.Type.DIRECT && !(proxy.address() instanceof InetSocketAddress)) {
                throw new IllegalArgumentException("Proxy address must be an InetSocketAddress");
            }
            this.proxy = proxy;
            return this;
        }

        /** TLS socket factory (default: the JDK's default, verifying certificates and host names). */
        public Builder sslSocketFactory(SSLSocketFactory factory) {
            this.sslSocketFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** The User-Agent header (printable ASCII). */
        public Builder userAgent(String userAgent) {
            for (int i = 0; i < userAgent.length(); i++) {
                char ch = userAgent.charAt(i);
                if (ch < ' ' || ch >= 0x7f) {
                    throw new IllegalArgumentException("userAgent must be printable ASCII");
                }
            }
            this.userAgent = userAgent;
            return this;
        }

        public SocketTransport build() {
            return new SocketTransport(this);
        }

        private static int positive(int v, String name) {
            if (v < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + v);
            }
            return v;
        }
    }
}
