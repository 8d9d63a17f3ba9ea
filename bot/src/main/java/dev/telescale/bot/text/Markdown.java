package dev.telescale.bot.text;

import dev.telescale.api.types.User;
import java.util.Objects;

/**
 * Text for {@code parse_mode} Markdown (legacy, "version 1") and MarkdownV2: escaping and user mentions, as
 * python-telegram-bot's {@code helpers.escape_markdown} and {@code mention_markdown}. MarkdownV2 escapes depend on
 * where the text goes: inside {@code pre}/{@code code} entities only {@code \} and {@code `} are special, inside the
 * URL part of {@code text_link}/{@code custom_emoji} only {@code \} and {@code )}.
 */
public final class Markdown {

    private static final String V1_SPECIAL = "_*`[";
    private static final String V2_SPECIAL = "\\_*[]()~`>#+-=|{}.!";
    private static final String V2_CODE_SPECIAL = "\\`";
    private static final String V2_LINK_SPECIAL = "\\)";

    private Markdown() {
    }

    /** Escapes legacy Markdown: a backslash before each of {@code _ * ` [}. */
    public static String escape(String text) {
        return backslash(text, V1_SPECIAL);
    }

    /** Escapes MarkdownV2 for ordinary text: a backslash before each of {@code \ _ * [ ] ( ) ~ ` > # + - = | { } . !}. */
    public static String escapeV2(String text) {
        return backslash(text, V2_SPECIAL);
    }

    /**
     * Escapes MarkdownV2 for text inside an entity of the given type: {@code "pre"} or {@code "code"} (only
     * {@code \} and {@code `}), {@code "text_link"} or {@code "custom_emoji"} (only {@code \} and {@code )}); any
     * other type, or null, is ordinary text.
     */
    public static String escapeV2(String text, String entityType) {
        if (entityType == null) {
            return escapeV2(text);
        }
        return switch (entityType) {
            case "pre", "code" -> backslash(text, V2_CODE_SPECIAL);
            case "text_link", "custom_emoji" -> backslash(text, V2_LINK_SPECIAL);
            default -> escapeV2(text);
        };
    }

    /**
     * A legacy-Markdown mention: {@code [name](tg://user?id=1)}. The name is not escaped, as in PTB: legacy
     * Markdown has no escapes inside link texts.
     */
    public static String mention(long userId, String name) {
        Objects.requireNonNull(name, "name");
        return "[" + name + "](tg://user?id=" + userId + ")";
    }

    /** Mentions the user with their full name in legacy Markdown (PTB's {@code User.mention_markdown()}). */
    public static String mention(User user) {
        return mention(user.id(), Names.fullName(user));
    }

    /** A MarkdownV2 mention with the name escaped: {@code [name](tg://user?id=1)}. */
    public static String mentionV2(long userId, String name) {
        return "[" + escapeV2(name) + "](tg://user?id=" + userId + ")";
    }

    /** Mentions the user with their full name in MarkdownV2 (PTB's {@code User.mention_markdown_v2()}). */
    public static String mentionV2(User user) {
        return mentionV2(user.id(), Names.fullName(user));
    }

    private static String backslash(String text, String special) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
