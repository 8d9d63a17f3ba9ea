package dev.telescale.bot.text;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Deep links that open a chat with a bot and send it {@code /start <payload>} (PTB's
 * {@code helpers.create_deep_linked_url}): {@code https://t.me/<bot>?start=<payload>}, or {@code ?startgroup=} to let
 * the user pick a group to add the bot to. Telegram allows payloads of up to 64 characters from {@code A-Z a-z 0-9 _ -}.
 * Pair with {@code new CommandHandler<>("start", cb).filter(Filters.regex(payload))} to react to one payload.
 */
public final class DeepLinks {

    /** The longest payload Telegram passes on. */
    public static final int MAX_PAYLOAD_LENGTH = 64;

    private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9_-]+");

    private DeepLinks() {
    }

    /** The link that opens the bot's private chat without a payload: {@code https://t.me/<bot>}. */
    public static String of(String botUsername) {
        return "https://t.me/" + requireUsername(botUsername);
    }

    /** The link that starts the bot's private chat with {@code payload}. */
    public static String start(String botUsername, String payload) {
        return create(botUsername, payload, false);
    }

    /** The link that offers to add the bot to a group, passing {@code payload} on the first message there. */
    public static String startGroup(String botUsername, String payload) {
        return create(botUsername, payload, true);
    }

    /**
     * The deep link for the bot (without '@'); with an empty or null payload the plain chat link.
     *
     * @throws IllegalArgumentException when the username is shorter than 4 characters, or the payload is longer than
     *                                  64 characters or has characters other than {@code A-Z a-z 0-9 _ -}
     */
    public static String create(String botUsername, String payload, boolean group) {
        String base = of(botUsername);
        if (payload == null || payload.isEmpty()) {
            return base;
        }
        if (payload.length() > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("The deep-linking payload must not exceed " + MAX_PAYLOAD_LENGTH
                    + " characters (got " + payload.length() + ")");
        }
        if (!PAYLOAD.matcher(payload).matches()) {
            throw new IllegalArgumentException("Only the characters A-Z, a-z, 0-9, _ and - are allowed in a "
                    + "deep-linking payload, got '" + payload + "'");
        }
        return base + (group ? "?startgroup=" : "?start=") + payload;
    }

    private static String requireUsername(String botUsername) {
        Objects.requireNonNull(botUsername, "botUsername");
        if (botUsername.length() <= 3) {
            throw new IllegalArgumentException("A bot username has at least 4 characters, got '" + botUsername + "'");
        }
        return botUsername;
    }
}
