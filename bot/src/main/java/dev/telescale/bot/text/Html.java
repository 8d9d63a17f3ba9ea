package dev.telescale.bot.text;

import dev.telescale.api.types.User;
import java.util.Objects;

/**
 * Text for {@code parse_mode} HTML: escaping of user-supplied text and user mentions. {@link #escape} is Python's
 * {@code html.escape(s, quote=True)} (what python-telegram-bot's examples use), so escaped text is safe both in element
 * content and inside quoted attribute values; {@link #mention} is PTB's {@code mention_html}.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes {@code &}, {@code <}, {@code >}, {@code "} and {@code '} (as {@code &amp; &lt; &gt; &quot; &#x27;}).
     *
     * @throws NullPointerException when {@code text} is null
     */
    public static String escape(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#x27;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    // Most text has nothing to escape: copy only once the first special character shows up.
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /** A link that mentions the user by id, showing {@code name} (escaped): {@code <a href="tg://user?id=1">name</a>}. */
    public static String mention(long userId, String name) {
        return "<a href=\"tg://user?id=" + userId + "\">" + escape(name) + "</a>";
    }

    /** Mentions the user with their full name (PTB's {@code User.mention_html()}). */
    public static String mention(User user) {
        return mention(user.id(), Names.fullName(user));
    }
}
