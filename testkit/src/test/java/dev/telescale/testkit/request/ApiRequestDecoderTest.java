package dev.telescale.testkit.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiRequestDecoderTest {

    private static DecodedRequest decode(String query, String contentType, String body) throws RequestDecodingException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ApiRequestDecoder.decode(query, contentType, bytes, bytes.length);
    }

    @Test
    void decodesAJsonObjectBody() throws Exception {
        DecodedRequest request = decode(null, "application/json; charset=utf-8",
                "{\"chat_id\":42,\"text\":\"hi\",\"reply_markup\":{\"inline_keyboard\":[]}}");
        assertEquals(42, request.params().get("chat_id").asLong());
        assertTrue(request.params().get("reply_markup").isObject());
    }

    @Test
    void mergesQueryParametersWithTheBodyWinning() throws Exception {
        DecodedRequest request = decode("chat_id=1&limit=5", "application/json", "{\"chat_id\":2}");
        assertEquals(2, request.params().get("chat_id").asLong());
        assertEquals("5", request.params().get("limit").asText());
    }

    @Test
    void decodesFormValuesKeepingScalarsAsStringsAndParsingJson() throws Exception {
        DecodedRequest request = decode(null, "application/x-www-form-urlencoded",
                "chat_id=-100123&text=caf%C3%A9+au+lait&reply_markup=%7B%22inline_keyboard%22%3A%5B%5D%7D&empty=&flag");
        assertEquals("-100123", request.params().get("chat_id").textValue());
        assertEquals("café au lait", request.params().get("text").textValue());
        assertTrue(request.params().get("reply_markup").isObject());
        assertEquals("", request.params().get("empty").textValue());
        assertEquals("", request.params().get("flag").textValue());
    }

    @Test
    void keepsTextThatOnlyLooksLikeJsonAsAString() throws Exception {
        DecodedRequest request = decode("text=%5Bnot+json", null, "");
        assertEquals("[not json", request.params().get("text").textValue());
    }

    @Test
    void decodesMultipartFieldsAndFiles() throws Exception {
        String body = "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"chat_id\"\r\n\r\n"
                + "42\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"media\"\r\n\r\n"
                + "[{\"type\":\"photo\",\"media\":\"attach://p1\"}]\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"document\"; filename=\"a \\\"b\\\".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "line1\r\nline2\r\n"
                + "--XyZ--\r\n";
        DecodedRequest request = decode(null, "multipart/form-data; boundary=\"XyZ\"", body);
        assertEquals("42", request.params().get("chat_id").textValue());
        assertTrue(request.params().get("media").isArray());
        var file = request.files().get("document");
        assertEquals("a \"b\".txt", file.filename());
        assertEquals("text/plain", file.contentType());
        assertArrayEquals("line1\r\nline2".getBytes(StandardCharsets.UTF_8), file.bytes());
    }

    @Test
    void rejectsMalformedJsonWithTheParserExplanation() {
        var error = assertThrows(RequestDecodingException.class, () -> decode(null, "application/json", "{\"chat_id\":"));
        assertTrue(error.getMessage().startsWith("Bad Request: can't parse JSON body"), error.getMessage());
    }

    @Test
    void rejectsJsonThatIsNotAnObjectOrHasTrailingGarbage() {
        var array = assertThrows(RequestDecodingException.class, () -> decode(null, "application/json", "[1,2]"));
        assertTrue(array.getMessage().contains("must be an object"), array.getMessage());
        assertThrows(RequestDecodingException.class, () -> decode(null, "application/json", "{} {}"));
    }

    @Test
    void rejectsUnknownContentTypesAndBodiesWithoutOne() {
        var unknown = assertThrows(RequestDecodingException.class, () -> decode(null, "text/plain", "hello"));
        assertTrue(unknown.getMessage().contains("unsupported Content-Type 'text/plain'"), unknown.getMessage());
        var missing = assertThrows(RequestDecodingException.class, () -> decode(null, null, "hello"));
        assertTrue(missing.getMessage().contains("no Content-Type"), missing.getMessage());
    }

    @Test
    void rejectsBrokenPercentEncoding() {
        assertThrows(RequestDecodingException.class, () -> decode("a=%zz", null, ""));
        assertThrows(RequestDecodingException.class, () -> decode(null, "application/x-www-form-urlencoded", "a=%4"));
    }

    @Test
    void rejectsBrokenMultipartFraming() {
        String type = "multipart/form-data; boundary=b";
        assertThrows(RequestDecodingException.class, () -> decode(null, "multipart/form-data", "x"));
        assertThrows(RequestDecodingException.class, () -> decode(null, type, "no boundary here"));
        assertThrows(RequestDecodingException.class,
                () -> decode(null, type, "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue-without-end"));
        assertThrows(RequestDecodingException.class,
                () -> decode(null, type, "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--"));
        assertThrows(RequestDecodingException.class,
                () -> decode(null, type, "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--"));
    }
}
