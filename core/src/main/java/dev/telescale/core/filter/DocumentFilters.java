package dev.telescale.core.filter;

import java.util.Locale;
import java.util.Objects;

/**
 * PTB's {@code filters.Document}: messages with a document (a file sent as such), by mime type or file name.
 * Exposed as {@link Filters.Document}. These look at what the sender's client claims; they do not inspect the
 * file.
 */
class DocumentFilters {

    /** Any document. */
    public static final Filter ALL = Filter.message("Filters.Document.ALL", m -> m.document().isPresent());

    /** Mime type {@code application/*}. */
    public static final Filter APPLICATION = category("application/");
    /** Mime type {@code audio/*}. */
    public static final Filter AUDIO = category("audio/");
    /** Mime type {@code image/*}. */
    public static final Filter IMAGE = category("image/");
    /** Mime type {@code video/*}. */
    public static final Filter VIDEO = category("video/");
    /** Mime type {@code text/*}. */
    public static final Filter TEXT = category("text/");

    /**
     * Documents whose file name has no dot at all (PTB's {@code Document.FileExtension(None)}). Documents without a
     * file name never match.
     */
    public static final Filter NO_FILE_EXTENSION = Filter.message("Filters.Document.NO_FILE_EXTENSION",
            m -> m.document().flatMap(d -> d.fileName()).filter(f -> f.indexOf('.') < 0).isPresent());

    // The mime types below are PTB's: literal ones, and those it reads from Python's mimetypes table (CPython 3.11).
    /** {@code application/vnd.android.package-archive}. */
    public static final Filter APK = mimeType("application/vnd.android.package-archive");
    /** {@code application/msword}. */
    public static final Filter DOC = mimeType("application/msword");
    /** {@code application/vnd.openxmlformats-officedocument.wordprocessingml.document}. */
    public static final Filter DOCX =
            mimeType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    /** {@code application/octet-stream} (what Python maps {@code .exe} to; in practice any unknown binary). */
    public static final Filter EXE = mimeType("application/octet-stream");
    /** {@code image/gif}. */
    public static final Filter GIF = mimeType("image/gif");
    /** {@code image/jpeg}. */
    public static final Filter JPG = mimeType("image/jpeg");
    /** {@code audio/mpeg}. */
    public static final Filter MP3 = mimeType("audio/mpeg");
    /** {@code video/mp4}. */
    public static final Filter MP4 = mimeType("video/mp4");
    /** {@code application/pdf}. */
    public static final Filter PDF = mimeType("application/pdf");
    /** {@code text/x-python}. */
    public static final Filter PY = mimeType("text/x-python");
    /** {@code image/svg+xml}. */
    public static final Filter SVG = mimeType("image/svg+xml");
    /** {@code text/plain}. */
    public static final Filter TXT = mimeType("text/plain");
    /** {@code application/x-compressed-tar}. */
    public static final Filter TARGZ = mimeType("application/x-compressed-tar");
    /** {@code audio/x-wav}. */
    public static final Filter WAV = mimeType("audio/x-wav");
    /** {@code text/xml}. */
    public static final Filter XML = mimeType("text/xml");
    /** {@code application/zip}. */
    public static final Filter ZIP = mimeType("application/zip");

    DocumentFilters() {
    }

    /**
     * Documents whose mime type starts with {@code prefix} (PTB's {@code Document.Category}), e.g.
     * {@code "audio/"}; case-sensitive.
     */
    public static Filter category(String prefix) {
        requireText(prefix, "Filters.Document.category", "prefix");
        return Filter.message("Filters.Document.category(\"" + prefix + "\")", m -> m.document()
                .flatMap(d -> d.mimeType()).filter(t -> t.startsWith(prefix)).isPresent());
    }

    /** Documents whose mime type is exactly {@code mimeType} (PTB's {@code Document.MimeType}). */
    public static Filter mimeType(String mimeType) {
        requireText(mimeType, "Filters.Document.mimeType", "mimeType");
        return Filter.message("Filters.Document.mimeType(\"" + mimeType + "\")", m -> m.document()
                .flatMap(d -> d.mimeType()).filter(mimeType::equals).isPresent());
    }

    /**
     * Documents whose file name ends with {@code "." + extension}, ignoring case (PTB's
     * {@code Document.FileExtension}): {@code "jpg"} matches {@code photo.JPG}; {@code "tar.gz"} works; a leading
     * dot is part of the extension ({@code ".jpg"} matches {@code a..jpg} only). Documents without a file name
     * never match.
     */
    public static Filter fileExtension(String extension) {
        return fileExtension(extension, false);
    }

    /** As {@link #fileExtension(String)}, minding case when {@code caseSensitive}. */
    public static Filter fileExtension(String extension, boolean caseSensitive) {
        requireText(extension, "Filters.Document.fileExtension", "extension");
        String suffix = caseSensitive ? "." + extension : ("." + extension).toLowerCase(Locale.ROOT);
        String name = caseSensitive
                ? "Filters.Document.fileExtension(\"" + extension + "\", true)"
                : "Filters.Document.fileExtension(\"" + extension.toLowerCase(Locale.ROOT) + "\")";
        return Filter.message(name, m -> m.document().flatMap(d -> d.fileName())
                .map(f -> caseSensitive ? f : f.toLowerCase(Locale.ROOT))
                .filter(f -> f.endsWith(suffix)).isPresent());
    }

    private static void requireText(String value, String factory, String what) {
        Objects.requireNonNull(value, () -> factory + ": " + what + " is null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(factory + ": " + what + " is empty");
        }
    }
}
