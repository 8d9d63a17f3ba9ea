package dev.telescale.jdbc;

import dev.telescale.core.persistence.DataCodec;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.persistence.PersistenceContract;
import dev.telescale.core.persistence.StoreData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * {@link JdbcPersistence} on SQLite against core's shared contract: a new database file per case under the build
 * folder; a handle is a new store (its own connection pool) on the same file, with read-through on so the refresh
 * hooks read the file.
 */
class SqliteContractTest extends PersistenceContract {

    private Path file;

    @Override
    protected void createStore() {
        file = PostgresServer.buildDir().resolve("contract-" + UUID.randomUUID() + ".db");
    }

    @Override
    protected Persistence<Profile, Settings, Map<String, Object>> open(
            DataCodec<Profile, Settings, Map<String, Object>> codec, StoreData storeData) {
        return JdbcPersistence.builder().sqliteFile(file).codec(codec).storeData(storeData).readThrough(true).build();
    }

    @Override
    protected void release(Persistence<Profile, Settings, Map<String, Object>> handle) {
        ((JdbcPersistence<?, ?, ?>) handle).close();
    }

    @Override
    protected void deleteStore() throws Exception {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    @Override
    protected boolean refreshesFromStore() {
        return true;
    }
}
