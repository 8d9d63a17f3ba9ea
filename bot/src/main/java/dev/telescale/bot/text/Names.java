package dev.telescale.bot.text;

import dev.telescale.api.types.User;

/**
 * How a user is named in text: the full name, first name and last name separated by a space (PTB's
 * {@code User.full_name}); the mention helpers of {@link Html} and {@link Markdown} show it.
 */
public final class Names {

    private Names() {
    }

    /** The first name, followed by a space and the last name when there is one. */
    public static String fullName(User user) {
        return user.lastName().map(last -> user.firstName() + " " + last).orElse(user.firstName());
    }
}
