package dev.telescale.jdbc;

import java.util.UUID;

/** The job store on SQLite: a new database file per case; the two instances share the file. */
class SqliteJobStoreTest extends JobStoreCases {

    @Override
    String newDatabaseUrl() {
        return "jdbc:sqlite:" + PostgresServer.buildDir().resolve("jobs-" + UUID.randomUUID() + ".db");
    }
}
