package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.MessageEntity;
import dev.telescale.api.types.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * PTB's {@code filters.Mention}: messages whose text mentions one of the given users or chats, through
 * {@code mention} entities ({@code @username} in the text) and {@code text_mention} entities (a user attached to
 * the entity). Only the text's entities count, not a caption's, as in PTB.
 */
final class MentionFilters {

    private MentionFilters() {
    }

    static Filter usernames(String... usernames) {
        Objects.requireNonNull(usernames, "usernames");
        Set<String> wanted = Arrays.stream(usernames).map(MentionFilters::username).collect(Collectors.toSet());
        requireSome(wanted, "usernames");
        return filter(quoted(wanted), m -> mentionTexts(m).stream().anyMatch(wanted::contains));
    }

    static Filter ids(long... ids) {
        Objects.requireNonNull(ids, "ids");
        Set<Long> wanted = Arrays.stream(ids).boxed().collect(Collectors.toSet());
        requireSome(wanted, "ids");
        return filter(wanted.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")),
                m -> m.entities().stream().anyMatch(e -> e.user().filter(u -> wanted.contains(u.id())).isPresent()));
    }

    static Filter users(User... users) {
        Objects.requireNonNull(users, "users");
        for (User u : users) {
            Objects.requireNonNull(u, "Filters.mention: null user");
        }
        List<User> wanted = List.copyOf(Arrays.asList(users));
        requireSome(Set.copyOf(wanted), "users");
        String name = wanted.stream().map(u -> u.username().map(n -> "@" + n).orElse(String.valueOf(u.id())))
                .collect(Collectors.joining(", "));
        return filter(name, m -> {
            List<String> texts = mentionTexts(m);
            return wanted.stream().anyMatch(u -> mentions(m, texts, u));
        });
    }

    /**
     * A user is mentioned when a text mention carries them (same id, or same username), or when an
     * {@code @username} in the text is theirs. PTB also compares two missing usernames as equal, so a user without
     * a username would match every text mention of another such user; that is a bug and is not copied.
     * {@code mentionTexts} are the message's, parsed once for all the users asked about.
     */
    private static boolean mentions(Message m, List<String> mentionTexts, User user) {
        String username = user.username().orElse(null);
        for (MessageEntity e : m.entities()) {
            if (e.user().isEmpty()) {
                continue;
            }
            User mentioned = e.user().get();
            if (mentioned.id() == user.id()
                    || username != null && username.equals(mentioned.username().orElse(null))) {
                return true;
            }
        }
        return username != null && mentionTexts.contains(username);
    }

    private static Filter filter(String args, Predicate<Message> test) {
        return Filter.message("Filters.mention(" + args + ")", m -> !m.entities().isEmpty() && test.test(m));
    }

    /**
     * The text of every mention and text-mention entity without its leading {@code @}s (PTB's
     * {@code parse_entities}: offsets and lengths count UTF-16 units, as Java strings do). Entities pointing
     * outside the text are skipped.
     */
    private static List<String> mentionTexts(Message m) {
        String text = m.text().orElse("");
        List<String> out = new ArrayList<>();
        for (MessageEntity e : m.entities()) {
            if (!"mention".equals(e.type()) && !"text_mention".equals(e.type())) {
                continue;
            }
            long start = e.offset();
            long end = start + e.length();
            if (start < 0 || e.length() < 0 || end > text.length()) {
                continue;
            }
            out.add(stripAts(text.substring((int) start, (int) end)));
        }
        return out;
    }

    private static String username(String username) {
        Objects.requireNonNull(username, "Filters.mention: null username");
        String bare = stripAts(username);
        if (bare.isEmpty()) {
            throw new IllegalArgumentException("Filters.mention: empty username \"" + username + "\"");
        }
        return bare;
    }

    private static String stripAts(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '@') {
            i++;
        }
        return s.substring(i);
    }

    private static void requireSome(Set<?> values, String what) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Filters.mention: give at least one of the " + what
                    + " to look for");
        }
    }

    private static String quoted(Set<String> values) {
        return values.stream().sorted().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
