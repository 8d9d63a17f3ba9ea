package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import java.util.Collection;
import java.util.Set;

/**
 * Messages in given chats (PTB's {@code filters.Chat}): the message's chat by id or username. Made by
 * {@code Filters.chat(..)} / {@code Filters.chatUsernames(..)}; mutable while the bot runs and thread-safe (see
 * {@link IdFilter}).
 */
public final class ChatFilter extends IdFilter {

    ChatFilter(Collection<Long> ids, Collection<String> usernames, boolean allowEmpty) {
        super("Filters.chat", "chat ids", ids, usernames, allowEmpty);
    }

    @Override
    Subject subject(Message message) {
        return message.chat() == null ? null : Subject.of(message.chat().id(), message.chat().username());
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
