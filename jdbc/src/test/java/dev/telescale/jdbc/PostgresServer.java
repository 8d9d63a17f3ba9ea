package dev.telescale.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests, from the binaries on Maven Central (zonky): a free port, a data directory
 * under the build folder, and stop/start on the same port and data so tests can take the database away and bring
 * it back.
 */
final class PostgresServer implements AutoCloseable {

    private final int port;
    private final Path dataDir;
    private EmbeddedPostgres server;

    private PostgresServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    static PostgresServer start() {
        PostgresServer s = new PostgresServer(freePort(), buildDir().resolve("pg-" + UUID.randomUUID()));
        s.startAgain();
        return s;
    }

    /** A fresh database on this server (so test classes and cases do not see each other's tables). */
    String newDatabase() {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        try (var c = server.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + port + "/" + name + "?user=postgres";
    }

    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    void startAgain() {
        try {
            Files.createDirectories(dataDir);
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir)
                    .setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** target-<suffix>/ of this module (the parent of test-classes). */
    static Path buildDir() {
        try {
            return Path.of(PostgresServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
