package dev.telescale.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases this module writes SQL for. Both accept the same upsert ({@code insert … on conflict (…) do update
 * set … = excluded.…}), so only the schema scripts differ; the dialect picks the folder they are read from.
 */
enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The resource folder of this dialect's migration scripts. */
    String folder() {
        return folder;
    }

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String p = product.toLowerCase(Locale.ROOT);
        if (p.contains("sqlite")) {
            return SQLITE;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("telescale-jdbc supports SQLite and PostgreSQL, not " + product
                + "; use a jdbc:sqlite: or jdbc:postgresql: URL");
    }
}
