package dev.telescale.bot;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A server that reads one request head and answers with fixed raw bytes (or nothing) and closes: hostile cases. */
final class RawHttp implements AutoCloseable {

    private final ServerSocket server;

    RawHttp(String rawAnswer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    if (rawAnswer != null) {
                        s.getOutputStream().write(rawAnswer.getBytes(StandardCharsets.ISO_8859_1));
                    }
                } catch (IOException e) {
                    // next connection
                }
            }
        });
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
