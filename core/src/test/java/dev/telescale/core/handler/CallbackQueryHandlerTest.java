package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.bot.Bot;
import dev.telescale.bot.callbackdata.InvalidCallbackData;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.testkit.EmulatedUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CallbackQueryHandler: data, predicate, type and game patterns as PTB, matches in the context, end to end. */
class CallbackQueryHandlerTest extends HandlerTestBase {

    private static Update callback(String fields) {
        return update("callback_query", "{\"id\":\"q\",\"from\":" + user(3) + ",\"chat_instance\":\"c\"" + fields + "}");
    }

    private static Update data(String data) {
        return callback(",\"data\":" + quote(data));
    }

    private static CallbackQueryHandler<DefaultContext> any() {
        return new CallbackQueryHandler<>((u, c) -> { });
    }

    @Test
    void withoutPatternsEveryQueryMatchesAndNothingElse() {
        assertTrue(matches(any(), data("whatever")));
        assertTrue(matches(any(), callback("")));
        assertFalse(matches(any(), textMessage("x")));
        for (Object notAnUpdate : List.of("data", 1, new Object())) {
            assertFalse(matches(any(), notAnUpdate));
        }
    }

    @Test
    void stringPatternsMatchAtTheStartOfTheData() {
        CallbackQueryHandler<DefaultContext> vote = any().pattern("vote:(\\d+)");
        assertTrue(matches(vote, data("vote:12 extra")), "lookingAt, not matches()");
        assertFalse(matches(vote, data("xvote:12")), "lookingAt, not find()");
        MatchResult m = assertInstanceOf(MatchResult.class, matchValue(vote, data("vote:7")));
        assertEquals("7", m.group(1));
        assertTrue(matches(any().pattern(Pattern.compile("item-\\w+")), data("item-book")));
    }

    @Test
    void stringPatternsHavePythonsLineAndUnicodeSemantics() {
        assertTrue(matches(any().pattern("ok$"), data("ok\n")), "$ before a final \\n, as Python");
        assertFalse(matches(any().pattern("ok$"), data("ok\r\n")), "Python's $ ignores \\r (UNIX_LINES)");
        assertTrue(matches(any().pattern("a.b"), data("a\rb")), "Python's . excludes only \\n");
        assertFalse(matches(any().pattern("a.b"), data("a\nb")));
        assertTrue(matches(any().pattern("\\w+$"), data("größe")), "\\w is Unicode-aware, as Python 3");
        assertTrue(matches(any().pattern(Pattern.compile("ok$")), data("ok\r\n")),
                "a Pattern object keeps Java's own flags");
    }

    @Test
    void predicateAndTypePatternsSeeTheDataObject() {
        List<Object> seen = new ArrayList<>();
        CallbackQueryHandler<DefaultContext> threeChars = any().pattern(d -> seen.add(d) && d instanceof String s
                && s.length() == 3);
        assertTrue(matches(threeChars, data("abc")));
        assertFalse(matches(threeChars, data("abcd")));
        assertEquals(List.of("abc", "abcd"), seen);
        assertEquals(true, matchValue(threeChars, data("xyz")));
        assertTrue(matches(any().pattern(String.class), data("abc")));
        assertTrue(matches(any().pattern(CharSequence.class), data("abc")));
        assertFalse(matches(any().pattern(Integer.class), data("abc")));
    }

    @Test
    void gameQueriesNeedTheGamePatternAndQueriesWithoutDataOrGameAlwaysMatch() {
        CallbackQueryHandler<DefaultContext> vote = any().pattern("vote");
        Update tetris = callback(",\"game_short_name\":\"tetris\"");
        assertFalse(matches(vote, tetris));
        assertTrue(matches(vote.gamePattern("tet"), tetris));
        assertFalse(matches(vote.gamePattern("tet"), callback(",\"game_short_name\":\"chess\"")));
        assertTrue(matches(vote, callback("")), "neither data nor game: matches even with patterns (PTB)");
        assertTrue(matches(vote, callback(",\"data\":\"\"")), "empty data counts as none");
        assertFalse(matches(any().gamePattern("x"), data("vote")), "data but only a game pattern");
        assertTrue(matches(any().gamePattern(Pattern.compile("te")), tetris));
    }

    @Test
    void theDataPatternsMatchLandsInTheContextButAGameOnlyPatternsDoesNot() {
        Recorder recorder = new Recorder();
        dispatch(new CallbackQueryHandler<>(recorder::handle).pattern(Pattern.compile("item-(\\w+)")),
                data("item-book"));
        assertEquals(List.of("item-book"), recorder.only().matches());

        Recorder games = new Recorder();
        dispatch(new CallbackQueryHandler<>(games::handle).gamePattern("tet"),
                callback(",\"game_short_name\":\"tetris\""));
        assertEquals(List.of(), games.only().matches(), "PTB sets matches only when a data pattern is set");

        Recorder predicate = new Recorder();
        dispatch(new CallbackQueryHandler<>(predicate::handle).pattern(d -> true), data("x"));
        assertEquals(List.of(), predicate.only().matches());
    }

    @Test
    void blockFlagIsCarriedThroughCopiesAndBadArgumentsAreRefused() {
        CallbackQueryHandler<DefaultContext> handler = any().block(false).pattern("a").gamePattern("b");
        assertEquals(Optional.of(false), handler.explicitBlock());
        assertFalse(handler.blocking());
        assertEquals(Optional.empty(), any().pattern("a").explicitBlock());
        assertThrows(NullPointerException.class, () -> any().pattern((String) null));
        assertThrows(NullPointerException.class, () -> any().pattern((Class<?>) null));
        assertThrows(java.util.regex.PatternSyntaxException.class, () -> any().pattern("(unclosed"));
        assertThrows(NullPointerException.class, () -> CallbackQueryHandler.<DefaultContext>returning(null));
    }

    @Test
    void withArbitraryCallbackDataUnknownKeysMatchTheInvalidCallbackDataType() {
        Bot cachingBot = Bot.builder().token(bot.token()).apiBaseUrl(emulator.apiBaseUrl())
                .arbitraryCallbackData(true).build();
        try {
            Application<DefaultContext> cachingApp = Application.builder().bot(cachingBot).noUpdater()
                    .shutdownHook(false).build();
            Update stale = data("0".repeat(64));
            assertTrue(any().pattern(InvalidCallbackData.class).check(stale, cachingApp) instanceof CheckResult.Match);
            assertFalse(any().pattern("0+").check(stale, cachingApp) instanceof CheckResult.Match,
                    "string patterns see the resolved object, not the raw key");
            assertTrue(any().pattern(d -> d instanceof InvalidCallbackData i && i.callbackData().startsWith("0"))
                    .check(stale, cachingApp) instanceof CheckResult.Match);
        } finally {
            cachingBot.shutdown();
        }
    }

    @Test
    void aPressedButtonIsAnsweredEndToEnd() {
        EmulatedUser carol = emulator.user("carol");
        carol.sendText(bot, "menu");
        fetch();
        Message menu = app.bot().sendMessage(SendMessage.builder().chatId(carol.chatWith(bot).id()).text("Pick")
                .replyMarkup(InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(
                        InlineKeyboardButton.builder().text("Two").callbackData("pick:2").build()))).build())
                .build());
        ObjectNode query = carol.pressButton(carol.chatWith(bot).message(menu.messageId()).orElseThrow(), "pick:2");
        deliverPending(new CallbackQueryHandler<DefaultContext>(
                (u, c) -> c.answer("You picked " + c.match().orElseThrow().group(1))).pattern("pick:(\\d)"));
        emulator.awaitCall("answerCallbackQuery", WAIT);
        assertEquals("You picked 2", bot.callbackAnswer(query.path("id").asText()).orElseThrow().path("text")
                .asText());
    }
}
