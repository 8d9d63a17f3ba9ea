package dev.telescale.api.json;

import java.util.List;

/**
 * A request written for sending: its JSON as UTF-8 bytes and the uploads it refers to (see {@link ApiWriter}).
 * The array is owned by the caller; records compare it by reference.
 */
public record EncodedJson(byte[] json, List<Attachment> attachments) {
}
