package dev.telescale.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelegramApiExceptionTest {

    @Test
    void statusCodesMapToTheirExceptions() {
        assertInstanceOf(BadRequest.class, TelegramApiException.fromResponse("m", 400, "Bad Request: x", null, null));
        assertInstanceOf(Unauthorized.class, TelegramApiException.fromResponse("m", 401, "Unauthorized", null, null));
        assertInstanceOf(Forbidden.class, TelegramApiException.fromResponse("m", 403, "Forbidden: x", null, null));
        assertInstanceOf(NotFound.class, TelegramApiException.fromResponse("m", 404, "Not Found", null, null));
        assertInstanceOf(Conflict.class, TelegramApiException.fromResponse("m", 409, "Conflict: x", null, null));
        assertInstanceOf(RetryAfter.class, TelegramApiException.fromResponse("m", 429, "Too Many Requests", null, null));
        assertInstanceOf(NetworkError.class, TelegramApiException.fromResponse("m", 500, "Internal", null, null));
        assertInstanceOf(NetworkError.class, TelegramApiException.fromResponse("m", 502, null, null, null));
        TelegramApiException other = TelegramApiException.fromResponse("m", 413, "Request Entity Too Large", null, null);
        assertEquals(TelegramApiException.class, other.getClass());
        assertEquals(413, other.errorCode());
    }

    @Test
    void parametersWinOverTheStatus() {
        TelegramApiException migrated = TelegramApiException.fromResponse("sendMessage", 400,
                "Bad Request: group chat was upgraded to a supergroup chat", null, -1001234L);
        ChatMigrated cm = assertInstanceOf(ChatMigrated.class, migrated);
        assertEquals(-1001234L, cm.newChatId());
        assertEquals("Group migrated to supergroup. New chat id: -1001234 (sendMessage)", cm.getMessage());

        RetryAfter ra = assertInstanceOf(RetryAfter.class, TelegramApiException.fromResponse("sendMessage", 429,
                "Too Many Requests: retry after 17", 17L, null));
        assertEquals(Duration.ofSeconds(17), ra.retryAfter());
        assertEquals("Flood control exceeded. Retry in 17 seconds (sendMessage)", ra.getMessage());
    }

    @Test
    void messageStripsTelegramPrefixesAndCapitalisesLikePtb() {
        TelegramApiException e = TelegramApiException.fromResponse("sendMessage", 400, "Bad Request: chat not found",
                null, null);
        assertEquals("Chat not found (sendMessage, error 400)", e.getMessage());
        assertEquals("Bad Request: chat not found", e.description().orElseThrow());
        assertEquals("sendMessage", e.method().orElseThrow());
        assertEquals("Bot was blocked by the user", TelegramApiException.clean("Forbidden: bot was blocked by the user"));
        assertEquals("Oops", TelegramApiException.clean("[Error]: oops"));
        assertEquals("Unknown error", TelegramApiException.clean(null));
        assertEquals("Bad Request:", TelegramApiException.clean("Bad Request: "));
    }

    @Test
    void conflictAndTokenErrorsSayWhatToDo() {
        String conflict = TelegramApiException.fromResponse("getUpdates", 409,
                "Conflict: terminated by other getUpdates request", null, null).getMessage();
        assertTrue(conflict.contains("another getUpdates poller is running or a webhook is set"), conflict);
        assertTrue(TelegramApiException.fromResponse("getMe", 401, "Unauthorized", null, null).getMessage()
                .contains("token is invalid"));
        assertTrue(TelegramApiException.fromResponse("getMe", 404, "Not Found", null, null).getMessage()
                .contains("token is invalid"));
    }

    @Test
    void badRequestIsNotANetworkErrorButTimedOutAndInvalidResponseAre() {
        assertFalse(NetworkError.class.isAssignableFrom(BadRequest.class));
        assertTrue(NetworkError.class.isAssignableFrom(TimedOut.class));
        assertTrue(NetworkError.class.isAssignableFrom(InvalidResponse.class));
        TimedOut t = new TimedOut("sendMessage", "pool timeout; the request was not sent", false, null);
        assertFalse(t.requestSent());
        InvalidResponse ir = new InvalidResponse("getMe", 200, "body is not JSON", null);
        assertTrue(ir.getMessage().contains("not JSON"), ir.getMessage());
    }
}
