package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filter;
import dev.telescale.core.filter.FilterResult;
import dev.telescale.core.filter.Filters;
import dev.telescale.testkit.EmulatedUser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MessageHandler: filters decide, their data reaches the context, every message-like kind, end to end. */
class MessageHandlerTest extends HandlerTestBase {

    @Test
    void withoutAFilterEveryMessageLikeUpdateMatches() {
        MessageHandler<DefaultContext> all = new MessageHandler<>((u, c) -> { });
        String msg = message(chat(-1), user(2), "hi");
        for (String kind : List.of("message", "edited_message", "channel_post", "edited_channel_post",
                "business_message", "edited_business_message", "guest_message")) {
            assertTrue(matches(all, update(kind, msg)), kind);
        }
        assertFalse(matches(all, update("poll_answer", "{\"poll_id\":\"p\",\"user\":" + user(2)
                + ",\"option_ids\":[0],\"option_persistent_ids\":[\"a\"]}")));
    }

    @Test
    void theFilterDecidesAndNonUpdatesNeverMatch() {
        MessageHandler<DefaultContext> text = new MessageHandler<>(Filters.TEXT, (u, c) -> { });
        assertTrue(matches(text, textMessage("hello")));
        assertFalse(matches(text, update("message", message(chat(-1), user(2), null))));
        for (Object notAnUpdate : List.of("hello", 1, new Object())) {
            assertFalse(matches(text, notAnUpdate));
        }
    }

    @Test
    void aFilterLambdaSeesEveryUpdate() {
        Filter polls = u -> u.poll().isPresent() ? FilterResult.pass() : FilterResult.reject();
        assertTrue(matches(new MessageHandler<>(polls, (u, c) -> { }), update("poll",
                "{\"id\":\"p\",\"question\":\"q\",\"options\":[],\"total_voter_count\":0,\"is_closed\":false,"
                        + "\"is_anonymous\":true,\"type\":\"regular\",\"allows_multiple_answers\":false}")));
    }

    @Test
    void regexFilterMatchesLandInTheContext() {
        Recorder recorder = new Recorder();
        dispatch(new MessageHandler<>(Filters.regex("(\\d+) apples"), recorder::handle),
                textMessage("I have 12 apples"), textMessage("no fruit"));
        assertEquals(List.of("12 apples"), recorder.only().matches(), "regex filters use find(), not lookingAt()");
    }

    @Test
    void blockFlagAndBadArguments() {
        MessageHandler<DefaultContext> handler = new MessageHandler<>(Filters.ALL, (u, c) -> { });
        assertEquals(Optional.empty(), handler.explicitBlock());
        assertEquals(Optional.of(false), handler.block(false).explicitBlock());
        assertEquals(Optional.of(true), handler.block(true).explicitBlock());
        assertEquals(Filters.ALL, handler.block(false).filter());
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new MessageHandler<DefaultContext>(null, (u, c) -> { }));
        assertTrue(e.getMessage().contains("Filters.ALL"), e.getMessage());
        assertThrows(NullPointerException.class, () -> MessageHandler.<DefaultContext>returning(Filters.ALL, null));
    }

    @Test
    void aUsersTextIsEchoedEndToEnd() {
        EmulatedUser bob = emulator.user("bob");
        bob.sendText(bot, "echo me");
        deliverPending(new MessageHandler<>(Filters.TEXT.and(Filters.COMMAND.not()),
                (u, c) -> c.replyText(c.effectiveMessage().orElseThrow().text().orElseThrow())));
        assertEquals("echo me", emulator.awaitCall("sendMessage", WAIT).text());
    }
}
