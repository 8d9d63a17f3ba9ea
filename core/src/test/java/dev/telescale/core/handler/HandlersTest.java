package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CommandHandler, MessageHandler, CallbackQueryHandler and TypeHandler: PTB's matching rules (reference §6.2). */
class HandlersTest {

    private static BotApiEmulator emulator;
    private static EmulatedBot bot;
    private static Application<DefaultContext> app;
    private static int ids;

    @BeforeAll
    static void startEmulator() {
        emulator = BotApiEmulator.start();
        bot = emulator.createBot("HandlerTestBot");
        app = Application.builder().token(bot.token()).apiBaseUrl(emulator.apiBaseUrl()).noUpdater()
                .shutdownHook(false).build();
        app.initialize(); // getMe: the username command checks compare with
    }

    @AfterAll
    static void stopEmulator() {
        app.shutdown();
        emulator.close();
    }

    private static Update command(String kind, String text, int entityLength, String chatType) {
        String entities = entityLength < 0 ? "" : ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":"
                + entityLength + "}]";
        return TelegramJson.parse("{\"update_id\":" + ++ids + ",\"" + kind + "\":{\"message_id\":5,\"date\":0,"
                + "\"chat\":{\"id\":-7,\"type\":\"" + chatType + "\",\"title\":\"t\"},\"from\":{\"id\":3,\"is_bot\":"
                + "false,\"first_name\":\"a\"},\"text\":" + TelegramJson.write(List.of(text)).replaceAll("^\\[|]$", "")
                + entities + "}}", Update.class);
    }

    private static Update command(String text) {
        int end = text.indexOf(' ');
        return command("message", text, end < 0 ? text.length() : end, "group");
    }

    private static Update callback(String dataField) {
        return TelegramJson.parse("{\"update_id\":" + ++ids + ",\"callback_query\":{\"id\":\"q\",\"from\":{\"id\":3,"
                + "\"is_bot\":false,\"first_name\":\"a\"},\"chat_instance\":\"c\"" + dataField + "}}", Update.class);
    }

    private static CommandHandler<DefaultContext> start() {
        return new CommandHandler<>("start", (u, c) -> { });
    }

    private static boolean matches(Handler<DefaultContext> handler, Object update) {
        return handler.check(update, app) instanceof CheckResult.Match;
    }

    @Test
    void commandsMatchCaseInsensitivelyWithOrWithoutThisBotsName() {
        assertTrue(matches(start(), command("/start")));
        assertTrue(matches(start(), command("/START")));
        assertTrue(matches(start(), command("/start@" + bot.username())));
        assertTrue(matches(start(), command("/start@" + bot.username().toUpperCase())));
        assertTrue(matches(new CommandHandler<>(List.of("Help", "start"), (u, c) -> { }), command("/help")));
    }

    @Test
    void commandsForAnotherBotOrOtherCommandsDoNotMatch() {
        assertEquals(CheckResult.noMatch(), start().check(command("/start@OtherBot"), app));
        assertTrue(!matches(start(), command("/stop")));
        assertTrue(!matches(start(), command("/starts")));
        assertTrue(!matches(start(), command("message", "/start", -1, "group")), "no entity");
        assertTrue(!matches(start(), command("message", "/start", 99, "group")), "entity longer than the text");
    }

    @Test
    void commandEntityMustBeAtOffsetZero() {
        Update shifted = TelegramJson.parse("{\"update_id\":1,\"message\":{\"message_id\":5,\"date\":0,\"chat\":"
                + "{\"id\":1,\"type\":\"private\"},\"text\":\"x /start\",\"entities\":[{\"type\":\"bot_command\","
                + "\"offset\":2,\"length\":6}]}}", Update.class);
        assertTrue(!matches(start(), shifted));
    }

    @Test
    void argumentsAreSplitOnAnyWhitespace() {
        List<List<String>> seen = new CopyOnWriteArrayList<>();
        CommandHandler<DefaultContext> handler = new CommandHandler<>("start", (u, c) -> seen.add(c.args()));
        app.addHandler(handler);
        try {
            app.processUpdate(command("/start  one\ttwo\nthree\u00a0four\u2003five "));
            app.processUpdate(command("/start"));
        } finally {
            app.removeHandler(handler, 0);
        }
        assertEquals(List.of(List.of("one", "two", "three", "four", "five"), List.of()), seen);
        assertEquals(List.of("a", "b"), CommandHandler.splitArgs("/x a   b"));
    }

    @Test
    void hasArgsSelectsByArgumentCount() {
        CommandHandler<DefaultContext> some = start().hasArgs(true);
        CommandHandler<DefaultContext> none = start().hasArgs(false);
        CommandHandler<DefaultContext> two = start().hasArgs(2);
        assertTrue(!matches(some, command("/start")));
        assertTrue(matches(some, command("/start a")));
        assertTrue(matches(none, command("/start")));
        assertTrue(!matches(none, command("/start a")));
        assertTrue(matches(two, command("/start a b")));
        assertTrue(!matches(two, command("/start a")));
        assertThrows(IllegalArgumentException.class, () -> start().hasArgs(-1));
    }

    @Test
    void invalidCommandNamesAreRejectedAtConstruction() {
        for (String bad : List.of("", "/start", "with space", "dash-ed", "x".repeat(33), "émoji")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CommandHandler<DefaultContext>(bad, (u, c) -> { }), bad);
            assertTrue(e.getMessage().contains("not a valid bot command"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new CommandHandler<DefaultContext>(List.of(), (u, c) -> { }));
        assertEquals(java.util.Set.of("start"), new CommandHandler<DefaultContext>("START", (u, c) -> { }).commands());
    }

    @Test
    void theDefaultFilterTakesMessagesAndEditsButNotChannelPosts() {
        assertTrue(matches(start(), command("edited_message", "/start", 6, "group")));
        assertTrue(!matches(start(), command("channel_post", "/start", 6, "channel")));
        assertTrue(matches(start().filter(Filters.ALL), command("channel_post", "/start", 6, "channel")));
        assertTrue(!matches(start().filter(Filters.ChatType.PRIVATE), command("/start")));
    }

    @Test
    void nonUpdatesAndOtherUpdateKindsDoNotMatchUpdateHandlers() {
        for (Object update : List.of("/start", 42, callback(",\"data\":\"x\""))) {
            assertTrue(!matches(start(), update));
            assertTrue(!matches(new MessageHandler<>(Filters.ALL, (u, c) -> { }), update));
        }
        assertTrue(!matches(new CallbackQueryHandler<>((u, c) -> { }), command("/start")));
    }

    @Test
    void messageHandlerPutsRegexMatchesIntoTheContext() {
        List<String> seen = new CopyOnWriteArrayList<>();
        MessageHandler<DefaultContext> handler = new MessageHandler<>(Filters.regex("(\\d+) apples"),
                (u, c) -> seen.add(c.match().orElseThrow().group(1) + "/" + c.matches().size()));
        app.addHandler(handler);
        try {
            app.processUpdate(command("message", "I have 12 apples", -1, "group"));
            app.processUpdate(command("message", "no fruit", -1, "group"));
        } finally {
            app.removeHandler(handler, 0);
        }
        assertEquals(List.of("12/1"), seen);
    }

    @Test
    void callbackPatternsMatchAtTheStartOfTheData() {
        CallbackQueryHandler<DefaultContext> any = new CallbackQueryHandler<>((u, c) -> { });
        CallbackQueryHandler<DefaultContext> vote = any.pattern("vote:(\\d+)");
        assertTrue(matches(any, callback(",\"data\":\"whatever\"")));
        assertTrue(matches(vote, callback(",\"data\":\"vote:12 extra\"")), "lookingAt, not matches()");
        assertTrue(!matches(vote, callback(",\"data\":\"xvote:12\"")), "lookingAt, not find()");
        CheckResult r = vote.check(callback(",\"data\":\"vote:7\""), app);
        assertEquals("7", ((java.util.regex.MatchResult) ((CheckResult.Match) r).value()).group(1));
        assertTrue(matches(any.pattern(d -> d instanceof String s && s.length() == 3), callback(",\"data\":\"abc\"")));
        assertTrue(!matches(any.pattern(d -> d instanceof String s && s.length() == 3), callback(",\"data\":\"abcd\"")));
        assertTrue(matches(any.pattern(String.class), callback(",\"data\":\"abc\"")));
        assertTrue(!matches(any.pattern(Integer.class), callback(",\"data\":\"abc\"")));
    }

    @Test
    void gameQueriesNeedTheGamePatternAndQueriesWithoutDataOrGameAlwaysMatch() {
        CallbackQueryHandler<DefaultContext> vote = new CallbackQueryHandler<DefaultContext>((u, c) -> { })
                .pattern("vote");
        assertTrue(!matches(vote, callback(",\"game_short_name\":\"tetris\"")));
        assertTrue(matches(vote.gamePattern("tet"), callback(",\"game_short_name\":\"tetris\"")));
        assertTrue(!matches(vote.gamePattern("tet"), callback(",\"game_short_name\":\"chess\"")));
        assertTrue(matches(vote, callback("")), "neither data nor game: matches even with patterns (PTB)");
        assertTrue(!matches(new CallbackQueryHandler<DefaultContext>((u, c) -> { }).gamePattern("x"),
                callback(",\"data\":\"vote\"")), "data but only a game pattern");
    }

    @Test
    void callbackHandlerSetsMatchesFromTheDataPattern() {
        List<String> seen = new CopyOnWriteArrayList<>();
        CallbackQueryHandler<DefaultContext> handler = new CallbackQueryHandler<DefaultContext>(
                (u, c) -> seen.add(c.match().orElseThrow().group(1))).pattern(Pattern.compile("item-(\\w+)"));
        app.addHandler(handler);
        try {
            app.processUpdate(callback(",\"data\":\"item-book\""));
        } finally {
            app.removeHandler(handler, 0);
        }
        assertEquals(List.of("book"), seen);
    }

    @Test
    void typeHandlerMatchesInstancesOrExactClassesWhenStrict() {
        TypeHandler<Number, DefaultContext> numbers = new TypeHandler<>(Number.class, (n, c) -> { });
        assertTrue(matches(numbers, 42));
        assertTrue(matches(numbers, 4.2));
        assertTrue(!matches(numbers, "42"));
        assertTrue(!matches(numbers.strict(true), 42));
        assertTrue(matches(new TypeHandler<Integer, DefaultContext>(Integer.class, (n, c) -> { }).strict(true), 42));
        assertTrue(matches(new TypeHandler<>(Update.class, (u, c) -> { }), command("/start")));
    }

    @Test
    void blockFlagsAndReturningCallbacks() throws Exception {
        assertTrue(start().blocking());
        assertTrue(!start().block(false).blocking());
        CommandHandler<DefaultContext> returning = CommandHandler.returning("start", (u, c) -> "state-2");
        Update update = command("/start x");
        CheckResult.Match match = (CheckResult.Match) returning.check(update, app);
        assertInstanceOf(CheckResult.Match.class, match);
        assertEquals("CommandHandler[start]", returning.toString());
    }
}
