package dev.telescale.bot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.ApiParseException;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.errors.InvalidResponse;
import dev.telescale.api.errors.NetworkError;
import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.api.json.ApiReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads Telegram's answer in one streaming pass: {@code ok}, {@code result} (handed to the method's own reader while
 * the parser is on it, so the result is never buffered as a tree), {@code error_code}, {@code description} and
 * {@code parameters}. An error answer becomes the matching {@link TelegramApiException}; a body that is not a Bot API
 * response becomes {@link InvalidResponse}, or {@link NetworkError} for a 5xx status (a proxy's error page).
 */
final class ResponseDecoder {

    private ResponseDecoder() {
    }

    static <R> R decode(ApiMethod<R> method, int status, byte[] body, String token) {
        String name = method.methodName();
        Boolean ok = null;
        boolean hasResult = false;
        R result = null;
        int errorCode = 0;
        String description = null;
        Long retryAfter = null;
        Long migrateTo = null;
        try (JsonParser p = TelegramJson.factory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notJson(name, status, body, null, token);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "ok" -> ok = p.currentToken() == JsonToken.VALUE_TRUE;
                    case "result" -> {
                        if (Boolean.FALSE.equals(ok)) {
                            p.skipChildren();
                        } else {
                            result = method.readResult(new ApiReader(p));
                            hasResult = true;
                        }
                    }
                    case "error_code" -> errorCode = p.currentToken().isNumeric() ? p.getIntValue() : 0;
                    case "description" -> description = p.currentToken() == JsonToken.VALUE_STRING ? p.getText()
                            : null;
                    case "parameters" -> {
                        if (p.currentToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String param = p.currentName();
                                p.nextToken();
                                if (param.equals("retry_after") && p.currentToken().isNumeric()) {
                                    retryAfter = p.getLongValue();
                                } else if (param.equals("migrate_to_chat_id") && p.currentToken().isNumeric()) {
                                    migrateTo = p.getLongValue();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw notJson(name, status, body, null, token);
            }
        } catch (ApiParseException e) {
            throw new InvalidResponse(name, status, "the result does not fit the Bot API model: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw notJson(name, status, body, e, token);
        } catch (IOException e) {
            throw new InvalidResponse(name, status, "cannot read the body: " + e.getMessage(), null);
        }
        if (ok == null) {
            throw new InvalidResponse(name, status, "not a Bot API response: no 'ok' field", null);
        }
        if (ok) {
            if (!hasResult) {
                throw new InvalidResponse(name, status, "'ok' is true but there is no 'result'", null);
            }
            return result;
        }
        if (description != null && token != null && description.contains(token)) {
            description = description.replace(token, "<redacted>");
        }
        return throwError(name, errorCode != 0 ? errorCode : status, description, retryAfter, migrateTo);
    }

    private static <R> R throwError(String name, int code, String description, Long retryAfter, Long migrateTo) {
        throw TelegramApiException.fromResponse(name, code, description, retryAfter, migrateTo);
    }

    private static RuntimeException notJson(String name, int status, byte[] body, Throwable cause, String token) {
        String problem = body.length == 0 ? "the body is empty"
                : "the body is not a JSON object" + (cause == null ? "" : " (or is cut short)") + ": " + snippet(body);
        if (token != null && problem.contains(token)) {
            problem = problem.replace(token, "<redacted>");
        }
        if (status >= 500) {
            return new NetworkError("Telegram answered HTTP " + status + " to " + name + " and " + problem, status,
                    null, name, true, null);
        }
        return new InvalidResponse(name, status, problem, null);
    }

    /** The start of the body, control characters replaced, for messages. */
    private static String snippet(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(s.length() + 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < ' ' ? ' ' : c);
        }
        return "\"" + sb + (body.length > 80 ? "...\"" : "\"");
    }
}
