package dev.telescale.codegen.emit;

import java.util.ArrayList;
import java.util.List;

/** Turns spec descriptions into safe Javadoc text: HTML, {@code @}, backslashes and comment ends escaped. */
public final class Javadoc {

    private Javadoc() {
    }

    /** Escapes one description for use inside a Javadoc comment. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '@' -> sb.append("&#64;");
                case '\\' -> sb.append("&#92;");
                case '*' -> sb.append(i + 1 < text.length() && text.charAt(i + 1) == '/' ? "&#42;" : "*");
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Paragraphs of a description, the first plain and the rest each opened by {@code <p>}. */
    public static List<String> paragraphs(List<String> description) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < description.size(); i++) {
            lines.add((i == 0 ? "" : "<p>") + escape(description.get(i)));
        }
        return lines;
    }

    /** A {@code @see} line linking the official documentation. */
    public static String seeLink(String href, String title) {
        return "@see <a href=\"" + escape(href) + "\">Telegram Bot API: " + escape(title) + "</a>";
    }
}
