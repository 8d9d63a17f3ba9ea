package dev.telescale.api.json;

import java.io.IOException;

/**
 * Reads one JSON value whose first token is the parser's current token; the generated {@code read} methods
 * ({@code User::read}) are the usual implementations, used for list elements.
 *
 * @param <T> the Java type read
 */
@FunctionalInterface
public interface ValueReader<T> {

    /** Reads the value; on return the parser is on the value's last token. */
    T read(ApiReader reader) throws IOException;
}
