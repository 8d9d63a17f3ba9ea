package dev.telescale.redis;

import io.lettuce.core.RedisURI;
import java.util.Objects;

/**
 * Reading and naming a Redis server's URI without its credentials, for both builders: a URI often carries a password
 * ({@code redis://:password@host}), and {@link java.net.URI}'s parse errors quote the whole input, so neither the
 * message nor the cause of a parse error, nor any description, may include it.
 */
final class RedisUris {

    private RedisUris() {
    }

    /**
     * Parses {@code uri}; a malformed one is reported without the text given (it may hold a password) and without
     * the parser's exception as cause (its message quotes the text).
     */
    static RedisURI parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        try {
            return RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Redis URI (expected redis://host:port/db or "
                    + "rediss://:password@host:port/db); the text is not repeated here as it may hold a password");
        }
    }

    /** Where the server is, without credentials. */
    static String describe(RedisURI uri) {
        if (uri.getHost() != null) {
            return uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        }
        if (uri.getSocket() != null) {
            return "unix:" + uri.getSocket();
        }
        return "sentinel master " + uri.getSentinelMasterId();
    }
}
