package dev.telescale.testkit.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.BotApiError;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * What the three parse_mode parsers share: the marked-up source, the plain text written so far, the entities found,
 * and Telegram's 400 "can't parse entities" error with positions as UTF-8 byte offsets of the source.
 */
abstract sealed class MarkupParser permits HtmlParser, MarkdownV2Parser, MarkdownParser {

    final String src;
    final StringBuilder out = new StringBuilder();
    final Entities entities;

    MarkupParser(String src, LongFunction<JsonNode> users) {
        this.src = src;
        this.entities = new Entities(users);
    }

    /** The plain text and its entities. */
    abstract FormattedText parse();

    /** The entities found, over the text written. */
    final FormattedText finish() {
        return entities.finish(out.toString());
    }

    /** Telegram's "can't parse entities: {@code what} at byte offset N" for source index {@code index}. */
    final BotApiError errorAt(String what, int index) {
        return cannotParse(what + " at byte offset " + byteOffset(index));
    }

    /** The UTF-8 byte offset of source index {@code index}, as Telegram reports positions. */
    final int byteOffset(int index) {
        return src.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    static BotApiError cannotParse(String message) {
        return BotApiError.badRequest("can't parse entities: " + message);
    }
}
