package dev.telescale.jdbc;

import java.util.UUID;

/** JdbcPersistence on SQLite, the embedded default: a new database file per case under the build folder. */
class SqlitePersistenceTest extends JdbcPersistenceCases {

    @Override
    String newDatabaseUrl() {
        return "jdbc:sqlite:" + PostgresServer.buildDir().resolve("sqlite-" + UUID.randomUUID() + ".db");
    }
}
