package dev.telescale.api.json;

import dev.telescale.api.InputFile;

/**
 * A file to send as a part of a multipart/form-data request, collected by {@link ApiWriter} while it writes a
 * request: {@code name} is the form part name (the parameter name for a top-level upload, or the generated name
 * that an {@code "attach://name"} string in the JSON refers to).
 */
public record Attachment(String name, InputFile.Upload file) {
}
