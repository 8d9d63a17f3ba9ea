package dev.telescale.testkit;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A t.me bot link as Telegram clients read it: {@code https://t.me/<bot>}, {@code ?start=<payload>} or
 * {@code ?startgroup=<payload>}; a payload is 1-64 characters of A-Z, a-z, 0-9, _ and -.
 *
 * @param bot     the bot of the link
 * @param payload the payload, or null
 * @param group   whether it is a startgroup link
 */
record DeepLink(EmulatedBot bot, String payload, boolean group) {

    private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static DeepLink parse(String url, BotApiEmulator emulator) {
        URI uri;
        try {
            uri = URI.create(url.startsWith("t.me/") ? "https://" + url : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a link: " + url, e);
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (!host.equals("t.me") && !host.equals("telegram.me")) {
            throw new IllegalArgumentException("Not a t.me link: " + url);
        }
        String username = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        var account = emulator.world().botByUsername(username);
        if (account == null) {
            throw new IllegalArgumentException("No bot @" + username + " in this emulator (link " + url + ")");
        }
        String payload = null;
        boolean group = false;
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.equals("start") || name.equals("startgroup")) {
                    if (!PAYLOAD.matcher(value).matches()) {
                        throw new IllegalArgumentException("A deep-link payload is 1-64 characters of A-Za-z0-9_-, got '"
                                + value + "'");
                    }
                    payload = value;
                    group = name.equals("startgroup");
                }
            }
        }
        return new DeepLink(new EmulatedBot(account), payload, group);
    }
}
