package dev.telescale.jdbc;

import dev.telescale.core.persistence.DataCodec;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.persistence.PersistenceContract;
import dev.telescale.core.persistence.StoreData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/**
 * {@link JdbcPersistence} on a real PostgreSQL server (one per class) against core's shared contract: a new
 * database per case; a handle is a new store (its own connection pool) on that database, with read-through on so
 * the refresh hooks read the database.
 */
class PostgresContractTest extends PersistenceContract {

    private static PostgresServer server;
    private String url;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected void createStore() {
        url = server.newDatabase();
    }

    @Override
    protected Persistence<Profile, Settings, Map<String, Object>> open(
            DataCodec<Profile, Settings, Map<String, Object>> codec, StoreData storeData) {
        return JdbcPersistence.builder().url(url).codec(codec).storeData(storeData).readThrough(true).build();
    }

    @Override
    protected void release(Persistence<Profile, Settings, Map<String, Object>> handle) {
        ((JdbcPersistence<?, ?, ?>) handle).close();
    }

    @Override
    protected boolean refreshesFromStore() {
        return true;
    }
}
