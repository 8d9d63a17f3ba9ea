package dev.telescale.testkit.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private static final String MARKDOWN_V2_RESERVED = "_*[]()~`>#+-=|{}.!";

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
            case "html" -> new Html(text, users).parse();
            case "markdownv2" -> new MarkdownV2(text, users).parse();
            case "markdown" -> new Markdown(text, users).parse();
            default -> throw BotApiError.badRequest("unsupported parse_mode");
        };
    }

    static BotApiError cannotParse(String message) {
        return BotApiError.badRequest("can't parse entities: " + message);
    }

    static int byteOffset(String source, int index) {
        return source.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    /** One entity under construction. */
    private record Entity(int offset, int length, String type, String url, JsonNode user, String language,
                          String customEmojiId) {
    }

    /** Collects entities and writes them out in Telegram's order. */
    private static final class Entities {
        private final List<Entity> list = new ArrayList<>();
        private final LongFunction<JsonNode> users;

        Entities(LongFunction<JsonNode> users) {
            this.users = users;
        }

        void add(String type, int start, int end) {
            add(new Entity(start, end - start, type, null, null, null, null));
        }

        void add(Entity entity) {
            if (entity.length() > 0) {
                list.add(entity);
            }
        }

        /** A link: a text_mention for tg://user?id= of a known user, nothing for an unknown one, else text_link. */
        void link(String url, int start, int end) {
            String prefix = "tg://user?id=";
            if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                JsonNode user = null;
                try {
                    user = users.apply(Long.parseLong(url.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    // not a user id: no mention
                }
                if (user != null) {
                    add(new Entity(start, end - start, "text_mention", null, user, null, null));
                }
                return;
            }
            if (!url.isEmpty()) {
                add(new Entity(start, end - start, "text_link", url, null, null, null));
            }
        }

        FormattedText finish(String text) {
            list.sort(Comparator.comparingInt(Entity::offset).thenComparing(Comparator.comparingInt(Entity::length).reversed()));
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (Entity e : list) {
                ObjectNode node = array.addObject().put("offset", e.offset()).put("length", e.length()).put("type", e.type());
                if (e.url() != null) {
                    node.put("url", e.url());
                }
                if (e.user() != null) {
                    node.set("user", e.user());
                }
                if (e.language() != null) {
                    node.put("language", e.language());
                }
                if (e.customEmojiId() != null) {
                    node.put("custom_emoji_id", e.customEmojiId());
                }
            }
            return new FormattedText(text, array);
        }
    }

    /** HTML: b strong i em u ins s strike del tg-spoiler span.tg-spoiler a code pre tg-emoji blockquote. */
    private static final class Html {
        private final String src;
        private final StringBuilder out = new StringBuilder();
        private final Entities entities;
        private final List<Open> stack = new ArrayList<>();

        private static final class Open {
            final String tag;
            final int start;
            final String attribute;
            String language;

            Open(String tag, int start, String attribute) {
                this.tag = tag;
                this.start = start;
                this.attribute = attribute;
            }
        }

        Html(String src, LongFunction<JsonNode> users) {
            this.src = src;
            this.entities = new Entities(users);
        }

        FormattedText parse() {
            int n = src.length();
            int i = 0;
            while (i < n) {
                char c = src.charAt(i);
                if (c == '&') {
                    i = entity(i);
                } else if (c != '<') {
                    out.append(c);
                    i++;
                } else if (i + 1 < n && src.charAt(i + 1) == '/') {
                    i = endTag(i);
                } else {
                    i = startTag(i);
                }
            }
            if (!stack.isEmpty()) {
                throw cannotParse("Can't find end tag corresponding to start tag \"" + stack.getLast().tag + "\"");
            }
            return entities.finish(out.toString());
        }

        /** &lt; &gt; &amp; &quot; and numeric references; anything else stays literal text. */
        private int entity(int at) {
            int semicolon = src.indexOf(';', at + 1);
            if (semicolon > at + 1 && semicolon - at <= 10) {
                String name = src.substring(at + 1, semicolon);
                int codePoint = switch (name) {
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "amp" -> '&';
                    case "quot" -> '"';
                    default -> numeric(name);
                };
                if (codePoint > 0) {
                    out.appendCodePoint(codePoint);
                    return semicolon + 1;
                }
            }
            out.append('&');
            return at + 1;
        }

        private static int numeric(String name) {
            if (!name.startsWith("#") || name.length() < 2) {
                return 0;
            }
            try {
                int value = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(value) && value != 0 ? value : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private int startTag(int begin) {
            int n = src.length();
            int i = begin + 1;
            while (i < n && !Character.isWhitespace(src.charAt(i)) && src.charAt(i) != '>') {
                i++;
            }
            if (i >= n) {
                throw cannotParse("Unclosed start tag at byte offset " + byteOffset(src, begin));
            }
            String tag = src.substring(begin + 1, i).toLowerCase(Locale.ROOT);
            if (!isSupported(tag)) {
                throw cannotParse("Unsupported start tag \"" + tag + "\" at byte offset " + byteOffset(src, begin));
            }
            String attribute = null;
            boolean expandable = false;
            while (true) {
                while (i < n && Character.isWhitespace(src.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    throw cannotParse("Unclosed start tag at byte offset " + byteOffset(src, begin));
                }
                if (src.charAt(i) == '>') {
                    i++;
                    break;
                }
                int nameStart = i;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '-' || src.charAt(i) == '_')) {
                    i++;
                }
                String name = src.substring(nameStart, i).toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw cannotParse("Empty attribute name in the tag \"" + tag + "\" at byte offset " + byteOffset(src, begin));
                }
                while (i < n && Character.isWhitespace(src.charAt(i))) {
                    i++;
                }
                String value = "";
                if (i < n && src.charAt(i) == '=') {
                    i++;
                    while (i < n && Character.isWhitespace(src.charAt(i))) {
                        i++;
                    }
                    if (i >= n) {
                        throw cannotParse("Unclosed start tag at byte offset " + byteOffset(src, begin));
                    }
                    char quote = src.charAt(i);
                    if (quote == '"' || quote == '\'') {
                        int close = src.indexOf(quote, i + 1);
                        if (close < 0) {
                            throw cannotParse("Unclosed start tag at byte offset " + byteOffset(src, begin));
                        }
                        value = decodeAttribute(src.substring(i + 1, close));
                        i = close + 1;
                    } else {
                        int valueStart = i;
                        while (i < n && !Character.isWhitespace(src.charAt(i)) && src.charAt(i) != '>') {
                            i++;
                        }
                        value = decodeAttribute(src.substring(valueStart, i));
                    }
                } else if (!(tag.equals("blockquote") && name.equals("expandable"))) {
                    throw cannotParse("Expected equal sign in declaration of an attribute of the tag \"" + tag
                            + "\" at byte offset " + byteOffset(src, begin));
                }
                switch (tag) {
                    case "a" -> {
                        if (name.equals("href")) {
                            attribute = value;
                        }
                    }
                    case "code" -> {
                        if (name.equals("class") && value.startsWith("language-")) {
                            attribute = value.substring("language-".length());
                        }
                    }
                    case "span" -> {
                        if (name.equals("class") && value.equals("tg-spoiler")) {
                            attribute = value;
                        }
                    }
                    case "tg-emoji" -> {
                        if (name.equals("emoji-id")) {
                            attribute = value;
                        }
                    }
                    case "blockquote" -> expandable |= name.equals("expandable");
                    default -> {
                    }
                }
            }
            if (tag.equals("span") && attribute == null) {
                throw cannotParse("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(src, begin));
            }
            if (tag.equals("tg-emoji") && (attribute == null || !attribute.chars().allMatch(Character::isDigit) || attribute.isEmpty())) {
                throw cannotParse("Custom emoji entity must have a valid emoji-id at byte offset " + byteOffset(src, begin));
            }
            if (tag.equals("blockquote") && expandable) {
                attribute = "expandable";
            }
            stack.add(new Open(tag, out.length(), attribute));
            return i;
        }

        private String decodeAttribute(String raw) {
            if (raw.indexOf('&') < 0) {
                return raw;
            }
            Html inner = new Html(raw.replace("<", "&lt;"), id -> null);
            return inner.parse().text();
        }

        private int endTag(int begin) {
            int close = src.indexOf('>', begin);
            if (close < 0) {
                throw cannotParse("Unclosed end tag at byte offset " + byteOffset(src, begin));
            }
            String tag = src.substring(begin + 2, close).trim().toLowerCase(Locale.ROOT);
            if (stack.isEmpty()) {
                throw cannotParse("Unexpected end tag at byte offset " + byteOffset(src, begin));
            }
            Open open = stack.getLast();
            if (!tag.isEmpty() && !tag.equals(open.tag)) {
                throw cannotParse("Unmatched end tag at byte offset " + byteOffset(src, begin) + ", expected \"</"
                        + open.tag + ">\", found \"</" + tag + ">\"");
            }
            stack.removeLast();
            int end = out.length();
            switch (open.tag) {
                case "b", "strong" -> entities.add("bold", open.start, end);
                case "i", "em" -> entities.add("italic", open.start, end);
                case "u", "ins" -> entities.add("underline", open.start, end);
                case "s", "strike", "del" -> entities.add("strikethrough", open.start, end);
                case "tg-spoiler", "span" -> entities.add("spoiler", open.start, end);
                case "a" -> entities.link(open.attribute == null ? "" : open.attribute, open.start, end);
                case "tg-emoji" -> entities.add(new Entity(open.start, end - open.start, "custom_emoji", null, null,
                        null, open.attribute));
                case "blockquote" -> entities.add(open.attribute == null ? "blockquote" : "expandable_blockquote",
                        open.start, end);
                case "code" -> {
                    Open parent = stack.isEmpty() ? null : stack.getLast();
                    if (parent != null && parent.tag.equals("pre") && parent.start == open.start) {
                        parent.language = open.attribute;     // <pre><code class="language-x"> is one pre entity
                    } else {
                        entities.add("code", open.start, end);
                    }
                }
                case "pre" -> entities.add(new Entity(open.start, end - open.start, "pre", null, null,
                        open.language, null));
                default -> throw new IllegalStateException("unexpected tag " + open.tag);
            }
            return close + 1;
        }

        private static boolean isSupported(String tag) {
            return switch (tag) {
                case "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "span", "code",
                     "pre", "tg-emoji", "blockquote" -> true;
                default -> false;
            };
        }
    }

    /** MarkdownV2: *bold* _italic_ __underline__ ~strike~ ||spoiler|| `code` ```pre``` [text](url) ![e](tg://emoji?id=) >quote. */
    private static final class MarkdownV2 {
        private final String src;
        private final StringBuilder out = new StringBuilder();
        private final Entities entities;
        private final List<Open> stack = new ArrayList<>();
        private int quoteStart = -1;
        private boolean quoteExpandable;

        private record Open(String type, String name, int start, int sourceIndex) {
        }

        MarkdownV2(String src, LongFunction<JsonNode> users) {
            this.src = src;
            this.entities = new Entities(users);
        }

        FormattedText parse() {
            int n = src.length();
            int i = 0;
            while (i < n) {
                char c = src.charAt(i);
                boolean lineStart = i == 0 || src.charAt(i - 1) == '\n';
                if (lineStart && quoteStart >= 0 && c != '>' && !src.startsWith("**>", i)) {
                    closeQuote();
                }
                if (lineStart && stack.isEmpty() && (c == '>' || src.startsWith("**>", i))) {
                    if (quoteStart < 0) {
                        quoteStart = out.length();
                        quoteExpandable = c == '*';
                    }
                    i += c == '>' ? 1 : 3;
                    continue;
                }
                if (c == '\\' && i + 1 < n && src.charAt(i + 1) > 0 && src.charAt(i + 1) < 127) {
                    out.append(src.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '\n' && quoteStart >= 0 && (i + 1 >= n || src.charAt(i + 1) != '>')) {
                    closeQuote();
                }
                if (MARKDOWN_V2_RESERVED.indexOf(c) < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                if (quoteExpandable && quoteStart >= 0 && src.startsWith("||", i)
                        && (i + 2 >= n || src.charAt(i + 2) == '\n') && stack.isEmpty()) {
                    closeQuote();
                    i += 2;
                    continue;
                }
                Open top = stack.isEmpty() ? null : stack.getLast();
                if (top != null && isEnd(top.type(), i)) {
                    i = close(top, i);
                } else {
                    i = open(c, i);
                }
            }
            if (!stack.isEmpty()) {
                Open open = stack.getLast();
                throw cannotParse("Can't find end of " + open.name() + " entity at byte offset "
                        + byteOffset(src, open.sourceIndex()));
            }
            if (quoteStart >= 0) {
                closeQuote();
            }
            return entities.finish(out.toString());
        }

        private void closeQuote() {
            entities.add(quoteExpandable ? "expandable_blockquote" : "blockquote", quoteStart, out.length());
            quoteStart = -1;
            quoteExpandable = false;
        }

        private boolean isEnd(String type, int i) {
            char c = src.charAt(i);
            return switch (type) {
                case "bold" -> c == '*';
                case "italic" -> c == '_' && !src.startsWith("__", i);
                case "underline" -> src.startsWith("__", i);
                case "strikethrough" -> c == '~';
                case "spoiler" -> src.startsWith("||", i);
                case "text_link", "custom_emoji" -> c == ']';
                default -> false;
            };
        }

        private int open(char c, int i) {
            int n = src.length();
            switch (c) {
                case '_' -> {
                    if (src.startsWith("__", i)) {
                        stack.add(new Open("underline", "Underline", out.length(), i));
                        return i + 2;
                    }
                    stack.add(new Open("italic", "Italic", out.length(), i));
                    return i + 1;
                }
                case '*' -> {
                    stack.add(new Open("bold", "Bold", out.length(), i));
                    return i + 1;
                }
                case '~' -> {
                    stack.add(new Open("strikethrough", "Strikethrough", out.length(), i));
                    return i + 1;
                }
                case '|' -> {
                    if (src.startsWith("||", i)) {
                        stack.add(new Open("spoiler", "Spoiler", out.length(), i));
                        return i + 2;
                    }
                }
                case '[' -> {
                    stack.add(new Open("text_link", "TextUrl", out.length(), i));
                    return i + 1;
                }
                case '!' -> {
                    if (i + 1 < n && src.charAt(i + 1) == '[') {
                        stack.add(new Open("custom_emoji", "CustomEmoji", out.length(), i));
                        return i + 2;
                    }
                }
                case '`' -> {
                    return code(i);
                }
                default -> {
                }
            }
            throw cannotParse("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
        }

        /** `code` and ```language\npre```: only ` and \ are special inside. */
        private int code(int begin) {
            int n = src.length();
            boolean pre = src.startsWith("```", begin);
            int i = begin + (pre ? 3 : 1);
            String language = null;
            if (pre) {
                int newline = src.indexOf('\n', i);
                int fence = src.indexOf("```", i);
                if (newline >= 0 && (fence < 0 || newline < fence)) {
                    String first = src.substring(i, newline);
                    if (!first.isEmpty() && first.chars().noneMatch(Character::isWhitespace)) {
                        language = first;
                        i = newline + 1;
                    }
                }
            }
            int start = out.length();
            while (i < n) {
                char c = src.charAt(i);
                if (c == '\\' && i + 1 < n && (src.charAt(i + 1) == '`' || src.charAt(i + 1) == '\\')) {
                    out.append(src.charAt(i + 1));
                    i += 2;
                } else if (c == '`' && (!pre || src.startsWith("```", i))) {
                    entities.add(new Entity(start, out.length() - start, pre ? "pre" : "code", null, null, language, null));
                    return i + (pre ? 3 : 1);
                } else {
                    out.append(c);
                    i++;
                }
            }
            throw cannotParse("Can't find end of " + (pre ? (language == null ? "Pre" : "PreCode") : "Code")
                    + " entity at byte offset " + byteOffset(src, begin));
        }

        private int close(Open open, int i) {
            stack.removeLast();
            int end = out.length();
            switch (open.type()) {
                case "underline", "spoiler" -> {
                    entities.add(open.type(), open.start(), end);
                    return i + 2;
                }
                case "text_link", "custom_emoji" -> {
                    int n = src.length();
                    if (i + 1 >= n || src.charAt(i + 1) != '(') {
                        if (open.type().equals("custom_emoji")) {
                            throw cannotParse("Custom emoji entity must contain a tg://emoji URL");
                        }
                        entities.link(src.substring(open.sourceIndex() + 1, i), open.start(), end);
                        return i + 1;
                    }
                    StringBuilder url = new StringBuilder();
                    int j = i + 2;
                    while (j < n && src.charAt(j) != ')') {
                        if (src.charAt(j) == '\\' && j + 1 < n) {
                            j++;
                        }
                        url.append(src.charAt(j));
                        j++;
                    }
                    if (j >= n) {
                        throw cannotParse("Can't find end of a URL at byte offset " + byteOffset(src, i + 1));
                    }
                    if (open.type().equals("custom_emoji")) {
                        String prefix = "tg://emoji?id=";
                        String id = url.toString().startsWith(prefix) ? url.substring(prefix.length()) : "";
                        if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
                            throw cannotParse("Custom emoji URL must have an emoji identifier");
                        }
                        entities.add(new Entity(open.start(), end - open.start(), "custom_emoji", null, null, null, id));
                    } else {
                        entities.link(url.toString(), open.start(), end);
                    }
                    return j + 1;
                }
                default -> {
                    entities.add(open.type(), open.start(), end);
                    return i + 1;
                }
            }
        }
    }

    /** Legacy Markdown: *bold* _italic_ `code` ```pre``` [text](url), no nesting, \ escapes _ * ` [. */
    private static final class Markdown {
        private final String src;
        private final StringBuilder out = new StringBuilder();
        private final Entities entities;

        Markdown(String src, LongFunction<JsonNode> users) {
            this.src = src;
            this.entities = new Entities(users);
        }

        FormattedText parse() {
            int n = src.length();
            int i = 0;
            while (i < n) {
                char c = src.charAt(i);
                if (c == '\\' && i + 1 < n && "_*`[".indexOf(src.charAt(i + 1)) >= 0) {
                    out.append(src.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if ("_*`[".indexOf(c) < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                i = entity(c, i);
            }
            return entities.finish(out.toString());
        }

        private BotApiError unclosed(int begin) {
            return cannotParse("Can't find end of the entity starting at byte offset " + byteOffset(src, begin));
        }

        private int entity(char c, int begin) {
            int start = out.length();
            if (c == '[') {
                int close = src.indexOf(']', begin + 1);
                if (close < 0) {
                    throw unclosed(begin);
                }
                out.append(src, begin + 1, close);
                if (close + 1 < src.length() && src.charAt(close + 1) == '(') {
                    int end = src.indexOf(')', close + 2);
                    if (end < 0) {
                        throw unclosed(begin);
                    }
                    entities.link(src.substring(close + 2, end), start, out.length());
                    return end + 1;
                }
                return close + 1;
            }
            if (c == '`' && src.startsWith("```", begin)) {
                int close = src.indexOf("```", begin + 3);
                if (close < 0) {
                    throw unclosed(begin);
                }
                String body = src.substring(begin + 3, close);
                String language = null;
                int newline = body.indexOf('\n');
                if (newline > 0 && body.substring(0, newline).chars().noneMatch(Character::isWhitespace)) {
                    language = body.substring(0, newline);
                    body = body.substring(newline + 1);
                }
                out.append(body);
                entities.add(new Entity(start, body.length(), "pre", null, null, language, null));
                return close + 3;
            }
            int close = src.indexOf(c, begin + 1);
            if (close < 0) {
                throw unclosed(begin);
            }
            out.append(src, begin + 1, close);
            entities.add(c == '*' ? "bold" : c == '_' ? "italic" : "code", start, out.length());
            return close + 1;
        }
    }
}
