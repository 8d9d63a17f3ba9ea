package dev.telescale.core.handler;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chat or user ids and usernames a handler is limited to (PTB's {@code chat_id}/{@code username} arguments).
 * Empty sets mean "no limit" for the handlers that take either; usernames are stored without the leading
 * {@code @} and compared exactly, as PTB does.
 */
record IdSelector(Set<Long> ids, Set<String> usernames) {

    static final IdSelector NONE = new IdSelector(Set.of(), Set.of());

    IdSelector {
        ids = Set.copyOf(ids);
        usernames = Set.copyOf(usernames);
    }

    /** This selector with {@code ids} replacing the ids. */
    IdSelector withIds(long... ids) {
        Objects.requireNonNull(ids, "ids");
        return new IdSelector(Arrays.stream(ids).boxed().collect(Collectors.toUnmodifiableSet()), usernames);
    }

    /** This selector with {@code usernames} (a leading {@code @} stripped) replacing the usernames. */
    IdSelector withUsernames(String... usernames) {
        Objects.requireNonNull(usernames, "usernames");
        return new IdSelector(ids, Arrays.stream(usernames).map(IdSelector::username)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether neither ids nor usernames were given. */
    boolean isEmpty() {
        return ids.isEmpty() && usernames.isEmpty();
    }

    /** Whether the selector sets no limit, or {@link #selects} {@code id} or {@code username}. */
    boolean admits(long id, Optional<String> username) {
        return isEmpty() || selects(id, username);
    }

    /** Whether {@code id} is one of the ids or {@code username} one of the usernames. */
    boolean selects(long id, Optional<String> username) {
        return ids.contains(id) || username.filter(usernames::contains).isPresent();
    }

    @Override
    public String toString() {
        return (ids.isEmpty() ? "" : "ids " + ids) + (ids.isEmpty() || usernames.isEmpty() ? "" : ", ")
                + (usernames.isEmpty() ? "" : "usernames " + usernames);
    }

    private static String username(String name) {
        Objects.requireNonNull(name, "username");
        String stripped = name.startsWith("@") ? name.substring(1) : name;
        if (stripped.isBlank()) {
            throw new IllegalArgumentException("A username must not be empty, was '" + name + "'");
        }
        return stripped;
    }
}
