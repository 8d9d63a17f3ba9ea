package dev.telescale.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.Handler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.handler.PollAnswerHandler;
import dev.telescale.core.handler.PollHandler;
import dev.telescale.core.handler.ShippingQueryHandler;
import dev.telescale.core.handler.TypeHandler;
import dev.telescale.core.processor.UpdateProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The builder's checks (bad input refused with clear messages) and the construction-time warnings of §7.2. */
class ConversationBuilderTest {

    enum Step { ONE, TWO }

    private static final Handler<DefaultContext> START = new CommandHandler<>("start", (u, c) -> { });
    private static final Handler<DefaultContext> TEXT = new MessageHandler<>(Filters.TEXT, (u, c) -> { });
    private static final Handler<DefaultContext> BUTTON = new CallbackQueryHandler<>((u, c) -> { });

    private static ConversationHandler.Builder<DefaultContext> base() {
        return ConversationHandler.<DefaultContext>builder().entryPoints(START).state(Step.ONE, TEXT);
    }

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    // ----------------------------------------------------------------------------------------------- bad input

    @Test
    void allPerOptionsFalseIsRefused() {
        assertEquals("'perUser', 'perChat' and 'perMessage' can't all be false",
                message(() -> base().perChat(false).perUser(false).build()));
        assertTrue(message(() -> base().perChat(false).perUser(false).perThread(true).build())
                .contains("can't all be false"), "a topic alone is no key");
    }

    @Test
    void persistentWithoutANameIsRefused() {
        assertTrue(message(() -> base().persistent(true).build())
                .startsWith("Conversations can't be persistent when handler is unnamed"));
    }

    @Test
    void aConversationWithoutEntryPointsIsRefused() {
        assertTrue(message(() -> ConversationHandler.<DefaultContext>builder().state(Step.ONE, TEXT).build())
                .contains("at least one entry point"));
    }

    @Test
    void nullStatesHandlersAndNamesAreRefused() {
        assertThrows(NullPointerException.class, () -> base().state(null, TEXT));
        assertThrows(NullPointerException.class, () -> base().state(Step.TWO, (Handler<DefaultContext>) null));
        assertThrows(NullPointerException.class, () -> base().entryPoints((List<Handler<DefaultContext>>) null));
        assertThrows(NullPointerException.class, () -> base().mapToParent(Step.ONE, null));
        assertThrows(NullPointerException.class, () -> base().name(null));
        assertTrue(message(() -> base().name("  ")).contains("must not be blank"));
    }

    @Test
    void aStateRegisteredTwiceAndEndAsAStateAreRefused() {
        assertTrue(message(() -> base().state(Step.ONE, START)).contains("The state ONE is registered twice"));
        assertTrue(message(() -> base().state(ConversationHandler.END, TEXT)).startsWith("END is not a state"));
        assertTrue(message(() -> base().mapToParent(Step.ONE, Step.TWO).mapToParent(Step.ONE, Step.ONE))
                .contains("mapped to the parent twice"));
    }

    @Test
    void aNonPositiveTimeoutIsRefused() {
        assertTrue(message(() -> base().timeout(Duration.ZERO)).contains("must be positive"));
        assertTrue(message(() -> base().timeout(Duration.ofSeconds(-1))).contains("must be positive"));
    }

    @Test
    void persistentHandlersRefuseStatesThatCannotBeStoredOrReadBack() {
        assertTrue(message(() -> base().state(42L, TEXT).name("n").persistent(true).build())
                .contains("state 42 of type java.lang.Long, which cannot be stored: use Integer, String or enum"));
        assertTrue(message(() -> base().state("ONE", TEXT).name("n").persistent(true).build())
                .contains("Step.ONE and \"ONE\", which are both stored as \"ONE\""));
        // Not persistent: any state with equals works.
        assertEquals(Optional.empty(), base().state(42L, TEXT).build().name());
    }

    @Test
    void theSpecialStatesPrintTheirNames() {
        assertEquals("ConversationHandler.END", ConversationHandler.END.toString());
        assertEquals("ConversationHandler.TIMEOUT", ConversationHandler.TIMEOUT.toString());
        assertEquals("ConversationHandler.WAITING", ConversationHandler.WAITING.toString());
    }

    // ------------------------------------------------------------------------------------------------ warnings

    @Test
    void aCallbackQueryHandlerWithoutPerMessageWarnsOnce() {
        List<String> warnings = base().state(Step.TWO, BUTTON, BUTTON).fallbacks(BUTTON).build().warnings();

        assertEquals(List.of("If 'perMessage' is false, CallbackQueryHandler will not be tracked for every message."
                + ConstructionWarnings.SEE_README), warnings);
    }

    @Test
    void perMessageWantsCallbackQueryHandlersOnlyAndPerChat() {
        List<String> warnings = base().perMessage(true).perChat(false).build().warnings();

        assertEquals(List.of(
                "If 'perMessage' is true, 'perChat' should be true too, since message ids are not globally unique.",
                "If 'perMessage' is true, all entry points, state handlers, and fallbacks must be CallbackQueryHandler, "
                        + "since no other handlers have a message context." + ConstructionWarnings.SEE_README),
                warnings);
        assertEquals(List.of(), ConversationHandler.<DefaultContext>builder().entryPoints(BUTTON)
                .state(Step.ONE, BUTTON).perMessage(true).build().warnings());
    }

    @Test
    void perThreadWithoutPerChatWarns() {
        assertEquals(List.of("If 'perThread' is true, 'perChat' should be true too, since topic ids "
                + "(message_thread_id) are only unique within a chat."), base().perThread(true).perChat(false).build()
                .warnings());
    }

    @Test
    void handlersThatCanNeverTriggerInAConversationWarn() {
        List<String> warnings = base()
                .state(Step.TWO, new PollHandler<DefaultContext>((u, c) -> { }),
                        new ShippingQueryHandler<DefaultContext>((u, c) -> { }),
                        new PollAnswerHandler<DefaultContext>((u, c) -> { }),
                        new TypeHandler<String, DefaultContext>(String.class, (u, c) -> { }),
                        new TypeHandler<Update, DefaultContext>(Update.class, (u, c) -> { }))
                .build().warnings();

        assertEquals(List.of(
                "PollHandler will never trigger in a conversation since it has no information about the chat or the "
                        + "user who voted in it. Do you mean the PollAnswerHandler?",
                "Updates handled by ShippingQueryHandler only have information about the user, so this handler won't "
                        + "ever be triggered if 'perChat' is true." + ConstructionWarnings.SEE_README,
                "Updates handled by PollAnswerHandler only have information about the user, so this handler won't "
                        + "ever be triggered if 'perChat' is true." + ConstructionWarnings.SEE_README,
                "The ConversationHandler only handles updates of type Update. The TypeHandler is set to handle "
                        + "something else (TypeHandler[java.lang.String]), so it will never trigger in a conversation."),
                warnings);
        assertEquals(List.of(), base().perChat(false).state(Step.TWO,
                new PollAnswerHandler<DefaultContext>((u, c) -> { })).build().warnings(), "fine when not per chat");
    }

    @Test
    void aTimeoutWithNestedConversationsWarns() {
        ConversationHandler<DefaultContext> child = base().build();

        assertEquals(List.of("Using 'conversationTimeout' with nested conversations is currently not supported. You "
                        + "can still try to use it, but it will likely behave differently from what you expect."),
                base().state(Step.TWO, child).timeout(Duration.ofMinutes(1)).build().warnings());
        assertEquals(List.of(), base().state(Step.TWO, child).build().warnings());
    }

    // ------------------------------------------------------------------------------------------------ ordering

    @Test
    void theDefaultOrderedAndTheSequentialProcessorsAreSafeForEveryKeyWithAChatOrAUser() {
        for (UpdateProcessor p : List.of(UpdateProcessor.orderedPerChatAndUser(), UpdateProcessor.sequential(),
                UpdateProcessor.concurrent(1))) {
            assertEquals(Optional.empty(), OrderingCheck.problem("c", true, true, p));
            assertEquals(Optional.empty(), OrderingCheck.problem("c", false, true, p));
            assertEquals(Optional.empty(), OrderingCheck.problem("c", true, false, p));
        }
        assertEquals(Optional.empty(), OrderingCheck.problem("c", false, false, UpdateProcessor.sequential()));
    }

    @Test
    void anUnorderedProcessorOrAMessageOnlyKeyUnderTheOrderedOneIsReported() {
        assertTrue(OrderingCheck.problem("c", true, true, UpdateProcessor.concurrent(4)).orElseThrow()
                .contains("can handle two updates of one conversation at the same time"));
        assertTrue(OrderingCheck.problem("c", false, false, UpdateProcessor.orderedPerChatAndUser()).orElseThrow()
                .contains("presses by different users on one inline message can be handled at the same time"));
    }
}
