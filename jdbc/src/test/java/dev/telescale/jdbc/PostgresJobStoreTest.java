package dev.telescale.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The job store on a real PostgreSQL server (one per class, a new database per case). */
class PostgresJobStoreTest extends JobStoreCases {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    String newDatabaseUrl() {
        return server.newDatabase();
    }
}
