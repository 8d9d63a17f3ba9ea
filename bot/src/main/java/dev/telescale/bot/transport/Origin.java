package dev.telescale.bot.transport;

import java.util.Locale;

/**
 * The scheme, host and port a request goes to: the key under which connections are pooled. Contains no path, so it
 * never holds the bot token and is safe to show in messages.
 *
 * @param scheme "http" or "https"
 * @param host   host name or address literal as written in the URL (IPv6 without brackets)
 * @param port   port, the scheme's default port when the URL has none
 */
public record Origin(String scheme, String host, int port) {

    public Origin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Unsupported URL scheme '" + scheme + "': use http or https");
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("URL has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port out of range: " + port);
        }
    }

    /** Whether connections to this origin use TLS. */
    public boolean secure() {
        return scheme.equals("https");
    }

    /** The value of the Host header: the host, plus the port when it is not the scheme's default. */
    public String authority() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        boolean defaultPort = secure() ? port == 443 : port == 80;
        return defaultPort ? h : h + ":" + port;
    }

    @Override
    public String toString() {
        return scheme + "://" + authority();
    }
}
