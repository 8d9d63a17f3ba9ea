package dev.telescale.testkit;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file part of a multipart/form-data request as the bot sent it: the form field it came in, the file name and
 * content type the bot declared, and its bytes. Equality compares the bytes; {@code toString} leaves them out.
 *
 * @param fieldName   the multipart field name (a parameter name, or the name behind {@code attach://name})
 * @param filename    the declared file name, possibly empty
 * @param contentType the declared content type, {@code application/octet-stream} when none was given
 * @param bytes       the content
 */
public record UploadedFile(String fieldName, String filename, String contentType, byte[] bytes) {

    public UploadedFile {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The size in bytes. */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadedFile other && fieldName.equals(other.fieldName) && filename.equals(other.filename)
                && contentType.equals(other.contentType) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fieldName, filename, contentType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "UploadedFile[field=" + fieldName + ", filename=" + filename + ", contentType=" + contentType
                + ", size=" + bytes.length + "]";
    }
}
