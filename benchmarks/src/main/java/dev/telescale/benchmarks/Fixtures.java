package dev.telescale.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The inputs every library gets in the same shape: one typical text-message Update (a private chat, a sender with the
 * usual profile fields, a {@code /start} command entity) and the parameters of the sendMessage request (chat id, text
 * and an inline keyboard with one callback button). Keeping them in one place is what makes the numbers comparable.
 */
final class Fixtures {

    /** The resource holding the Update JSON. */
    static final String UPDATE_RESOURCE = "update-text-message.json";

    static final long CHAT_ID = 1111111111L;
    static final String TEXT = "Welcome! Pick what to do next, or send /help to see every command.";
    static final String BUTTON_TEXT = "Show the menu";
    static final String BUTTON_DATA = "menu:main";

    private Fixtures() {
    }

    /** The Update as the bytes that arrive on the wire. */
    static byte[] updateBytes() {
        try (InputStream in = Fixtures.class.getResourceAsStream(UPDATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + UPDATE_RESOURCE
                        + " next to " + Fixtures.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + UPDATE_RESOURCE, e);
        }
    }

    /** The Update as a String, the input the peers' own clients hand to their JSON libraries. */
    static String updateString() {
        return new String(updateBytes(), StandardCharsets.UTF_8);
    }
}
