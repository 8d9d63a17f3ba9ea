package dev.telescale.core.persistence;

import java.util.Map;

/** {@link InMemoryPersistence} against the shared contract; reopening imports the last handle's {@code exportJson()}. */
class InMemoryPersistenceContractTest extends PersistenceContract {

    private InMemoryPersistence<Profile, Settings, Map<String, Object>> last;

    @Override
    protected void createStore() {
        last = null;
    }

    @Override
    protected Persistence<Profile, Settings, Map<String, Object>> open(
            DataCodec<Profile, Settings, Map<String, Object>> codec, StoreData storeData) {
        var builder = InMemoryPersistence.builder(codec).storeData(storeData);
        if (last != null) {
            builder.json(last.exportJson());
        }
        last = builder.build();
        return last;
    }
}
