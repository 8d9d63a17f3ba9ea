package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import java.util.Collection;

/**
 * Messages in given chats (PTB's {@code filters.Chat}): the message's chat by id or username. Made by
 * {@code Filters.chat(..)} / {@code Filters.chatUsernames(..)}; mutable while the bot runs and thread-safe (see
 * {@link IdFilter}).
 */
public final class ChatFilter extends ChatIdFilter {

    ChatFilter(Collection<Long> ids, Collection<String> usernames, boolean allowEmpty) {
        super("Filters.chat", ids, usernames, allowEmpty);
    }

    @Override
    Subject subject(Message message) {
        return message.chat() == null ? null : Subject.of(message.chat().id(), message.chat().username());
    }
}
