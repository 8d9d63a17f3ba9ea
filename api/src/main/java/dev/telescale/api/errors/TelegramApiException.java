package dev.telescale.api.errors;

import java.util.Locale;
import java.util.Optional;

/**
 * The base of every failure of a Bot API call (unchecked). Telegram's answers with {@code ok: false} become one of
 * the subclasses by status and response parameters, see {@link #fromResponse}; failures below HTTP become a
 * {@link NetworkError}.
 *
 * <p>The hierarchy, and how it differs from python-telegram-bot's:
 * <pre>
 * TelegramApiException
 *  ├─ BadRequest (400)       ├─ Unauthorized (401)   ├─ Forbidden (403)   ├─ NotFound (404)
 *  ├─ Conflict (409)         ├─ RetryAfter (429 / retry_after)             ├─ ChatMigrated (migrate_to_chat_id)
 *  └─ NetworkError (5xx, other statuses, I/O)
 *       ├─ TimedOut
 *       └─ InvalidResponse (not JSON, cut short)
 * </pre>
 * In PTB {@code BadRequest} is a {@code NetworkError}; here it is not, so that {@code catch (NetworkError e)} means
 * exactly "the call may succeed if tried again", and a 400 (which never will) is not retried by accident. PTB's
 * {@code InvalidToken} is split into {@link Unauthorized} (401) and {@link NotFound} (404), the two ways Telegram
 * answers a wrong token.
 *
 * <p>{@link #getMessage()} is Telegram's description cleaned as PTB does (prefixes like "Bad Request: " removed, first
 * letter capitalised) followed by the method and code; {@link #description()} keeps Telegram's text unchanged.
 * Messages never contain the bot token.
 */
public class TelegramApiException extends RuntimeException {

    private static final String[] PREFIXES = {
        "Bad Request: ", "Error: ", "[Error]: ", "Forbidden: ", "Conflict: ", "Too Many Requests: ", "Unauthorized: ",
        "Not Found: "
    };

    private final int errorCode;
    private final String description;
    private final String method;

    /**
     * @param message     the full message, safe to print
     * @param errorCode   Telegram's {@code error_code} or the HTTP status; 0 when there was no answer
     * @param description Telegram's description as sent, or null
     * @param method      the API method called, or null
     * @param cause       the underlying failure, or null
     */
    protected TelegramApiException(String message, int errorCode, String description, String method,
                                   Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.description = description;
        this.method = method;
    }

    /** An error answer that fits no subclass (an unexpected 4xx status). */
    public TelegramApiException(String method, int errorCode, String description) {
        this(standardMessage(description, method, errorCode), errorCode, description, method, null);
    }

    /** Telegram's {@code error_code} (normally the HTTP status), 0 when no answer arrived. */
    public int errorCode() {
        return errorCode;
    }

    /** Telegram's description, unchanged. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The API method whose call failed ({@code "sendMessage"}). */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /**
     * Maps Telegram's error answer to an exception, as PTB does: a {@code migrate_to_chat_id} parameter gives
     * {@link ChatMigrated}, a {@code retry_after} parameter {@link RetryAfter}; otherwise the code decides: 400
     * {@link BadRequest}, 401 {@link Unauthorized}, 403 {@link Forbidden}, 404 {@link NotFound}, 409
     * {@link Conflict}, 429 {@link RetryAfter}, other 4xx this class, everything else {@link NetworkError}.
     *
     * @param method          the API method called
     * @param errorCode       {@code error_code} from the body, or the HTTP status when the body had none
     * @param description     Telegram's description, may be null
     * @param retryAfter      {@code parameters.retry_after} in seconds, or null
     * @param migrateToChatId {@code parameters.migrate_to_chat_id}, or null
     */
    public static TelegramApiException fromResponse(String method, int errorCode, String description,
                                                    Long retryAfter, Long migrateToChatId) {
        if (migrateToChatId != null) {
            return new ChatMigrated(method, migrateToChatId, description);
        }
        if (retryAfter != null) {
            return new RetryAfter(method, java.time.Duration.ofSeconds(Math.max(0, retryAfter)), description);
        }
        return switch (errorCode) {
            case 400 -> new BadRequest(method, description);
            case 401 -> new Unauthorized(method, description);
            case 403 -> new Forbidden(method, description);
            case 404 -> new NotFound(method, description);
            case 409 -> new Conflict(method, description);
            case 429 -> new RetryAfter(method, java.time.Duration.ZERO, description);
            default -> errorCode >= 400 && errorCode < 500
                    ? new TelegramApiException(method, errorCode, description)
                    : new NetworkError(standardMessage(description == null ? "Server error" : description, method,
                            errorCode), errorCode, description, method, true, null);
        };
    }

    /**
     * Telegram's description as PTB shows it: known prefixes ("Bad Request: ", "Error: ", "Forbidden: ", ...)
     * removed and the first letter capitalised. Null gives "Unknown error".
     */
    public static String clean(String description) {
        if (description == null || description.isBlank()) {
            return "Unknown error";
        }
        String s = description.strip();
        for (String p : PREFIXES) {
            if (s.startsWith(p) && s.length() > p.length()) {
                s = s.substring(p.length());
                break;
            }
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** "Cleaned description (method, error code)". */
    static String standardMessage(String description, String method, int errorCode) {
        StringBuilder sb = new StringBuilder(clean(description)).append(" (");
        if (method != null) {
            sb.append(method).append(", ");
        }
        return sb.append("error ").append(errorCode).append(')').toString();
    }
}
