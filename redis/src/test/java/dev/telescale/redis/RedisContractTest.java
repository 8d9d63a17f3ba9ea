package dev.telescale.redis;

import dev.telescale.core.persistence.DataCodec;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.persistence.PersistenceContract;
import dev.telescale.core.persistence.StoreData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;
import java.util.UUID;

/**
 * {@link RedisPersistence} on a real redis-server (one per class) against core's shared contract: a new key prefix
 * per case; a handle is a new store (its own connection) on that prefix, with read-through on so the refresh hooks
 * read Redis.
 */
class RedisContractTest extends PersistenceContract {

    private static RedisServer server;
    private String prefix;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected void createStore() {
        prefix = "c" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @Override
    protected Persistence<Profile, Settings, Map<String, Object>> open(
            DataCodec<Profile, Settings, Map<String, Object>> codec, StoreData storeData) {
        return RedisPersistence.builder().uri(server.uri()).keyPrefix(prefix).codec(codec).storeData(storeData)
                .readThrough(true).build();
    }

    @Override
    protected void release(Persistence<Profile, Settings, Map<String, Object>> handle) {
        ((RedisPersistence<?, ?, ?>) handle).close();
    }

    @Override
    protected boolean refreshesFromStore() {
        return true;
    }
}
