package dev.telescale.core.conversation;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CheckResult;
import dev.telescale.core.handler.ChosenInlineResultHandler;
import dev.telescale.core.handler.Handler;
import dev.telescale.core.handler.InlineQueryHandler;
import dev.telescale.core.handler.PollAnswerHandler;
import dev.telescale.core.handler.PollHandler;
import dev.telescale.core.handler.PreCheckoutQueryHandler;
import dev.telescale.core.handler.ShippingQueryHandler;
import dev.telescale.core.handler.StringCommandHandler;
import dev.telescale.core.handler.StringRegexHandler;
import dev.telescale.core.handler.TypeHandler;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The warnings of PTB's {@code ConversationHandler} constructor (§7.2), in Java names: settings that make inner
 * handlers never trigger or not behave as their author probably expects. One chain of checks per inner handler
 * (the first that applies), plus the per-option and timeout checks; identical texts are reported once.
 */
final class ConstructionWarnings {

    /** Where the warnings send the reader for the per-options. */
    static final String SEE_README = " See \"Conversations\" in the README of telescale-core.";

    /** An Update to ask a TypeHandler whether it takes Updates at all (its check has no side effects). */
    private static final Update PROBE = TelegramJson.parse("{\"update_id\":0}", Update.class);

    private ConstructionWarnings() {
    }

    /** The warnings for a handler with these inner handlers (entry points, state handlers, fallbacks) and options. */
    static List<String> of(List<? extends Handler<?>> inner, boolean perChat, boolean perMessage, boolean perThread,
                           Duration timeout) {
        Set<String> warnings = new LinkedHashSet<>();
        if (perMessage && !perChat) {
            warnings.add("If 'perMessage' is true, 'perChat' should be true too, since message ids are not globally "
                    + "unique.");
        }
        if (perThread && !perChat) {
            warnings.add("If 'perThread' is true, 'perChat' should be true too, since topic ids (message_thread_id) "
                    + "are only unique within a chat.");
        }
        for (Handler<?> handler : inner) {
            String kind = handler.getClass().getSimpleName();
            if (handler instanceof StringCommandHandler<?> || handler instanceof StringRegexHandler<?>) {
                warnings.add("The ConversationHandler only handles updates of type Update. " + kind
                        + " handles updates of type String, so it will never trigger in a conversation.");
            } else if (handler instanceof TypeHandler<?, ?> typeHandler && !takesUpdates(typeHandler)) {
                warnings.add("The ConversationHandler only handles updates of type Update. The TypeHandler is set to "
                        + "handle something else (" + handler + "), so it will never trigger in a conversation.");
            } else if (handler instanceof PollHandler<?>) {
                warnings.add("PollHandler will never trigger in a conversation since it has no information about the "
                        + "chat or the user who voted in it. Do you mean the PollAnswerHandler?");
            } else if (perChat && userOnly(handler)) {
                warnings.add("Updates handled by " + kind + " only have information about the user, so this handler "
                        + "won't ever be triggered if 'perChat' is true." + SEE_README);
            } else if (perMessage && !(handler instanceof CallbackQueryHandler<?>)) {
                warnings.add("If 'perMessage' is true, all entry points, state handlers, and fallbacks must be "
                        + "CallbackQueryHandler, since no other handlers have a message context." + SEE_README);
            } else if (!perMessage && handler instanceof CallbackQueryHandler<?>) {
                warnings.add("If 'perMessage' is false, CallbackQueryHandler will not be tracked for every message."
                        + SEE_README);
            }
            if (timeout != null && handler instanceof ConversationHandler<?>) {
                warnings.add("Using 'conversationTimeout' with nested conversations is currently not supported. You "
                        + "can still try to use it, but it will likely behave differently from what you expect.");
            }
        }
        return List.copyOf(warnings);
    }

    /** Handlers of updates that carry a user but no chat. */
    private static boolean userOnly(Handler<?> handler) {
        return handler instanceof ShippingQueryHandler<?> || handler instanceof InlineQueryHandler<?>
                || handler instanceof ChosenInlineResultHandler<?> || handler instanceof PreCheckoutQueryHandler<?>
                || handler instanceof PollAnswerHandler<?>;
    }

    private static boolean takesUpdates(TypeHandler<?, ?> handler) {
        return handler.check(PROBE, null) instanceof CheckResult.Match;
    }
}
