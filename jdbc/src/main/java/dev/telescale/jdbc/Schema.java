package dev.telescale.jdbc;

import dev.telescale.core.persistence.PersistenceException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of this module and how they are brought up to date: ordered scripts under
 * {@code dev/telescale/jdbc/migration/<dialect>/}, the version reached kept in {@code <prefix>schema_version}.
 * Each run applies the scripts after the stored version in one transaction (PostgreSQL serialises concurrent
 * starts with an advisory lock, SQLite with its write lock); a stored version newer than the scripts known here
 * is refused, so an older Telescale never writes into tables it does not understand.
 */
final class Schema {

    /** The scripts, in order: version n is the n-th. Append only; never edit a released script. */
    static final List<String> MIGRATIONS = List.of("V1__persistence.sql", "V2__jobs.sql",
            "V3__conversation_names_as_json.sql");

    /** The version this code writes. */
    static final int LATEST = MIGRATIONS.size();

    private final Dialect dialect;
    private final String prefix;

    Schema(Dialect dialect, String prefix) {
        this.dialect = dialect;
        this.prefix = prefix;
    }

    /** Brings the schema to {@link #LATEST} on {@code c} (auto-commit off; the caller commits). */
    void migrate(Connection c) throws SQLException {
        String versionTable = prefix + "schema_version";
        try (Statement s = c.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                s.execute("select pg_advisory_xact_lock(" + (("telescale-jdbc:" + prefix).hashCode()) + ")");
            }
            s.execute("create table if not exists " + versionTable + " (version integer not null)");
            int current;
            try (ResultSet rs = s.executeQuery("select max(version) from " + versionTable)) {
                rs.next();
                current = rs.getInt(1);
            }
            if (current > LATEST) {
                throw new PersistenceException("Table " + versionTable + " says the schema is at version " + current
                        + ", but this telescale-jdbc knows versions up to " + LATEST + ": the tables were written by "
                        + "a newer Telescale. Upgrade telescale-jdbc, or give this bot another table prefix; "
                        + "the tables were not touched.");
            }
            for (int v = current + 1; v <= LATEST; v++) {
                for (String statement : statements(MIGRATIONS.get(v - 1))) {
                    s.execute(statement);
                }
            }
            if (current < LATEST) {
                s.execute("delete from " + versionTable);
                s.execute("insert into " + versionTable + " (version) values (" + LATEST + ")");
            }
        }
    }

    private List<String> statements(String script) {
        String path = "migration/" + dialect.folder() + "/" + script;
        String text;
        try (InputStream in = Schema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + path + " is missing from telescale-jdbc");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading migration script " + path, e);
        }
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1).replace("${prefix}", prefix));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            result.add(current.toString().strip().replace("${prefix}", prefix));
        }
        return result;
    }
}
