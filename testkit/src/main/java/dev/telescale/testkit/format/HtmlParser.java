package dev.telescale.testkit.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/** parse_mode HTML: b strong i em u ins s strike del tg-spoiler span.tg-spoiler a code pre tg-emoji blockquote. */
final class HtmlParser extends MarkupParser {
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

    HtmlParser(String src, LongFunction<JsonNode> users) {
        super(src, users);
    }

    @Override
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
        return finish();
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
            throw errorAt("Unclosed start tag", begin);
        }
        String tag = src.substring(begin + 1, i).toLowerCase(Locale.ROOT);
        if (!isSupported(tag)) {
            throw errorAt("Unsupported start tag \"" + tag + "\"", begin);
        }
        String attribute = null;
        boolean expandable = false;
        while (true) {
            i = skipWhitespace(i);
            if (i >= n) {
                throw errorAt("Unclosed start tag", begin);
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
                throw errorAt("Empty attribute name in the tag \"" + tag + "\"", begin);
            }
            i = skipWhitespace(i);
            String value = "";
            if (i < n && src.charAt(i) == '=') {
                i++;
                i = skipWhitespace(i);
                if (i >= n) {
                    throw errorAt("Unclosed start tag", begin);
                }
                char quote = src.charAt(i);
                if (quote == '"' || quote == '\'') {
                    int close = src.indexOf(quote, i + 1);
                    if (close < 0) {
                        throw errorAt("Unclosed start tag", begin);
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
                throw errorAt("Expected equal sign in declaration of an attribute of the tag \"" + tag
                        + "\"", begin);
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
            throw errorAt("Tag \"span\" must have class \"tg-spoiler\"", begin);
        }
        if (tag.equals("tg-emoji") && (attribute == null || !attribute.chars().allMatch(Character::isDigit) || attribute.isEmpty())) {
            throw errorAt("Custom emoji entity must have a valid emoji-id", begin);
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
        HtmlParser inner = new HtmlParser(raw.replace("<", "&lt;"), id -> null);
        return inner.parse().text();
    }

    private int endTag(int begin) {
        int close = src.indexOf('>', begin);
        if (close < 0) {
            throw errorAt("Unclosed end tag", begin);
        }
        String tag = src.substring(begin + 2, close).trim().toLowerCase(Locale.ROOT);
        if (stack.isEmpty()) {
            throw errorAt("Unexpected end tag", begin);
        }
        Open open = stack.getLast();
        if (!tag.isEmpty() && !tag.equals(open.tag)) {
            throw cannotParse("Unmatched end tag at byte offset " + byteOffset(begin) + ", expected \"</"
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
            case "tg-emoji" -> entities.customEmoji(open.start, end, open.attribute);
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
            case "pre" -> entities.pre(open.start, end, open.language);
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

    /** The first index from {@code i} that is not white space. */
    private int skipWhitespace(int i) {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i;
    }
}
