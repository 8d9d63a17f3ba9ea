package dev.telescale.testkit.request;

import java.util.Locale;

/**
 * Reads one parameter of a header value like {@code multipart/form-data; boundary="abc"} or
 * {@code form-data; name="photo"; filename="cat.jpg"}: case-insensitive names, quoted or bare values,
 * backslash escapes inside quotes.
 */
final class HeaderParameters {

    private HeaderParameters() {
    }

    /** The value of parameter {@code name}, or {@code null} when absent. */
    static String get(String headerValue, String name) {
        int i = headerValue.indexOf(';');
        while (i >= 0 && i < headerValue.length()) {
            i++;
            while (i < headerValue.length() && headerValue.charAt(i) == ' ') {
                i++;
            }
            int eq = headerValue.indexOf('=', i);
            int semicolon = headerValue.indexOf(';', i);
            if (eq < 0) {
                return null;
            }
            if (semicolon >= 0 && semicolon < eq) {
                i = semicolon;
                continue;
            }
            String key = headerValue.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            StringBuilder value = new StringBuilder();
            if (v < headerValue.length() && headerValue.charAt(v) == '"') {
                v++;
                while (v < headerValue.length() && headerValue.charAt(v) != '"') {
                    char c = headerValue.charAt(v);
                    if (c == '\\' && v + 1 < headerValue.length()) {
                        c = headerValue.charAt(++v);
                    }
                    value.append(c);
                    v++;
                }
                v++;
            } else {
                while (v < headerValue.length() && headerValue.charAt(v) != ';') {
                    value.append(headerValue.charAt(v++));
                }
            }
            if (key.equals(name)) {
                return value.toString().trim();
            }
            i = headerValue.indexOf(';', v);
        }
        return null;
    }
}
