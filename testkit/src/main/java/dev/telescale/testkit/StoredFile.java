package dev.telescale.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;

/**
 * A file the emulator knows: uploaded by a bot, registered by a test, or referenced by URL (then without
 * bytes). Its {@code fileId} works in send methods and getFile, and its {@code filePath} downloads from
 * {@code fileBaseUrl() + "/bot" + token + "/" + filePath} when the bytes are known.
 *
 * @param fileId       the file_id
 * @param fileUniqueId the file_unique_id
 * @param filePath     the file_path getFile answers
 * @param filename     the original file name, possibly empty
 * @param mimeType     the MIME type
 * @param bytes        the content, or null for files known only by URL
 */
public record StoredFile(String fileId, String fileUniqueId, String filePath, String filename, String mimeType,
                         byte[] bytes) {

    /** The size in bytes, 0 when the content is unknown. */
    public long size() {
        return bytes == null ? 0 : bytes.length;
    }

    /** The Telegram File object for this file. */
    public ObjectNode toFileJson() {
        ObjectNode file = Json.object().put("file_id", fileId).put("file_unique_id", fileUniqueId);
        if (bytes != null) {
            file.put("file_size", bytes.length);
        }
        return file.put("file_path", filePath);
    }

    @Override
    public String toString() {
        return "StoredFile[fileId=" + fileId + ", filePath=" + filePath + ", filename=" + filename
                + ", mimeType=" + mimeType + ", size=" + size() + "]";
    }
}
