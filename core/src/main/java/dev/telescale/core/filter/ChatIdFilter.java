package dev.telescale.core.filter;

import java.util.Collection;
import java.util.Set;

/**
 * The id filters whose ids are chat ids ({@link ChatFilter}, {@link SenderChatFilter}, {@link ForwardedFromFilter}):
 * they share PTB's {@code chat_ids} / {@code add_chat_ids} / {@code remove_chat_ids} API, defined here once.
 * Package-private: users see the methods on the public filters.
 */
abstract sealed class ChatIdFilter extends IdFilter permits ChatFilter, SenderChatFilter, ForwardedFromFilter {

    ChatIdFilter(String factory, Collection<Long> ids, Collection<String> usernames, boolean allowEmpty) {
        super(factory, "chat ids", ids, usernames, allowEmpty);
    }

    /** The allowed chat ids (an immutable copy). */
    public Set<Long> chatIds() {
        return ids();
    }

    /**
     * Allows more chat ids.
     *
     * @throws IllegalStateException when the filter has usernames (a filter matches by ids or by usernames)
     */
    public void addChatIds(long... ids) {
        addIds(ids);
    }

    /**
     * Stops allowing these chat ids (unknown ones are ignored).
     *
     * @throws IllegalStateException when the filter has usernames
     */
    public void removeChatIds(long... ids) {
        removeIds(ids);
    }
}
