package dev.telescale.bot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.bot.FakeBotApi.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The token must not appear in log output, exception messages, stack trace text or toString, whatever happens.
 * Logging goes through slf4j-simple at debug level (see simplelogger.properties) to System.err, captured here.
 */
class TokenRedactionTest {

    static final String TOKEN = "555666777:AAE-redaction_SECRET_xyz";

    @Test
    void tokenAppearsNowhereInLogsExceptionsOrToString() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<Throwable> failures = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (FakeBotApi api = new FakeBotApi()) {
            Bot bot = Bot.builder().token(TOKEN).apiBaseUrl(api.baseUrl()).fileBaseUrl(api.baseUrl() + "/file")
                    .readTimeout(Duration.ofMillis(300)).getUpdatesReadTimeout(Duration.ofMillis(300)).build();
            strings.add(bot.toString());
            bot.execute(TestMethod.of("sendMessage", "chat_id", 1L, "text", "ok"));
            api.answer("getChat", Answer.json(400, "{\"ok\":false,\"error_code\":400,\"description\":"
                    + "\"Bad Request: echo " + TOKEN + "\"}"));
            api.answer("getMe", Answer.json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"));
            api.answer("sendPhoto", new Answer(200, "text/plain",
                    ("not json " + TOKEN).getBytes(StandardCharsets.UTF_8), 0));
            api.answer("getUpdates", Answer.json(200, "{\"ok\":true,\"result\":[]}").delayed(1000));
            for (String method : List.of("getChat", "getMe", "sendPhoto", "getUpdates")) {
                failures.add(assertThrows(TelegramApiException.class, () -> bot.execute(TestMethod.of(method))));
            }
            failures.add(assertThrows(TelegramApiException.class,
                    () -> bot.downloadFileBytes(BotTest.file("missing.jpg"))));
            bot.shutdown();
        }
        Bot dead = Bot.builder().token(TOKEN).apiBaseUrl("http://127.0.0.1:1").build();
        failures.add(assertThrows(TelegramApiException.class, () -> dead.execute(TestMethod.of("getMe"))));
        dead.shutdown();
        System.setErr(original);
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("sendMessage"), "debug log captured: " + log);
        assertFalse(log.contains("SECRET"), log);
        for (Throwable t : failures) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains("SECRET"), trace.toString());
        }
        for (String s : strings) {
            assertFalse(s.contains("SECRET"), s);
        }
    }
}
