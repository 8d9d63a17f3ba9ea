package dev.telescale.api;

import java.util.regex.Pattern;

/**
 * The target of a request: either a numeric chat id or the {@code @username} of a public channel, supergroup or
 * bot. Used for every Bot API parameter that accepts "Integer or String" (such as {@code chat_id}); written to
 * JSON as a number or a string respectively.
 */
public sealed interface ChatId permits ChatId.Numeric, ChatId.Username {

    /** A chat identified by its numeric id (negative for groups and channels). */
    static ChatId of(long id) {
        return new Numeric(id);
    }

    /**
     * A chat given as {@code "@username"}; a string holding a numeric id (such as {@code "-1001234"}) is accepted
     * too and becomes a {@link Numeric}.
     *
     * @throws IllegalArgumentException when the text is neither
     */
    static ChatId of(String usernameOrId) {
        if (usernameOrId == null) {
            throw new IllegalArgumentException("ChatId.of(String): expected \"@username\" or a numeric id, got null");
        }
        if (Username.VALID.matcher(usernameOrId).matches()) {
            return new Username(usernameOrId);
        }
        if (Numeric.VALID.matcher(usernameOrId).matches()) {
            try {
                return new Numeric(Long.parseLong(usernameOrId));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ChatId.of(String): numeric id out of range: \"" + usernameOrId + "\"", e);
            }
        }
        throw new IllegalArgumentException("ChatId.of(String): expected \"@username\" (letters, digits, underscores) "
                + "or a numeric id, got \"" + usernameOrId + "\"");
    }

    /** The JSON form of this chat id: a {@link Long} or a {@link String}. */
    Object jsonValue();

    /** A numeric chat id. */
    record Numeric(long id) implements ChatId {
        private static final Pattern VALID = Pattern.compile("-?\\d{1,19}");

        @Override
        public Object jsonValue() {
            return id;
        }

        @Override
        public String toString() {
            return Long.toString(id);
        }
    }

    /** A public chat or bot addressed by {@code @username}. */
    record Username(String username) implements ChatId {
        private static final Pattern VALID = Pattern.compile("@\\w{1,64}");

        /** Validates the form {@code @name}. */
        public Username {
            if (username == null || !VALID.matcher(username).matches()) {
                throw new IllegalArgumentException("ChatId username must look like \"@channel\", got \"" + username + "\"");
            }
        }

        @Override
        public Object jsonValue() {
            return username;
        }

        @Override
        public String toString() {
            return username;
        }
    }
}
