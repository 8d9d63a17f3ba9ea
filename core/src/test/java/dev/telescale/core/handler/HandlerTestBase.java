package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.GetUpdates;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.MatchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every handler test shares: an emulator, one bot and an initialized application on it (getMe done, so
 * command checks know the bot's username), update JSON builders, and helpers that check an update or dispatch it
 * through the application and capture what the callback saw.
 */
abstract class HandlerTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicLong IDS = new AtomicLong(1);

    static BotApiEmulator emulator;
    static EmulatedBot bot;
    static Application<DefaultContext> app;
    private static final AtomicLong offset = new AtomicLong();
    /** What reached the error handlers: a failing callback or a returned method the emulator refused. */
    static final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEmulator() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("HandlerTestBot");
        app = Application.builder().token(bot.token()).apiBaseUrl(emulator.apiBaseUrl()).noUpdater()
                .shutdownHook(false).build();
        app.addErrorHandler((update, context) -> errors.add(context.error().orElseThrow()));
        app.initialize();
        offset.set(0);
        errors.clear();
    }

    @AfterAll
    static void stopEmulator() {
        app.shutdown();
        emulator.close();
    }

    // ---- checking and dispatching

    static boolean matches(Handler<DefaultContext> handler, Object update) {
        return handler.check(update, app) instanceof CheckResult.Match;
    }

    static Object matchValue(Handler<DefaultContext> handler, Object update) {
        return assertInstanceOf(CheckResult.Match.class, handler.check(update, app), "expected a match").value();
    }

    /** Runs {@code update} through the application with only {@code handler} registered (group 0). */
    static void dispatch(Handler<DefaultContext> handler, Object... updates) {
        app.addHandler(handler);
        try {
            for (Object update : updates) {
                app.processUpdate(update);
            }
        } finally {
            app.removeHandler(handler, 0);
        }
    }

    /** Fetches the bot's pending updates from the emulator, as a poller would. */
    static List<Update> fetch() {
        List<Update> updates = app.bot().getUpdates(GetUpdates.builder().offset(offset.get()).timeout(0L).build());
        if (!updates.isEmpty()) {
            offset.set(updates.get(updates.size() - 1).updateId() + 1);
        }
        return updates;
    }

    /**
     * Fetches the one pending update and processes it with {@code handler} registered; fails if the callback or the
     * method it returned failed.
     */
    static void deliverPending(Handler<DefaultContext> handler) {
        List<Update> updates = fetch();
        if (updates.size() != 1) {
            fail("expected one pending update, got " + updates);
        }
        errors.clear();
        dispatch(handler, updates.get(0));
        assertEquals(List.of(), errors, "errors while handling the update");
    }

    /** What a callback saw: the update, the arguments and the matches' first groups. */
    record Seen(Object update, List<String> args, List<String> matches) {
    }

    /** A callback recording what it saw. */
    static final class Recorder implements HandlerCallback<Object, DefaultContext> {
        final List<Seen> seen = new CopyOnWriteArrayList<>();

        @Override
        public void handle(Object update, DefaultContext context) {
            seen.add(new Seen(update, context.args(), context.matches().stream().map(MatchResult::group).toList()));
        }

        Seen only() {
            assertEquals(1, seen.size(), "callback runs: " + seen);
            return seen.get(0);
        }
    }

    // ---- update JSON

    static Update update(String kind, String payload) {
        return TelegramJson.parse("{\"update_id\":" + IDS.incrementAndGet() + ",\"" + kind + "\":" + payload + "}",
                Update.class);
    }

    static String user(long id, String username) {
        return "{\"id\":" + id + ",\"is_bot\":false,\"first_name\":\"U" + id + "\""
                + (username == null ? "" : ",\"username\":\"" + username + "\"") + "}";
    }

    static String user(long id) {
        return user(id, null);
    }

    static String chat(long id, String type, String username) {
        return "{\"id\":" + id + ",\"type\":\"" + type + "\"" + (type.equals("private") ? "" : ",\"title\":\"t\"")
                + (username == null ? "" : ",\"username\":\"" + username + "\"") + "}";
    }

    static String chat(long id) {
        return chat(id, "supergroup", null);
    }

    static String quote(String s) {
        return TelegramJson.write(List.of(s)).replaceAll("^\\[|]$", "");
    }

    static String message(String chat, String from, String text) {
        return "{\"message_id\":5,\"date\":0,\"chat\":" + chat + (from == null ? "" : ",\"from\":" + from)
                + (text == null ? "" : ",\"text\":" + quote(text)) + "}";
    }

    static Update textMessage(String text) {
        return update("message", message(chat(-100, "group", null), user(3), text));
    }

    static String member(String status, String user) {
        return "{\"status\":\"" + status + "\",\"user\":" + user + "}";
    }
}
