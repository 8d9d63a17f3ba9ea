package dev.telescale.core.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** {@link JsonFilePersistence} (writing on each change) against the shared contract; a handle is a new store object on the same file. */
class JsonFilePersistenceContractTest extends PersistenceContract {

    private Path directory;
    private Path file;

    @Override
    protected void createStore() throws Exception {
        directory = Files.createTempDirectory("telescale-json-contract");
        file = directory.resolve("state.json");
    }

    @Override
    protected Persistence<Profile, Settings, Map<String, Object>> open(
            DataCodec<Profile, Settings, Map<String, Object>> codec, StoreData storeData) {
        return JsonFilePersistence.builder(file, codec).storeData(storeData).build();
    }

    @Override
    protected void deleteStore() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(directory);
    }
}
