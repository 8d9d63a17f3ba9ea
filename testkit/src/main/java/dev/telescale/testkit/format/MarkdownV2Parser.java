package dev.telescale.testkit.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** parse_mode MarkdownV2: *bold* _italic_ __underline__ ~strike~ ||spoiler|| `code` ```pre``` [text](url) ![e](tg://emoji?id=) >quote. */
final class MarkdownV2Parser extends MarkupParser {

    private static final String RESERVED = "_*[]()~`>#+-=|{}.!";

    private final List<Open> stack = new ArrayList<>();
    private int quoteStart = -1;
    private boolean quoteExpandable;

    private record Open(String type, String name, int start, int sourceIndex) {
    }

    MarkdownV2Parser(String src, LongFunction<JsonNode> users) {
        super(src, users);
    }

    @Override
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
            if (RESERVED.indexOf(c) < 0) {
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
            throw errorAt("Can't find end of " + open.name() + " entity", open.sourceIndex());
        }
        if (quoteStart >= 0) {
            closeQuote();
        }
        return finish();
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
                if (pre) {
                    entities.pre(start, out.length(), language);
                } else {
                    entities.add("code", start, out.length());
                }
                return i + (pre ? 3 : 1);
            } else {
                out.append(c);
                i++;
            }
        }
        throw errorAt("Can't find end of " + (pre ? (language == null ? "Pre" : "PreCode") : "Code") + " entity",
                begin);
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
                    throw errorAt("Can't find end of a URL", i + 1);
                }
                if (open.type().equals("custom_emoji")) {
                    String prefix = "tg://emoji?id=";
                    String id = url.toString().startsWith(prefix) ? url.substring(prefix.length()) : "";
                    if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
                        throw cannotParse("Custom emoji URL must have an emoji identifier");
                    }
                    entities.customEmoji(open.start(), end, id);
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

