package dev.telescale.bot.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a request goes, together with a description of it that is safe to print. The URL of a Bot API call holds
 * the bot token in its path ({@code /bot<token>/sendMessage}), so a transport never prints the URL: every message,
 * log line and exception it produces names the call by {@link #description()} and the {@link #origin()} only, and
 * text that comes from elsewhere (a JDK exception) passes through {@link #redact(String)} first.
 *
 * <p>Endpoints are immutable and precompute the bytes an HTTP/1.1 request line needs, so a caller that keeps one per
 * API method pays for the encoding once.
 */
public final class Endpoint {

    private static final String REDACTED = "<redacted>";

    private final URI uri;
    private final Origin origin;
    private final String target;
    private final String description;
    private final String secret;
    private final byte[] targetAscii;
    private final byte[] authorityAscii;
    private final byte[] absolutePrefixAscii;

    private Endpoint(URI uri, String description, String secret) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.description = Objects.requireNonNull(description, "description");
        this.secret = secret == null || secret.isEmpty() ? null : secret;
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Endpoint needs an absolute http(s) URL (" + description + ")");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Endpoint URL must not have user info or a fragment (" + description + ")");
        }
        String scheme = uri.getScheme();
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        this.origin = new Origin(scheme, host, port);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        this.target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("Endpoint path must be ASCII without spaces (" + description + ")");
            }
        }
        this.targetAscii = target.getBytes(StandardCharsets.US_ASCII);
        this.authorityAscii = origin.authority().getBytes(StandardCharsets.US_ASCII);
        this.absolutePrefixAscii = (origin.scheme() + "://" + origin.authority()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An endpoint for {@code url}.
     *
     * @param url         absolute http or https URL, path already percent-encoded
     * @param description what to call this request in messages, e.g. {@code "sendMessage"}; must not hold secrets
     * @param secret      text that must never be printed (the token), scrubbed from foreign messages; may be null
     */
    public static Endpoint of(String url, String description, String secret) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            // The URL holds the token: report only where it went wrong, never the text.
            throw new IllegalArgumentException("Malformed URL for " + description + " at index " + e.getIndex()
                    + ": " + e.getReason());
        }
        return new Endpoint(uri, description, secret);
    }

    /** The full URL. Holds secrets: pass it to the network, never to a message. */
    public URI uri() {
        return uri;
    }

    /** Scheme, host and port: safe to print. */
    public Origin origin() {
        return origin;
    }

    /** A description of the call that is safe to print. */
    public String description() {
        return description;
    }

    /** {@code text} with every occurrence of the secret replaced by {@code <redacted>}; null stays null. */
    public String redact(String text) {
        if (text == null || secret == null) {
            return text;
        }
        return text.replace(secret, REDACTED);
    }

    /** Whether {@code text} contains the secret. */
    public boolean leaks(String text) {
        return text != null && secret != null && text.contains(secret);
    }

    /** Path and query as ASCII bytes (origin-form request target). */
    byte[] targetAscii() {
        return targetAscii;
    }

    /** Host header value as ASCII bytes. */
    byte[] authorityAscii() {
        return authorityAscii;
    }

    /** "scheme://authority" as ASCII bytes, the prefix of an absolute-form target for HTTP proxies. */
    byte[] absolutePrefixAscii() {
        return absolutePrefixAscii;
    }

    @Override
    public String toString() {
        return description + " @ " + origin;
    }
}
