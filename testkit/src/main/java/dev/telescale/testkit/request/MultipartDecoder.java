package dev.telescale.testkit.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.UploadedFile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a multipart/form-data body (RFC 7578): parts without a filename are parameters (JSON objects and
 * arrays parsed, the rest kept as strings), parts with one are uploaded files kept with their name, content type
 * and bytes. Framing errors (no opening or closing delimiter, a part without headers end or without a name) are
 * reported, never guessed around.
 */
final class MultipartDecoder {

    private MultipartDecoder() {
    }

    static void decode(byte[] body, int length, String boundary, ObjectNode params, Map<String, UploadedFile> files)
            throws RequestDecodingException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, 0, length, delimiter);
        if (at < 0) {
            throw malformed("the opening boundary is missing");
        }
        at += delimiter.length;
        byte[] partDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        while (true) {
            if (at + 1 < length && body[at] == '-' && body[at + 1] == '-') {
                return;
            }
            at = skipLineEnd(body, at, length);
            int headersEnd = indexOf(body, at, length, new byte[] {'\r', '\n', '\r', '\n'});
            if (headersEnd < 0) {
                throw malformed("a part has no end of headers");
            }
            String headers = new String(body, at, headersEnd - at, StandardCharsets.UTF_8);
            int dataStart = headersEnd + 4;
            int dataEnd = indexOf(body, dataStart, length, partDelimiter);
            if (dataEnd < 0) {
                throw malformed("the closing boundary is missing");
            }
            addPart(headers, body, dataStart, dataEnd, params, files);
            at = dataEnd + partDelimiter.length;
        }
    }

    private static void addPart(String headers, byte[] body, int start, int end, ObjectNode params,
                                Map<String, UploadedFile> files) throws RequestDecodingException {
        String disposition = null;
        String contentType = "application/octet-stream";
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type") && !value.isEmpty()) {
                contentType = value;
            }
        }
        if (disposition == null) {
            throw malformed("a part has no Content-Disposition header");
        }
        String fieldName = HeaderParameters.get(disposition, "name");
        if (fieldName == null || fieldName.isEmpty()) {
            throw malformed("a part has no name");
        }
        String filename = HeaderParameters.get(disposition, "filename");
        if (filename != null) {
            files.put(fieldName, new UploadedFile(fieldName, filename, contentType, Arrays.copyOfRange(body, start, end)));
        } else {
            params.set(fieldName, ParameterValues.fromText(new String(body, start, end - start, StandardCharsets.UTF_8)));
        }
    }

    private static int skipLineEnd(byte[] body, int at, int length) throws RequestDecodingException {
        while (at < length && (body[at] == ' ' || body[at] == '\t')) {
            at++;
        }
        if (at + 1 < length && body[at] == '\r' && body[at + 1] == '\n') {
            return at + 2;
        }
        throw malformed("a boundary is not followed by CRLF");
    }

    private static int indexOf(byte[] haystack, int from, int to, byte[] needle) {
        byte first = needle[0];
        int last = to - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static RequestDecodingException malformed(String what) {
        return new RequestDecodingException("Bad Request: malformed multipart/form-data body: " + what);
    }
}
