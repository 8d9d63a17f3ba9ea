package dev.telescale.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file given to Telegram: either a {@link Reference} to a file Telegram already has ({@code file_id}) or can
 * fetch (an HTTP URL), written as a plain string, or an {@link Upload} whose bytes are sent in a
 * multipart/form-data request. {@code toString()} never shows file contents.
 */
public sealed interface InputFile permits InputFile.Reference, InputFile.Upload {

    /** A file already stored on Telegram's servers, by its {@code file_id}. */
    static Reference fileId(String fileId) {
        return new Reference(fileId);
    }

    /** A file Telegram downloads itself from an HTTP URL. */
    static Reference url(String url) {
        return new Reference(url);
    }

    /** Uploads the file at {@code path}; its file name is the last path element. */
    static Upload of(Path path) {
        return new PathUpload(path);
    }

    /** Uploads bytes held in memory under the given file name. The array is copied. */
    static Upload of(byte[] bytes, String filename) {
        return new BytesUpload(bytes.clone(), filename);
    }

    /** Uploads the content of a stream, which can be sent once; its size is unknown in advance. */
    static Upload of(InputStream in, String filename) {
        return new StreamUpload(in, filename);
    }

    /** A {@code file_id} or URL, sent as a string. */
    record Reference(String value) implements InputFile {
        /** Rejects null and blank values, which Telegram would reject with a less helpful message. */
        public Reference {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("InputFile reference (file_id or URL) must not be blank");
            }
        }
    }

    /** Content to upload: sent as a file part of a multipart request, never as JSON. */
    sealed interface Upload extends InputFile permits PathUpload, BytesUpload, StreamUpload {
        /** The file name sent in the multipart part. */
        String filename();

        /** The size in bytes, or -1 when it is not known in advance. */
        long size();

        /** Opens the content for reading; the caller closes the stream. */
        InputStream open() throws IOException;

        /** Copies the whole content to {@code out}. */
        default void writeTo(OutputStream out) throws IOException {
            try (InputStream in = open()) {
                in.transferTo(out);
            }
        }
    }

    /** An upload of a file on disk. */
    record PathUpload(Path path) implements Upload {
        /** Rejects a null path early. */
        public PathUpload {
            Objects.requireNonNull(path, "InputFile.of(Path): path must not be null");
        }

        @Override
        public String filename() {
            Path name = path.getFileName();
            return name == null ? "file" : name.toString();
        }

        @Override
        public long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public String toString() {
            return "InputFile.Upload[path=" + path + "]";
        }
    }

    /** An upload of bytes in memory; equal when file name and content are equal. */
    final class BytesUpload implements Upload {
        private final byte[] bytes;
        private final String filename;

        BytesUpload(byte[] bytes, String filename) {
            this.bytes = Objects.requireNonNull(bytes, "InputFile.of(byte[], String): bytes must not be null");
            this.filename = Objects.requireNonNull(filename, "InputFile.of(byte[], String): filename must not be null");
        }

        @Override
        public String filename() {
            return filename;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }

        /** A copy of the content. */
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BytesUpload b && filename.equals(b.filename) && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * filename.hashCode() + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "InputFile.Upload[filename=" + filename + ", size=" + bytes.length + "]";
        }
    }

    /** A one-shot upload from a stream: {@link #open()} succeeds once. */
    final class StreamUpload implements Upload {
        private final InputStream in;
        private final String filename;
        private final AtomicBoolean opened = new AtomicBoolean();

        StreamUpload(InputStream in, String filename) {
            this.in = Objects.requireNonNull(in, "InputFile.of(InputStream, String): stream must not be null");
            this.filename = Objects.requireNonNull(filename, "InputFile.of(InputStream, String): filename must not be null");
        }

        @Override
        public String filename() {
            return filename;
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public InputStream open() {
            if (!opened.compareAndSet(false, true)) {
                throw new UncheckedIOException(new IOException("InputFile stream upload '" + filename
                        + "' was already sent; a stream can be read once — use InputFile.of(byte[], String) to resend"));
            }
            return in;
        }

        @Override
        public String toString() {
            return "InputFile.Upload[filename=" + filename + ", stream]";
        }
    }
}
