package dev.telescale.testkit.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.BotApiError;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Telegram's parse_mode handling: turns a text with HTML, MarkdownV2 or legacy Markdown markup into plain text and
 * MessageEntity objects, and rejects malformed markup with the Bot API's 400 "Bad Request: can't parse entities: ..."
 * (positions as UTF-8 byte offsets of the given text, as Telegram reports them). Links to {@code tg://user?id=N}
 * become text_mention entities carrying the user when the emulator knows that user (and are dropped otherwise, as
 * Telegram drops mentions of users the bot cannot see).
 */
public final class TextFormatting {

    private TextFormatting() {
    }

    /**
     * Parses {@code text} in {@code parseMode} ("HTML", "MarkdownV2" or "Markdown", case-insensitive).
     *
     * @param users finds a user's User JSON by id for text mentions (null when unknown)
     * @throws BotApiError 400 for an unsupported parse mode or malformed markup
     */
    public static FormattedText parse(String text, String parseMode, LongFunction<JsonNode> users) {
        return switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html" -> new HtmlParser(text, users).parse();
            case "markdownv2" -> new MarkdownV2Parser(text, users).parse();
            case "markdown" -> new MarkdownParser(text, users).parse();
            default -> throw BotApiError.badRequest("unsupported parse_mode");
        };
    }
}
