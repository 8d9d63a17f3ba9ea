package dev.telescale.benchmarks.dispatch;

import dev.telescale.core.DefaultContext;
import dev.telescale.core.conversation.ConversationHandler;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;

/**
 * The conversation the benchmarks drive: {@code /start} enters state 0; in each of the 5 states a text message
 * moves on to the next state, the last one back to 0, so conversations stay active however long the run; a
 * {@code /cancel} fallback ends one. Keyed per chat and user (the default).
 */
final class FiveStateConversation {

    static final int STATES = 5;

    private FiveStateConversation() {
    }

    static ConversationHandler<DefaultContext> build() {
        ConversationHandler.Builder<DefaultContext> b = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("start", (u, c) -> 0))
                .fallbacks(CommandHandler.returning("cancel", (u, c) -> ConversationHandler.END));
        for (int s = 0; s < STATES; s++) {
            int nextState = (s + 1) % STATES;
            b.state(s, MessageHandler.<DefaultContext>returning(Filters.TEXT.and(Filters.COMMAND.not()),
                    (u, c) -> nextState));
        }
        return b.build();
    }
}
