package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.MessageOriginChannel;
import dev.telescale.api.types.MessageOriginChat;
import dev.telescale.api.types.MessageOriginUser;
import java.util.Collection;

/**
 * Messages forwarded from given users or chats (PTB's {@code filters.ForwardedFrom}): the sender in
 * {@code forward_origin} — the user, the sender chat or the channel — by id or username. Hidden users (who forbid
 * linking their account) never match. Made by {@code Filters.forwardedFrom(..)} /
 * {@code Filters.forwardedFromUsernames(..)}; mutable while the bot runs and thread-safe (see {@link IdFilter}).
 */
public final class ForwardedFromFilter extends ChatIdFilter {

    ForwardedFromFilter(Collection<Long> ids, Collection<String> usernames, boolean allowEmpty) {
        super("Filters.forwardedFrom", ids, usernames, allowEmpty);
    }

    @Override
    Subject subject(Message message) {
        return message.forwardOrigin().map(origin -> switch (origin) {
            case MessageOriginUser u when u.senderUser() != null ->
                    Subject.of(u.senderUser().id(), u.senderUser().username());
            case MessageOriginChat c when c.senderChat() != null ->
                    Subject.of(c.senderChat().id(), c.senderChat().username());
            case MessageOriginChannel c when c.chat() != null -> Subject.of(c.chat().id(), c.chat().username());
            default -> null; // hidden users, unknown future origins, and malformed ones
        }).orElse(null);
    }
}
