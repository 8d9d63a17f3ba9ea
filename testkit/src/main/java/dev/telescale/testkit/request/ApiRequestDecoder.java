package dev.telescale.testkit.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.UploadedFile;
import dev.telescale.testkit.json.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the parameters of a Bot API call the three ways Telegram accepts them — query string,
 * application/json, application/x-www-form-urlencoded and multipart/form-data bodies — into one
 * {@link DecodedRequest}. The content type is matched on its media type only; charset parameters are ignored
 * (Telegram assumes UTF-8).
 */
public final class ApiRequestDecoder {

    private ApiRequestDecoder() {
    }

    /**
     * Decodes one request.
     *
     * @param query       the raw query string, or null
     * @param contentType the Content-Type header, or null
     * @param body        buffer holding the body
     * @param length      body length
     */
    public static DecodedRequest decode(String query, String contentType, byte[] body, int length)
            throws RequestDecodingException {
        ObjectNode params = Json.object();
        Map<String, UploadedFile> files = Map.of();
        if (query != null && !query.isEmpty()) {
            FormDecoder.decode(query, params);
        }
        if (length == 0) {
            return new DecodedRequest(params, files);
        }
        if (contentType == null) {
            throw new RequestDecodingException("Bad Request: the request has a body but no Content-Type; use "
                    + "application/json, application/x-www-form-urlencoded or multipart/form-data");
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        if (mediaType.equalsIgnoreCase("application/json")) {
            ObjectNode tree = decodeJson(body, length);
            if (tree != null) {
                if (params.isEmpty()) {
                    return new DecodedRequest(tree, files);      // the parsed tree is the parameters: no copy
                }
                params.setAll(tree);
            }
        } else if (mediaType.equalsIgnoreCase("application/x-www-form-urlencoded")) {
            FormDecoder.decode(body, 0, length, params);
        } else if (mediaType.equalsIgnoreCase("multipart/form-data")) {
            String boundary = HeaderParameters.get(contentType, "boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw new RequestDecodingException("Bad Request: multipart/form-data without a boundary parameter");
            }
            files = new HashMap<>();
            MultipartDecoder.decode(body, length, boundary, params, files);
        } else {
            throw new RequestDecodingException("Bad Request: unsupported Content-Type '" + mediaType
                    + "'; use application/json, application/x-www-form-urlencoded or multipart/form-data");
        }
        return new DecodedRequest(params, files);
    }

    private static ObjectNode decodeJson(byte[] body, int length) throws RequestDecodingException {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body, 0, length);
        } catch (JsonProcessingException e) {
            throw new RequestDecodingException("Bad Request: can't parse JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RequestDecodingException("Bad Request: can't read JSON body: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            return null;
        }
        if (!tree.isObject()) {
            throw new RequestDecodingException("Bad Request: the JSON body must be an object of parameters, got "
                    + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return (ObjectNode) tree;
    }
}
