package dev.telescale.testkit.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.BotApiError;
import java.util.function.LongFunction;

/** parse_mode Markdown (legacy): *bold* _italic_ `code` ```pre``` [text](url), no nesting, \ escapes _ * ` [. */
final class MarkdownParser extends MarkupParser {

    MarkdownParser(String src, LongFunction<JsonNode> users) {
        super(src, users);
    }

    @Override
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
        return finish();
    }

    private BotApiError unclosed(int begin) {
        return errorAt("Can't find end of the entity starting", begin);
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
            entities.pre(start, out.length(), language);
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
