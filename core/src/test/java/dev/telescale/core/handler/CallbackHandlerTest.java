package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The handler contract: the three-valued block flag ({@code explicitBlock}), {@code blocking()} derived from it,
 * the hook order of {@code handle}, returned values, and a match value that is falsy in Python still a match.
 */
class CallbackHandlerTest extends HandlerTestBase {

    /** A minimal handler written against the public base class, as a user would. */
    static final class EveryUpdate extends CallbackHandler<Update, DefaultContext> {
        final List<String> events;

        EveryUpdate(List<String> events, boolean block) {
            super((u, c) -> {
                events.add("callback " + c.args());
                return "result";
            }, block);
            this.events = events;
        }

        EveryUpdate(List<String> events) {
            super(HandlerFunction.of((u, c) -> events.add("callback " + c.args())));
            this.events = events;
        }

        @Override
        public CheckResult check(Object update, Application<?> application) {
            return update instanceof Update ? CheckResult.match(0) : CheckResult.noMatch();
        }

        @Override
        protected void collectAdditionalContext(DefaultContext context, Update update, CheckResult.Match match) {
            events.add("collect " + match.value());
            context.setArgs(List.of("from-hook"));
        }
    }

    @Test
    void theBlockFlagIsUnsetUntilTheAuthorSetsIt() {
        EveryUpdate unset = new EveryUpdate(List.of());
        assertEquals(Optional.empty(), unset.explicitBlock());
        assertTrue(unset.blocking());
        assertEquals(Optional.of(false), new EveryUpdate(List.of(), false).explicitBlock());
        assertFalse(new EveryUpdate(List.of(), false).blocking());
        assertEquals(Optional.of(true), new EveryUpdate(List.of(), true).explicitBlock());
    }

    @Test
    void theInterfaceDefaultsAreUnsetAndBlocking() {
        Handler<DefaultContext> bare = new Handler<>() {
            public CheckResult check(Object update, Application<?> application) {
                return CheckResult.noMatch();
            }

            public Object handle(Object update, CheckResult.Match match, DefaultContext context) {
                return null;
            }
        };
        assertEquals(Optional.empty(), bare.explicitBlock());
        assertTrue(bare.blocking());
        Handler<DefaultContext> explicitFalse = new Handler<>() {
            public CheckResult check(Object update, Application<?> application) {
                return CheckResult.noMatch();
            }

            public Object handle(Object update, CheckResult.Match match, DefaultContext context) {
                return null;
            }

            public Optional<Boolean> explicitBlock() {
                return Optional.of(false);
            }
        };
        assertFalse(explicitFalse.blocking(), "blocking() follows explicitBlock()");
    }

    @Test
    void everyHandlersFlagIsUnsetByDefaultAndSetByBlock() {
        List<CallbackHandler<?, DefaultContext>> handlers = List.of(
                new BusinessConnectionHandler<>((u, c) -> { }), new BusinessMessagesDeletedHandler<>((u, c) -> { }),
                new CallbackQueryHandler<>((u, c) -> { }), new ChatJoinRequestHandler<>((u, c) -> { }),
                new ChatMemberHandler<>((u, c) -> { }), new ChosenInlineResultHandler<>((u, c) -> { }),
                new CommandHandler<>("x", (u, c) -> { }), new GuestMessageHandler<>((u, c) -> { }),
                new InlineQueryHandler<>((u, c) -> { }), new ManagedBotUpdatedHandler<>((u, c) -> { }),
                new MessageHandler<>((u, c) -> { }), new MessageReactionHandler<>((u, c) -> { }),
                new PaidMediaPurchasedHandler<>((u, c) -> { }), new PollAnswerHandler<>((u, c) -> { }),
                new PollHandler<>((u, c) -> { }), new PreCheckoutQueryHandler<>((u, c) -> { }),
                new PrefixHandler<>("!", "x", (u, c) -> { }), new ShippingQueryHandler<>((u, c) -> { }),
                new StringCommandHandler<>("x", (u, c) -> { }), new StringRegexHandler<>("x", (u, c) -> { }),
                new TypeHandler<>(Object.class, (u, c) -> { }),
                new UpdateTypeHandler<>(dev.telescale.api.types.UpdateType.POLL, (u, c) -> { }));
        for (CallbackHandler<?, DefaultContext> h : handlers) {
            assertEquals(Optional.empty(), h.explicitBlock(), h.toString());
            assertTrue(h.blocking(), h.toString());
        }
        assertEquals(Optional.of(true), new ChatBoostHandler<DefaultContext>((u, c) -> { }).explicitBlock(),
                "the one PTB handler whose block is a plain True");
    }

    @Test
    void handleRunsTheHookThenTheCallbackAndAZeroMatchValueIsAMatch() {
        List<String> events = new CopyOnWriteArrayList<>();
        dispatch(new EveryUpdate(events, true), textMessage("x"));
        assertEquals(List.of("collect 0", "callback [from-hook]"), events);
    }
}
