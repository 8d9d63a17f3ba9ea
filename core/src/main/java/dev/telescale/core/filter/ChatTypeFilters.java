package dev.telescale.core.filter;

/**
 * PTB's {@code filters.ChatType}: the type of the message's chat. Exposed as {@link Filters.ChatType}.
 */
class ChatTypeFilters {

    /** Channels. */
    public static final Filter CHANNEL = type("CHANNEL", "channel");
    /** Basic groups. */
    public static final Filter GROUP = type("GROUP", "group");
    /** Groups and supergroups. */
    public static final Filter GROUPS = Filter.message("Filters.ChatType.GROUPS",
            m -> "group".equals(m.chat().type()) || "supergroup".equals(m.chat().type()));
    /** Private chats with a user. */
    public static final Filter PRIVATE = type("PRIVATE", "private");
    /** Supergroups. */
    public static final Filter SUPERGROUP = type("SUPERGROUP", "supergroup");

    ChatTypeFilters() {
    }

    private static Filter type(String constant, String type) {
        return Filter.message("Filters.ChatType." + constant, m -> type.equals(m.chat().type()));
    }
}
