package dev.telescale.core.filter;

/**
 * PTB's {@code filters.SenderChat.ALL/SUPER_GROUP/CHANNEL}: messages sent on behalf of any chat of a kind.
 * Exposed as {@link Filters.SenderChat}; for given chats use {@link Filters#senderChat(long...)}.
 */
class SenderChatFilters {

    /**
     * Messages with any sender chat: posts forwarded automatically into a discussion group, anonymous admins,
     * messages sent as a channel (and channel posts themselves, whose sender chat is the channel).
     */
    public static final Filter ALL = Filter.message("Filters.SenderChat.ALL", m -> m.senderChat().isPresent());
    /** Messages whose sender chat is a supergroup (anonymous group admins). */
    public static final Filter SUPER_GROUP = Filter.message("Filters.SenderChat.SUPER_GROUP",
            m -> m.senderChat().filter(c -> "supergroup".equals(c.type())).isPresent());
    /** Messages whose sender chat is a channel. */
    public static final Filter CHANNEL = Filter.message("Filters.SenderChat.CHANNEL",
            m -> m.senderChat().filter(c -> "channel".equals(c.type())).isPresent());

    SenderChatFilters() {
    }
}
