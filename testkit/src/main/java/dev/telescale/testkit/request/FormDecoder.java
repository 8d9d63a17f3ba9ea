package dev.telescale.testkit.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Decodes application/x-www-form-urlencoded text (a query string or a form body) into parameters, by hand and
 * without regular expressions: '+' is a space, %XX a byte, the bytes are UTF-8. Malformed escapes are an error,
 * not silently kept, so a broken client is noticed.
 */
final class FormDecoder {

    private FormDecoder() {
    }

    static void decode(byte[] bytes, int offset, int length, ObjectNode into) throws RequestDecodingException {
        int end = offset + length;
        int start = offset;
        byte[] scratch = null;
        while (start < end) {
            int amp = start;
            while (amp < end && bytes[amp] != '&') {
                amp++;
            }
            if (amp > start) {
                int eq = start;
                while (eq < amp && bytes[eq] != '=') {
                    eq++;
                }
                if (scratch == null) {
                    scratch = new byte[length];
                }
                String name = percentDecode(bytes, start, eq, scratch);
                String value = eq < amp ? percentDecode(bytes, eq + 1, amp, scratch) : "";
                if (!name.isEmpty()) {
                    into.set(name, ParameterValues.fromText(value));
                }
            }
            start = amp + 1;
        }
    }

    static void decode(String text, ObjectNode into) throws RequestDecodingException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        decode(bytes, 0, bytes.length, into);
    }

    private static String percentDecode(byte[] bytes, int start, int end, byte[] scratch)
            throws RequestDecodingException {
        int n = 0;
        boolean plain = true;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b == '+') {
                scratch[n++] = ' ';
                plain = false;
            } else if (b == '%') {
                int hi = i + 2 < end ? Character.digit(bytes[i + 1], 16) : -1;
                int lo = hi >= 0 ? Character.digit(bytes[i + 2], 16) : -1;
                if (lo < 0) {
                    throw new RequestDecodingException("Bad Request: malformed percent-encoding in the form parameters");
                }
                scratch[n++] = (byte) (hi * 16 + lo);
                i += 2;
                plain = false;
            } else {
                scratch[n++] = b;
            }
        }
        return plain ? new String(bytes, start, end - start, StandardCharsets.UTF_8)
                : new String(scratch, 0, n, StandardCharsets.UTF_8);
    }
}
