package dev.telescale.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A real redis-server for tests: the statically linked 7.0.9 binary carried by a jar on Maven Central
 * (com.github.lansheng228:embedded-redis), extracted into the build folder and started here on a free port with
 * its data directory under the build folder (AOF on, fsync always), so stop and start again keep the data.
 */
final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final Path binary;
    private Process process;

    private RedisServer(int port, Path dir, Path binary) {
        this.port = port;
        this.dir = dir;
        this.binary = binary;
    }

    static RedisServer start() {
        Path build = buildDir();
        RedisServer s = new RedisServer(freePort(), build.resolve("redis-" + UUID.randomUUID()), binary(build));
        s.startAgain();
        return s;
    }

    String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    int port() {
        return port;
    }

    void startAgain() {
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always",
                    "--save", "", "--daemonize", "no", "--logfile", dir.resolve("redis.log").toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not start; see " + dir.resolve("redis.log"));
                }
                Thread.onSpinWait();
            }
        }
    }

    void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private static Path binary(Path build) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String platform = (os.contains("mac") ? "darwin" : "linux") + "-"
                + (arch.contains("aarch64") || arch.contains("arm") ? "arm64" : "amd64");
        String name = "redis-server-7.0.9-" + platform;
        Path target = build.resolve(name);
        if (!Files.isExecutable(target)) {
            try (InputStream in = RedisServer.class.getResourceAsStream("/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("no redis-server binary for " + platform + " on the class path");
                }
                Path tmp = build.resolve(name + "." + UUID.randomUUID());
                Files.copy(in, tmp);
                tmp.toFile().setExecutable(true);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path buildDir() {
        try {
            return Path.of(RedisServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
