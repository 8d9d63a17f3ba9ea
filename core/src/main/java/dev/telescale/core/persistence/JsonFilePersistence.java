package dev.telescale.core.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A persistence in one JSON file (PTB's {@code PicklePersistence}, as JSON): for a single bot process that wants
 * its state to survive restarts with no database.
 *
 * <pre>{@code
 * JsonFilePersistence<Profile, Settings, Stats> store = JsonFilePersistence
 *         .builder(Path.of("bot-state.json"), DataCodec.of(Profile.class, Settings.class, Stats.class))
 *         .build();
 * }</pre>
 *
 * <h2>Loading</h2>
 * Lazily, on the first call (in practice the application's {@code initialize()}), so building the store touches
 * no disk and a problem with the file fails {@code initialize()}. A missing file is an empty store; its directory
 * must exist. A file that is not a Telescale persistence document — invalid JSON (the message gives line and
 * column), duplicate keys, a missing or wrong {@code "format"} marker, a {@code "version"} newer than this code
 * reads, a part of the wrong shape — is <b>refused</b>: every call throws a {@link PersistenceException} naming
 * the file and what is wrong, and the file is <b>never</b> written. To recover, fix the file, restore a backup, or
 * move it away (the bot then starts with no stored data); the store tries to load again on its next call.
 *
 * <h2>Writing</h2>
 * Each update or drop call writes the whole file when the stored content changed (an unchanged entry writes
 * nothing), unless {@link Builder#onFlush(boolean) onFlush} is set: then only {@link #flush()} writes (fewer
 * writes, but a crash loses everything since start). Writes are atomic: the document goes to a temporary file in
 * the same directory, which is forced to disk, renamed over the file ({@code ATOMIC_MOVE}), and the directory is
 * forced too; a crash at any instant leaves the old or the new file, never a torn one (stale temporary files of a
 * crash are deleted on the next load). A failing write (disk full, permission denied) throws a
 * {@link PersistenceException}: the application reports it to its error handlers and writes again on its next run;
 * the previous file is intact and the change stays in memory. The file is pretty-printed JSON, sorted, with
 * owner-only permissions where the file system has them. Every write rewrites the whole file, so this store suits
 * bots with up to some thousands of users; beyond that use a database store. One process per file.
 *
 * @param <U> user data type
 * @param <C> chat data type
 * @param <B> bot data type
 */
public final class JsonFilePersistence<U, C, B> extends DocumentPersistence<U, C, B> {

    private final Path file;
    private final Path directory;
    private final boolean onFlush;
    /** Load, change and write in one critical section, so the file always holds one consistent state. */
    private final ReentrantLock lock = new ReentrantLock();
    private StoreDocument document; // guarded by lock; null until loaded
    private boolean dirty; // guarded by lock: memory holds changes the file does not

    private JsonFilePersistence(Builder<U, C, B> b) {
        super(b.codec, b.storeData, b.updateInterval);
        this.file = b.file;
        this.directory = b.file.getParent();
        this.onFlush = b.onFlush;
    }

    /** A builder for a file of the default map data. */
    public static Builder<Map<String, Object>, Map<String, Object>, Map<String, Object>> builder(Path file) {
        return builder(file, DataCodec.maps());
    }

    /** A builder for a file of data encoded by {@code codec}. */
    public static <U, C, B> Builder<U, C, B> builder(Path file, DataCodec<U, C, B> codec) {
        return new Builder<>(Objects.requireNonNull(file, "file"), Objects.requireNonNull(codec, "codec"));
    }

    /** The file (absolute). */
    public Path file() {
        return file;
    }

    @Override
    StoreDocument document() {
        lock.lock();
        try {
            return loaded();
        } finally {
            lock.unlock();
        }
    }

    @Override
    void modify(String call, Function<StoreDocument, Boolean> change) {
        lock.lock();
        try {
            if (change.apply(loaded())) {
                dirty = true;
            }
            if (dirty && !onFlush) {
                write(call);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            if (document != null && dirty) {
                write("flush()");
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    String source() {
        return "file " + file;
    }

    // ------------------------------------------------------------------------------------------------------ load

    private StoreDocument loaded() {
        if (document == null) {
            document = load();
        }
        return document;
    }

    private StoreDocument load() {
        if (!Files.isDirectory(directory)) {
            throw new PersistenceException("Cannot use file " + file + ": its directory " + directory
                    + " does not exist (create it; the store does not, so a mistyped path or an unmounted volume "
                    + "is not silently used)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new StoreDocument();
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw refused("it is a directory");
            }
            throw new PersistenceException("Cannot read file " + file + ": " + e, e);
        }
        if (bytes.length == 0) {
            throw refused("it is empty (a Telescale store file always holds at least its format header)");
        }
        JsonNode tree;
        try {
            tree = codec.mapper().reader()
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(bytes);
        } catch (JsonProcessingException e) {
            throw refused(StoreDocument.invalidJson(e), e);
        } catch (IOException e) {
            throw new PersistenceException("Cannot read file " + file + ": " + e, e);
        }
        StoreDocument doc;
        try {
            doc = StoreDocument.fromDocument(tree, codec);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), e);
        }
        deleteStaleTemporaryFiles();
        return doc;
    }

    private PersistenceException refused(String what) {
        return refused(what, null);
    }

    private PersistenceException refused(String what, Exception cause) {
        return new PersistenceException("Refusing to use " + file + ": " + what + ". The file is left untouched and "
                + "is not written while it is refused. To recover, fix the file, restore it from a backup, or move it "
                + "away to start with no stored data.", cause);
    }

    private void deleteStaleTemporaryFiles() {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory, temporaryPrefix() + "*.tmp")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Leftovers of a crash only take space; a read-only directory shows itself at the first write.
        }
    }

    private String temporaryPrefix() {
        return "." + file.getFileName() + ".";
    }

    // ----------------------------------------------------------------------------------------------------- write

    private void write(String call) {
        byte[] bytes;
        try {
            bytes = codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document.toDocument(codec));
        } catch (JsonProcessingException e) {
            throw new PersistenceException("Cannot write " + file + " (" + call + "): " + e.getOriginalMessage(), e);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(directory, temporaryPrefix(), ".tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            forceDirectory();
            dirty = false;
        } catch (IOException e) {
            throw new PersistenceException("Cannot write " + file + " (" + call + "): " + e + "; the previous file is "
                    + "intact and the data stays in memory for the next write", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // Deleted on the next load.
                }
            }
        }
    }

    /** Makes the rename durable (POSIX); Windows cannot open a directory for this, and its rename is journaled. */
    private void forceDirectory() throws IOException {
        if (File.separatorChar == '\\') {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    @Override
    public String toString() {
        return "JsonFilePersistence[" + file + (onFlush ? ", on flush" : "") + ", " + storeData() + "]";
    }

    /**
     * Options of a {@link JsonFilePersistence}.
     *
     * @param <U> user data type
     * @param <C> chat data type
     * @param <B> bot data type
     */
    public static final class Builder<U, C, B> {
        private final Path file;
        private final DataCodec<U, C, B> codec;
        private StoreData storeData = StoreData.ALL;
        private Duration updateInterval = DEFAULT_UPDATE_INTERVAL;
        private boolean onFlush;

        private Builder(Path file, DataCodec<U, C, B> codec) {
            this.file = file.toAbsolutePath().normalize();
            if (this.file.getFileName() == null) {
                throw new IllegalArgumentException("The persistence file needs a file name: " + file);
            }
            this.codec = codec;
        }

        /** Which kinds of data the application stores here (default all). */
        public Builder<U, C, B> storeData(StoreData storeData) {
            this.storeData = Objects.requireNonNull(storeData, "storeData");
            return this;
        }

        /** How often the application writes (default 60 s). */
        public Builder<U, C, B> updateInterval(Duration interval) {
            this.updateInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * {@code true}: write the file only on {@link #flush()} (at shutdown), not on each changing update call
         * (PTB's {@code on_flush}); default {@code false}.
         */
        public Builder<U, C, B> onFlush(boolean onFlush) {
            this.onFlush = onFlush;
            return this;
        }

        /** The store; nothing is read until its first call. */
        public JsonFilePersistence<U, C, B> build() {
            return new JsonFilePersistence<>(this);
        }
    }
}
