package dev.telescale.testkit.state;

import dev.telescale.testkit.StoredFile;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files the emulator knows, by file_id and by file_path: uploads from bots, files registered by tests, and
 * URLs bots sent (known without content).
 */
public final class FileStore {

    private final Map<String, StoredFile> byId = new ConcurrentHashMap<>();
    private final Map<String, StoredFile> byPath = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong();

    /**
     * Stores a file and gives it ids and a path.
     *
     * @param folder   the path folder, e.g. "photos", "documents"
     * @param filename the original name, possibly empty
     * @param mimeType the MIME type
     * @param bytes    the content, or null when unknown
     */
    public StoredFile store(String folder, String filename, String mimeType, byte[] bytes) {
        long n = numbers.incrementAndGet();
        String extension = extensionOf(filename);
        String fileId = "BQACAgIAAx" + Long.toString(n * 7919 + 1000003, 36) + "F" + n;
        String uniqueId = "AQAD" + Long.toString(n * 104729 + 17, 36);
        StoredFile file = new StoredFile(fileId, uniqueId, folder + "/file_" + n + extension,
                filename == null ? "" : filename, mimeType, bytes);
        byId.put(fileId, file);
        byPath.put(file.filePath(), file);
        return file;
    }

    /** The file with this file_id, or null. */
    public StoredFile byId(String fileId) {
        return byId.get(fileId);
    }

    /** The file at this file_path, or null. */
    public StoredFile byPath(String filePath) {
        return byPath.get(filePath);
    }

    private static String extensionOf(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        if (dot < 0 || dot == filename.length() - 1 || filename.length() - dot > 8) {
            return "";
        }
        return filename.substring(dot).toLowerCase(Locale.ROOT);
    }
}
