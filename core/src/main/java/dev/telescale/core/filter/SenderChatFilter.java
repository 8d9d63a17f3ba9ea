package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import java.util.Collection;

/**
 * Messages sent on behalf of given chats (PTB's {@code filters.SenderChat}): the message's {@code sender_chat} (a
 * channel, or a supergroup for anonymous admins) by id or username. {@code Filters.SenderChat.ALL},
 * {@code SUPER_GROUP} and {@code CHANNEL} match any sender chat of a kind. Made by {@code Filters.senderChat(..)} /
 * {@code Filters.senderChatUsernames(..)}; mutable while the bot runs and thread-safe (see {@link IdFilter}).
 */
public final class SenderChatFilter extends ChatIdFilter {

    SenderChatFilter(Collection<Long> ids, Collection<String> usernames, boolean allowEmpty) {
        super("Filters.senderChat", ids, usernames, allowEmpty);
    }

    @Override
    Subject subject(Message message) {
        return message.senderChat().map(c -> Subject.of(c.id(), c.username())).orElse(null);
    }
}
