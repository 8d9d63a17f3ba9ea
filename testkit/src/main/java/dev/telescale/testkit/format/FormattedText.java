package dev.telescale.testkit.format;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A text after Telegram's markup parsing: the plain text and its MessageEntity array (offsets and lengths in
 * UTF-16 code units, sorted by offset, outer entities first).
 *
 * @param text     the text without markup
 * @param entities the entities, possibly empty; do not modify
 */
public record FormattedText(String text, ArrayNode entities) {
}
