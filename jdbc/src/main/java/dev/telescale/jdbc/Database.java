package dev.telescale.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.telescale.core.persistence.PersistenceException;
import dev.telescale.core.persistence.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * One database as the stores of this module use it: where connections come from (a pool made here from a URL, or
 * the author's {@link DataSource}), the table prefix, the schema brought up to date once before the first call,
 * and every call run as a transaction that is tried again with back-off when the connection fails.
 */
final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

    /** Work done on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource given;
    private final String url;
    private final String user;
    private final String password;
    private final Duration connectionTimeout;
    private final String prefix;
    private final RetryPolicy retry;

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private HikariDataSource owned;
    private volatile Dialect dialect;
    private volatile boolean migrated;

    Database(DataSource given, String url, String user, String password, Duration connectionTimeout, String prefix,
             RetryPolicy retry) {
        if ((given == null) == (url == null)) {
            throw new IllegalArgumentException("give either a DataSource or a JDBC URL (e.g. jdbc:sqlite:bot.db)");
        }
        if (url != null && !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with 'jdbc:', e.g. jdbc:sqlite:bot.db or "
                    + "jdbc:postgresql://localhost/bot");
        }
        Objects.requireNonNull(prefix, "tablePrefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("table prefix '" + prefix + "' must be a letter or '_' followed by "
                    + "up to 39 letters, digits or '_'");
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connection timeout must be at least 250 ms, got " + connectionTimeout);
        }
        this.given = given;
        this.url = url;
        this.user = user;
        this.password = password;
        this.connectionTimeout = connectionTimeout;
        this.prefix = prefix;
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** The table name with the prefix. */
    String table(String name) {
        return prefix + name;
    }

    String prefix() {
        return prefix;
    }

    /** The connections; a pool made from the URL is created on first use (and again after {@link #close()}). */
    DataSource dataSource() {
        if (given != null) {
            return given;
        }
        lock.lock();
        try {
            if (owned == null) {
                owned = pool();
            }
            return owned;
        } finally {
            lock.unlock();
        }
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("telescale-jdbc");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.min(connectionTimeout.toMillis(), 5_000));
        // Do not connect while building: the database may come up later, and the first call retries.
        config.setInitializationFailTimeout(-1);
        if (url.startsWith("jdbc:sqlite:")) {
            // WAL: readers never block the writer and a crash leaves the last committed state (the log is replayed);
            // synchronous=FULL makes each commit durable before it returns. IMMEDIATE transactions take the write
            // lock at BEGIN, so two writers wait for each other (busy_timeout) instead of failing on lock upgrade.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        return new HikariDataSource(config);
    }

    /** The database's dialect (connects once to find out). */
    Dialect dialect() {
        Dialect d = dialect;
        if (d == null) {
            d = transaction("detecting the database", Dialect::of);
        }
        return d;
    }

    /**
     * Runs {@code work} in a transaction, after bringing the schema up to date; tries again per the retry policy
     * when the connection fails, then throws a {@link PersistenceException} naming {@code what}.
     */
    <T> T transaction(String what, Work<T> work) {
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return once(work);
            } catch (SQLException e) {
                if (!isConnectionFailure(e) || attempt >= retry.attempts()) {
                    String tries = attempt > 1 ? " (after " + attempt + " tries)" : "";
                    throw new PersistenceException(what + " failed" + tries + ": " + describe(e), e);
                }
                Duration wait = retry.backoffAfter(attempt);
                log.warn("{} failed (try {} of {}): {}; retrying in {} ms", what, attempt, retry.attempts(),
                        describe(e), wait.toMillis());
                sleep(wait, what, e);
            }
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            if (dialect == null) {
                dialect = Dialect.of(c);
            }
            c.setAutoCommit(false);
            try {
                if (!migrated) {
                    migrate(c);
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    private void migrate(Connection c) throws SQLException {
        lock.lock();
        try {
            if (!migrated) {
                new Schema(dialect, prefix).migrate(c);
                c.commit();
                migrated = true;
            }
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(Duration wait, String what, SQLException cause) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            PersistenceException p = new PersistenceException(what + " interrupted while waiting to retry", e);
            p.addSuppressed(cause);
            throw p;
        }
    }

    /** Whether the failure is the connection's (worth retrying), not the statement's. */
    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                // 08: connection exception; 57P01-03: the server is shutting down or starting up.
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection holds the file longer than busy_timeout.
                if (s.getClass().getName().startsWith("org.sqlite.") && (s.getErrorCode() == 5
                        || s.getErrorCode() == 6)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(SQLException e) {
        String state = e.getSQLState();
        return e.getMessage() + (state == null ? "" : " [SQLState " + state + "]");
    }

    /** Closes the pool made from the URL (a later call makes a new one); a DataSource given is left open. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (owned != null) {
                owned.close();
                owned = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
