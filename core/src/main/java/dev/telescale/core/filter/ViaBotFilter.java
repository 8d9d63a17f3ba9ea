package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import java.util.Collection;
import java.util.Set;

/**
 * Messages sent via given inline bots (PTB's {@code filters.ViaBot}): the message's {@code via_bot} by id or
 * username. Made by {@code Filters.viaBot(..)} / {@code Filters.viaBotUsernames(..)}; mutable while the bot runs
 * and thread-safe (see {@link IdFilter}).
 */
public final class ViaBotFilter extends IdFilter {

    ViaBotFilter(Collection<Long> ids, Collection<String> usernames, boolean allowEmpty) {
        super("Filters.viaBot", "bot ids", ids, usernames, allowEmpty);
    }

    @Override
    Subject subject(Message message) {
        return message.viaBot().map(u -> Subject.of(u.id(), u.username())).orElse(null);
    }

    /** The allowed bot ids (an immutable copy). */
    public Set<Long> botIds() {
        return ids();
    }

    /**
     * Allows more bot ids.
     *
     * @throws IllegalStateException when the filter has usernames (a filter matches by ids or by usernames)
     */
    public void addBotIds(long... ids) {
        addIds(ids);
    }

    /**
     * Stops allowing these bot ids (unknown ones are ignored).
     *
     * @throws IllegalStateException when the filter has usernames
     */
    public void removeBotIds(long... ids) {
        removeIds(ids);
    }
}
