package dev.telescale.core.conversation;

import dev.telescale.core.CallbackContext;
import dev.telescale.core.handler.CheckResult;
import dev.telescale.core.handler.Handler;
import dev.telescale.core.persistence.ConversationKey;

/**
 * What a conversation handler's check chose, handed back to its {@code handle} (PTB's tuple
 * {@code (state, key, handler, check_result)}).
 *
 * @param key     the conversation
 * @param state   its state when the update arrived; null when no conversation was going on
 * @param handler the inner handler that matched
 * @param match   that handler's own check result
 * @param waiting whether the handler is a {@code WAITING} handler chosen while a non-blocking callback runs (its
 *                result never changes the state)
 * @param <X>     the context type
 */
record Selection<X extends CallbackContext<?, ?, ?>>(ConversationKey key, Object state, Handler<? super X> handler, CheckResult.Match match,
                    boolean waiting) {
}
