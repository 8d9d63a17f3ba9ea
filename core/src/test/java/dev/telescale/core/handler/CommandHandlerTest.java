package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.testkit.EmulatedUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CommandHandler: PTB's matching rules (reference §6.2), arguments, the filter, bad arguments, end to end. */
class CommandHandlerTest extends HandlerTestBase {

    private static Update command(String kind, String text, int entityLength, String chatType) {
        String entities = entityLength < 0 ? "" : ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":"
                + entityLength + "}]";
        return TelegramJson.parse("{\"update_id\":1,\"" + kind + "\":{\"message_id\":5,\"date\":0,"
                + "\"chat\":{\"id\":-7,\"type\":\"" + chatType + "\",\"title\":\"t\"},\"from\":" + user(3)
                + ",\"text\":" + quote(text) + entities + "}}", Update.class);
    }

    private static Update command(String text) {
        int end = text.indexOf(' ');
        return command("message", text, end < 0 ? text.length() : end, "group");
    }

    private static CommandHandler<DefaultContext> start() {
        return new CommandHandler<>("start", (u, c) -> { });
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
        assertFalse(matches(start(), command("/stop")));
        assertFalse(matches(start(), command("/starts")));
        assertFalse(matches(start(), command("message", "/start", -1, "group")), "no entity");
        assertFalse(matches(start(), command("message", "/start", 99, "group")), "entity longer than the text");
        assertFalse(matches(start(), textMessage("start")));
    }

    @Test
    void commandEntityMustBeAtOffsetZero() {
        Update shifted = TelegramJson.parse("{\"update_id\":1,\"message\":{\"message_id\":5,\"date\":0,\"chat\":"
                + "{\"id\":1,\"type\":\"private\"},\"text\":\"x /start\",\"entities\":[{\"type\":\"bot_command\","
                + "\"offset\":2,\"length\":6}]}}", Update.class);
        assertFalse(matches(start(), shifted));
    }

    @Test
    void argumentsAreSplitOnAnyWhitespace() {
        Recorder recorder = new Recorder();
        dispatch(new CommandHandler<>("start", recorder::handle),
                command("/start  one\ttwo\nthree\u00a0four\u2003five "), command("/start"));
        assertEquals(List.of("one", "two", "three", "four", "five"), recorder.seen.get(0).args());
        assertEquals(List.of(), recorder.seen.get(1).args());
        assertEquals(List.of("a", "b"), CommandHandler.splitArgs("/x a   b"));
    }

    @Test
    void hasArgsSelectsByArgumentCount() {
        CommandHandler<DefaultContext> some = start().hasArgs(true);
        CommandHandler<DefaultContext> none = start().hasArgs(false);
        CommandHandler<DefaultContext> two = start().hasArgs(2);
        assertFalse(matches(some, command("/start")));
        assertTrue(matches(some, command("/start a")));
        assertTrue(matches(none, command("/start")));
        assertFalse(matches(none, command("/start a")));
        assertTrue(matches(two, command("/start a b")));
        assertFalse(matches(two, command("/start a")));
        assertTrue(matches(start().hasArgs(0), command("/start")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> start().hasArgs(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void invalidCommandNamesAreRejectedAtConstruction() {
        for (String bad : List.of("", "/start", "with space", "dash-ed", "x".repeat(33), "émoji")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CommandHandler<DefaultContext>(bad, (u, c) -> { }), bad);
            assertTrue(e.getMessage().contains("not a valid bot command"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new CommandHandler<DefaultContext>(List.of(), (u, c) -> { }));
        assertThrows(NullPointerException.class, () -> new CommandHandler<DefaultContext>((String) null, (u, c) -> { }));
        assertThrows(NullPointerException.class, () -> new CommandHandler<DefaultContext>("start", null));
        assertThrows(NullPointerException.class, () -> start().filter(null));
        assertEquals(Set.of("start"), new CommandHandler<DefaultContext>("START", (u, c) -> { }).commands());
        assertEquals(Set.of("x".repeat(32)), new CommandHandler<DefaultContext>("x".repeat(32), (u, c) -> { })
                .commands());
    }

    @Test
    void theDefaultFilterTakesMessagesAndEditsButNotChannelPosts() {
        assertTrue(matches(start(), command("edited_message", "/start", 6, "group")));
        assertFalse(matches(start(), command("channel_post", "/start", 6, "channel")));
        assertTrue(matches(start().filter(Filters.ALL), command("channel_post", "/start", 6, "channel")));
        assertFalse(matches(start().filter(Filters.ChatType.PRIVATE), command("/start")));
    }

    @Test
    void nonUpdatesAndOtherUpdateKindsDoNotMatch() {
        for (Object update : List.of("/start", 42, new Object(),
                update("callback_query", "{\"id\":\"q\",\"from\":" + user(3) + ",\"chat_instance\":\"c\"}"))) {
            assertFalse(matches(start(), update));
        }
    }

    @Test
    void optionsMakeCopiesAndKeepTheBlockFlag() {
        CommandHandler<DefaultContext> original = start();
        CommandHandler<DefaultContext> nonBlocking = original.block(false);
        assertTrue(original.blocking());
        assertTrue(original.explicitBlock().isEmpty());
        assertFalse(nonBlocking.blocking());
        assertEquals(java.util.Optional.of(false), nonBlocking.hasArgs(1).filter(Filters.ALL).explicitBlock());
        assertTrue(matches(original, command("/start")), "the original is unchanged");
        assertEquals("CommandHandler[start]", CommandHandler.returning("start", (u, c) -> "state").toString());
    }

    @Test
    void aUsersCommandReachesTheHandlerWhichRepliesEndToEnd() {
        EmulatedUser alice = emulator.user("alice");
        alice.sendCommand(bot, "/greet", "Bob  and\tCarol");
        deliverPending(CommandHandler.<DefaultContext>returning("greet", (u, c) -> SendMessage.builder()
                .chatId(c.chatId().orElseThrow()).text("Hello " + String.join("+", c.args())).build()));
        assertEquals("Hello Bob+and+Carol", emulator.awaitCall("sendMessage", WAIT).text());
    }
}
