package dev.telescale.testkit.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server over {@link ServerSocket}: one virtual thread accepts, one (daemon platform) thread
 * serves each connection. It is written here rather than taken from the JDK's {@code com.sun.net.httpserver} because the
 * emulator is the counterpart of throughput benchmarks (tens of thousands of requests per second on two cores)
 * and needs precise control over malformed input and fault injection (closing without answering, truncating).
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final ServerSocket serverSocket;
    private final HttpHandler handler;
    private final HttpLimits limits;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionNumbers = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private HttpServer(ServerSocket serverSocket, HttpHandler handler, HttpLimits limits) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.limits = limits;
        this.acceptor = Thread.ofVirtual().name("telescale-emulator-accept").unstarted(this::acceptLoop);
    }

    /**
     * Binds and starts serving.
     *
     * @param address the address to bind, normally the loopback address
     * @param port    the port, 0 for an ephemeral one
     */
    public static HttpServer start(InetAddress address, int port, HttpHandler handler, HttpLimits limits)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), 1024);
        HttpServer server = new HttpServer(socket, handler, limits);
        server.acceptor.start();
        return server;
    }

    /** The bound address and port. */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** The number of connections open right now. */
    public int openConnections() {
        return connections.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("The emulator stopped accepting connections", e);
                }
                return;
            }
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                LOG.debug("Could not disable Nagle's algorithm: {}", e.toString());
            }
            connections.add(socket);
            if (closed) {
                closeQuietly(socket);
                return;
            }
            // A platform thread per connection: a blocking read parks it in the kernel, whereas a virtual thread
            // goes through the poller and the carrier pool on every request.
            // Bots keep few connections open, so the threads are few.
            Thread.ofPlatform().daemon()
                    .name("telescale-emulator-conn-" + connectionNumbers.incrementAndGet())
                    .start(new HttpConnection(socket, handler, limits, () -> connections.remove(socket)));
        }
    }

    /** Stops accepting and closes every open connection; requests in progress fail on the client side. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.debug("Closing the server socket failed: {}", e.toString());
        }
        for (Socket socket : connections) {
            closeQuietly(socket);
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing a connection failed: {}", e.toString());
        }
    }
}
