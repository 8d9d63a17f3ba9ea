package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import java.util.Collection;
import java.util.Set;

/**
 * Messages from given users (PTB's {@code filters.User}): the message's {@code from} by id or username. Made by
 * {@code Filters.user(..)} / {@code Filters.userUsernames(..)}; mutable while the bot runs and thread-safe (see
 * {@link IdFilter}).
 */
public final class UserFilter extends IdFilter {

    UserFilter(Collection<Long> ids, Collection<String> usernames, boolean allowEmpty) {
        super("Filters.user", "user ids", ids, usernames, allowEmpty);
    }

    @Override
    Subject subject(Message message) {
        return message.from().map(u -> Subject.of(u.id(), u.username())).orElse(null);
    }

    /** The allowed user ids (an immutable copy). */
    public Set<Long> userIds() {
        return ids();
    }

    /**
     * Allows more user ids.
     *
     * @throws IllegalStateException when the filter has usernames (a filter matches by ids or by usernames)
     */
    public void addUserIds(long... ids) {
        addIds(ids);
    }

    /**
     * Stops allowing these user ids (unknown ones are ignored).
     *
     * @throws IllegalStateException when the filter has usernames
     */
    public void removeUserIds(long... ids) {
        removeIds(ids);
    }
}
