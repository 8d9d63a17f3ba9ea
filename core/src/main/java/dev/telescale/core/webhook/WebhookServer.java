package dev.telescale.core.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded HTTP(S) server that receives Telegram's webhook requests, for one bot or several: each bot is a
 * {@link WebhookRoute} on its own path with its own secret and sink ({@link #register}/{@link #unregister}).
 * Built on Jetty 12's core {@code Handler} API (no servlets): a request's body is read as it arrives without a
 * thread waiting for it, the handling that may block (handing the update to a full application queue) runs on a
 * virtual thread, and a request waiting for its webhook reply holds no thread at all: the response is written
 * when the reply future completes. A connection with nothing arriving for the idle timeout (default 30 s) is
 * closed; a body announced but not sent within it is answered 408.
 *
 * <p>Answers, following python-telegram-bot's webhook handler (§4.4 of the reference) with deliberate
 * differences marked *:
 * <ul>
 *   <li>200 — the update was handed to the route's sink; the body is empty or a webhook reply
 *       ({@code {"method": "sendMessage", ...}}); the JSON literal {@code null} is accepted and ignored;</li>
 *   <li>403 — secret token missing or wrong (compared in constant time), or a Content-Type other than
 *       {@code application/json} (* {@code application/json; charset=utf-8} is accepted too: PTB rejects it);</li>
 *   <li>400 — the body is not valid JSON or not an Update (* PTB answers 500 for invalid JSON);</li>
 *   <li>405 — a method other than POST; 404 — any other path;</li>
 *   <li>* 413 — a body larger than the route's {@code maxBodyBytes} (not read);</li>
 *   <li>* 503 — the sink refused the update (the application is stopping) or the route is being removed, so
 *       Telegram delivers it again later instead of the update being lost;</li>
 *   <li>the health path (default {@code /health}) answers GET with 200 {@code ok}.</li>
 * </ul>
 *
 * <p>Jetty logs a few INFO lines when the server starts and stops (logger {@code org.eclipse.jetty}) and
 * nothing per request above DEBUG; set that logger to WARN to silence them.
 *
 * <p>Lifecycle: {@link #start()} binds (port 0 picks a free port, see {@link #port()}); {@link #stop} refuses
 * new requests, waits a bounded time for those in flight and closes. Routes may be added and removed while the
 * server runs.
 */
public final class WebhookServer {

    /** The default idle timeout of a connection, in seconds. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;

    private final String listen;
    private final int requestedPort;
    private final SSLContext tls;
    private final String healthPath;
    private final Duration idleTimeout;
    private final ConcurrentHashMap<String, RouteState> routes = new ConcurrentHashMap<>();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private Server server;
    private ExecutorService executor;
    private volatile int boundPort = -1;

    private WebhookServer(Builder b) {
        this.listen = b.listen;
        this.requestedPort = b.port;
        this.tls = b.tlsCert == null ? null : PemTls.context(b.tlsCert, b.tlsKey);
        this.healthPath = b.healthPath == null ? null : WebhookRoute.normalisePath(b.healthPath);
        this.idleTimeout = b.idleTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts serving; does nothing when already running (so several updaters may share one server).
     *
     * @throws UncheckedIOException when the address cannot be bound (port in use, no permission for ports below 1024)
     */
    public WebhookServer start() {
        lifecycle.lock();
        try {
            if (server != null) {
                return this;
            }
            ExecutorService virtual = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("telescale-webhook-", 0).factory());
            QueuedThreadPool threads = new QueuedThreadPool();
            threads.setName("telescale-webhook-jetty");
            threads.setVirtualThreadsExecutor(virtual);
            Server created = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            SslContextFactory.Server ssl = null;
            if (tls != null) {
                ssl = new SslContextFactory.Server();
                ssl.setSslContext(tls);
            }
            ServerConnector connector = new ServerConnector(created, ssl, new HttpConnectionFactory(http));
            connector.setHost(listen);
            connector.setPort(requestedPort);
            connector.setIdleTimeout(idleTimeout.toMillis());
            created.addConnector(connector);
            created.setHandler(new WebhookHandler(routes, healthPath, virtual));
            try {
                created.start();
            } catch (Exception e) {
                stopQuietly(created);
                virtual.shutdownNow();
                IOException cause = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                throw new UncheckedIOException("Cannot listen on " + listen + ":" + requestedPort + ": "
                        + e.getMessage(), cause);
            }
            server = created;
            executor = virtual;
            boundPort = connector.getLocalPort();
            return this;
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Stops: routes refuse new requests (503), requests in flight get up to {@code grace} to finish, then the
     * socket and all connections close. Routes stay registered, so a server started again serves them again.
     */
    public void stop(Duration grace) {
        lifecycle.lock();
        try {
            if (server == null) {
                return;
            }
            long deadline = System.nanoTime() + grace.toNanos();
            for (RouteState state : routes.values()) {
                state.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
            stopQuietly(server);
            executor.shutdownNow();
            server = null;
            executor = null;
            boundPort = -1;
            routes.replaceAll((path, state) -> new RouteState(state.route));
        } finally {
            lifecycle.unlock();
        }
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            // Closing the sockets failed; nothing is left to do with them.
        }
    }

    public boolean isRunning() {
        lifecycle.lock();
        try {
            return server != null;
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * The port the server listens on (the chosen one when built with port 0).
     *
     * @throws IllegalStateException when not running
     */
    public int port() {
        int port = boundPort;
        if (port < 0) {
            throw new IllegalStateException("The webhook server is not running; start() it first");
        }
        return port;
    }

    /** The address the server binds to. */
    public String listen() {
        return listen;
    }

    /** How long a connection may have nothing arriving (or nothing accepted by the client) before it is closed. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Whether the server speaks HTTPS. */
    public boolean isTls() {
        return tls != null;
    }

    /**
     * Serves a route from now on.
     *
     * @throws IllegalArgumentException when another route, or the health endpoint, has that path
     */
    public void register(WebhookRoute route) {
        Objects.requireNonNull(route, "route");
        if (route.path().equals(healthPath)) {
            throw new IllegalArgumentException("The path " + route.path() + " is the server's health endpoint; "
                    + "choose another url path or another health path");
        }
        if (routes.putIfAbsent(route.path(), new RouteState(route)) != null) {
            throw new IllegalArgumentException("The webhook path " + (route.path().isEmpty() ? "/" : route.path())
                    + " is already taken on this server; give each bot its own url path");
        }
    }

    /**
     * Removes a route: its new requests get 503 at once (Telegram delivers them again), and this waits up to
     * {@code grace} for its requests in flight.
     *
     * @return false when no route has that path
     */
    public boolean unregister(String path, Duration grace) {
        String normalised = WebhookRoute.normalisePath(path);
        RouteState state = routes.get(normalised);
        if (state == null) {
            return false;
        }
        state.close(grace);
        routes.remove(normalised, state);
        return true;
    }

    @Override
    public String toString() {
        return "WebhookServer[" + (tls != null ? "https://" : "http://") + listen + ":"
                + (boundPort < 0 ? requestedPort : boundPort) + ", routes=" + routes.size() + "]";
    }

    /**
     * Builder of {@link WebhookServer}; defaults: 127.0.0.1, port 80, plain HTTP, health at /health, idle timeout
     * {@value #DEFAULT_IDLE_TIMEOUT_SECONDS} s.
     */
    public static final class Builder {
        private String listen = "127.0.0.1";
        private int port = 80;
        private Path tlsCert;
        private Path tlsKey;
        private String healthPath = "/health";
        private Duration idleTimeout = Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS);

        private Builder() {
        }

        public Builder listen(String listen) {
            this.listen = Objects.requireNonNull(listen, "listen");
            return this;
        }

        /** The port; 0 picks a free one. Telegram accepts 443, 80, 88 and 8443 unless a proxy is in front. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Serves HTTPS with a PEM certificate (chain) and unencrypted private key; both or neither. */
        public Builder tls(Path certificate, Path privateKey) {
            if ((certificate == null) != (privateKey == null)) {
                throw new IllegalArgumentException("TLS needs both a certificate and a private key file");
            }
            this.tlsCert = certificate;
            this.tlsKey = privateKey;
            return this;
        }

        /** The health endpoint's path, or null for none. */
        public Builder healthPath(String healthPath) {
            this.healthPath = healthPath;
            return this;
        }

        /**
         * How long a connection may stay without anything arriving (or without the client taking the response)
         * before it is closed: a client that sends half a request head, or announces a body and stops sending
         * it, holds its connection no longer (the body case is answered 408). Idle keep-alive connections close
         * after it too. A request waiting for its webhook reply is bounded by the route's reply wait instead.
         */
        public Builder idleTimeout(Duration idleTimeout) {
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * Builds the server (not started).
         *
         * @throws IllegalArgumentException when the TLS files cannot be read or do not hold a certificate and key
         */
        public WebhookServer build() {
            return new WebhookServer(this);
        }
    }
}
