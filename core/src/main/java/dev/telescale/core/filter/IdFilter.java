package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.core.Effective;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A filter on who a message is from, to or via — by ids or by usernames, never both (PTB's
 * {@code _ChatUserBaseFilter}, base of {@code Chat}, {@code User}, {@code ViaBot}, {@code SenderChat} and
 * {@code ForwardedFrom}). It is mutable while the bot runs and thread-safe: the allowed ids and usernames are one
 * immutable snapshot that the {@code add}/{@code remove} methods replace one at a time, so a check never sees half
 * an update and never blocks; the sets returned are immutable copies. With neither ids nor usernames set it passes
 * when {@link #allowEmpty()} (default false) and the message has the subject at all. Usernames match exactly
 * (case-sensitive, as PTB); one leading {@code @} is dropped.
 */
public abstract sealed class IdFilter implements Filter
        permits ChatIdFilter, UserFilter, ViaBotFilter {

    /** The ids, usernames and empty-policy at one instant. */
    private record Allowed(Set<Long> ids, Set<String> usernames, boolean allowEmpty) {
    }

    /** Who a message is about: an id and an optional username. */
    record Subject(long id, String username) {
        static Subject of(long id, Optional<String> username) {
            return new Subject(id, username.orElse(null));
        }
    }

    private final String factory;
    private final String idsName;
    private final AtomicReference<Allowed> allowed;
    private final ReentrantLock writeLock = new ReentrantLock();

    IdFilter(String factory, String idsName, Collection<Long> ids, Collection<String> usernames, boolean allowEmpty) {
        this.factory = factory;
        this.idsName = idsName;
        Objects.requireNonNull(ids, idsName);
        Objects.requireNonNull(usernames, "usernames");
        Set<Long> idSet = Set.copyOf(checkedIds(ids.stream()));
        Set<String> nameSet = Set.copyOf(parseUsernames(usernames.stream()));
        if (!idSet.isEmpty() && !nameSet.isEmpty()) {
            throw new IllegalArgumentException(factory + ": give " + idsName + " or usernames, not both (got "
                    + idSet.size() + " " + idsName + " and " + nameSet.size() + " usernames)");
        }
        this.allowed = new AtomicReference<>(new Allowed(idSet, nameSet, allowEmpty));
    }

    /** The subject of the message this filter looks at, or {@code null} when the message has none. */
    abstract Subject subject(Message message);

    @Override
    public final FilterResult check(Update update) {
        if (update == null) {
            return FilterResult.reject();
        }
        Optional<Message> message = Effective.filterMessage(update);
        if (message.isEmpty()) {
            return FilterResult.reject();
        }
        Subject subject = subject(message.get());
        if (subject == null) {
            return FilterResult.reject();
        }
        Allowed now = allowed.get();
        if (!now.ids.isEmpty()) {
            return FilterResult.of(now.ids.contains(subject.id()));
        }
        if (!now.usernames.isEmpty()) {
            return FilterResult.of(subject.username() != null && now.usernames.contains(subject.username()));
        }
        return FilterResult.of(now.allowEmpty);
    }

    /** The allowed usernames (an immutable copy, without {@code @}). */
    public final Set<String> usernames() {
        return allowed.get().usernames;
    }

    /**
     * Allows more usernames (a leading {@code @} is dropped).
     *
     * @throws IllegalStateException when the filter has ids (a filter matches by ids or by usernames)
     * @throws IllegalArgumentException when a username is empty
     */
    public final void addUsernames(String... usernames) {
        Set<String> parsed = parseUsernames(Arrays.stream(Objects.requireNonNull(usernames, "usernames")));
        update(a -> {
            requireNoIds(a, "add usernames");
            return new Allowed(a.ids, union(a.usernames, parsed), a.allowEmpty);
        });
    }

    /**
     * Stops allowing these usernames (unknown ones are ignored).
     *
     * @throws IllegalStateException when the filter has ids
     */
    public final void removeUsernames(String... usernames) {
        Set<String> parsed = parseUsernames(Arrays.stream(Objects.requireNonNull(usernames, "usernames")));
        update(a -> {
            requireNoIds(a, "remove usernames");
            return new Allowed(a.ids, minus(a.usernames, parsed), a.allowEmpty);
        });
    }

    /** Whether the filter passes every message with a subject while it has neither ids nor usernames. */
    public final boolean allowEmpty() {
        return allowed.get().allowEmpty;
    }

    /** Sets {@link #allowEmpty()}. */
    public final void setAllowEmpty(boolean allowEmpty) {
        update(a -> new Allowed(a.ids, a.usernames, allowEmpty));
    }

    final Set<Long> ids() {
        return allowed.get().ids;
    }

    final void addIds(long... ids) {
        Set<Long> parsed = checkedIds(Arrays.stream(Objects.requireNonNull(ids, idsName)).boxed());
        update(a -> {
            requireNoUsernames(a, "add " + idsName);
            return new Allowed(union(a.ids, parsed), a.usernames, a.allowEmpty);
        });
    }

    final void removeIds(long... ids) {
        Set<Long> parsed = checkedIds(Arrays.stream(Objects.requireNonNull(ids, idsName)).boxed());
        update(a -> {
            requireNoUsernames(a, "remove " + idsName);
            return new Allowed(minus(a.ids, parsed), a.usernames, a.allowEmpty);
        });
    }

    /**
     * Prints as the factory call that would build the filter as it is now: {@code Filters.user(1, 2)},
     * {@code Filters.userUsernames("alice")}.
     */
    @Override
    public final String toString() {
        Allowed now = allowed.get();
        if (now.usernames.isEmpty()) {
            return factory + now.ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        }
        return factory + "Usernames" + now.usernames.stream().sorted().map(u -> "\"" + u + "\"")
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private void update(UnaryOperator<Allowed> change) {
        // Writers take turns so each change copies the sets once (a compare-and-set loop would copy again on
        // every lost race); checks never take the lock, they read the published snapshot.
        writeLock.lock();
        try {
            allowed.set(change.apply(allowed.get()));
        } finally {
            writeLock.unlock();
        }
    }

    private void requireNoIds(Allowed a, String what) {
        if (!a.ids.isEmpty()) {
            throw new IllegalStateException(factory + " matches by " + idsName + " " + sorted(a.ids)
                    + "; cannot " + what + " (a filter matches by " + idsName + " or by usernames, not both)");
        }
    }

    private void requireNoUsernames(Allowed a, String what) {
        if (!a.usernames.isEmpty()) {
            throw new IllegalStateException(factory + " matches by usernames " + sorted(a.usernames)
                    + "; cannot " + what + " (a filter matches by " + idsName + " or by usernames, not both)");
        }
    }

    private Set<Long> checkedIds(Stream<Long> ids) {
        return ids.map(id -> Objects.requireNonNull(id, () -> factory + ": null in " + idsName))
                .collect(Collectors.toSet());
    }

    private Set<String> parseUsernames(Stream<String> usernames) {
        return usernames.map(this::parseUsername).collect(Collectors.toSet());
    }

    private String parseUsername(String username) {
        Objects.requireNonNull(username, () -> factory + ": null username");
        String bare = username.startsWith("@") ? username.substring(1) : username;
        if (bare.isEmpty()) {
            throw new IllegalArgumentException(factory + ": empty username \"" + username + "\"");
        }
        return bare;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<T> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<T> out = new HashSet<>(a);
        out.removeAll(b);
        return Set.copyOf(out);
    }

    private static String sorted(Set<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
