package dev.telescale.bot.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Tiny SOCKS5 and HTTP CONNECT proxies for tests: enough protocol to tunnel one TCP stream each. */
final class TestProxies {

    private TestProxies() {
    }

    /** Common accept loop and byte piping. */
    abstract static class Base implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger tunnels = new AtomicInteger();

        Base() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Thread.ofVirtual().start(() -> {
                            try (client) {
                                Socket upstream = open(client);
                                tunnels.incrementAndGet();
                                try (upstream) {
                                    Thread up = Thread.ofVirtual().start(() -> pipe(client, upstream));
                                    pipe(upstream, client);
                                    up.join();
                                }
                            } catch (Exception ignored) {
                                // the client sees a closed connection
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        abstract Socket open(Socket client) throws IOException;

        abstract Proxy proxy();

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        private static void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException ignored) {
                // one side closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** SOCKS5 without authentication, CONNECT command, domain-name or IPv4 targets. */
    static final class Socks5 extends Base {
        volatile String lastHost;

        Socks5() throws IOException {
        }

        @Override
        Socket open(Socket client) throws IOException {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            if (in.readUnsignedByte() != 5) {
                throw new IOException("not socks5");
            }
            in.skipNBytes(in.readUnsignedByte());
            out.write(new byte[] {5, 0});
            in.readUnsignedByte();
            int cmd = in.readUnsignedByte();
            in.readUnsignedByte();
            int atyp = in.readUnsignedByte();
            String host;
            if (atyp == 3) {
                host = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
            } else if (atyp == 1) {
                host = InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
            } else {
                throw new IOException("unsupported address type");
            }
            int port = in.readUnsignedShort();
            if (cmd != 1) {
                throw new IOException("unsupported command");
            }
            lastHost = host;
            Socket upstream = new Socket(host, port);
            out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
            out.flush();
            return upstream;
        }

        @Override
        Proxy proxy() {
            return new Proxy(Proxy.Type.SOCKS, address());
        }
    }

    /** An HTTP proxy that only knows CONNECT. */
    static final class Connect extends Base {
        volatile String lastTarget;

        Connect() throws IOException {
        }

        @Override
        Socket open(Socket client) throws IOException {
            InputStream in = client.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("eof");
                }
                head.append((char) b);
            }
            String[] first = head.substring(0, head.indexOf("\r\n")).split(" ");
            if (!first[0].equals("CONNECT")) {
                client.getOutputStream().write("HTTP/1.1 405 Only CONNECT\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                throw new IOException("not CONNECT");
            }
            lastTarget = first[1];
            int colon = first[1].lastIndexOf(':');
            Socket upstream = new Socket(first[1].substring(0, colon), Integer.parseInt(first[1].substring(colon + 1)));
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            return upstream;
        }

        @Override
        Proxy proxy() {
            return new Proxy(Proxy.Type.HTTP, address());
        }
    }
}
