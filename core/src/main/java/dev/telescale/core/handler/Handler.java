package dev.telescale.core.handler;

import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Optional;

/**
 * Decides whether it takes an update and then handles it (PTB's {@code BaseHandler}). The Application asks the
 * handlers of each group in order and runs the first that matches; see {@code Application} for the full dispatch
 * rules. Implementations must accept any object as the update (custom sources queue anything) and answer
 * {@link CheckResult#noMatch()} for what they do not understand.
 *
 * <p>Most handlers extend {@link CallbackHandler}, which adds a callback and the {@code block} flag; implement
 * this interface directly for a handler that is not a callback (a conversation, a router).
 *
 * @param <X> the callback context type the handler works with
 */
public interface Handler<X extends CallbackContext<?, ?, ?>> {

    /**
     * Whether this handler takes {@code update}. Must not have side effects: it runs for every update that reaches
     * its group. {@code application} gives what a check may need (the bot's username for commands).
     */
    CheckResult check(Object update, Application<?> application);

    /**
     * Handles an update this handler matched, with the value {@link #check} returned. The return value is the
     * callback's: an {@code ApiMethod} is sent (as a webhook reply when possible), anything else is for wrapping
     * handlers such as conversations.
     */
    Object handle(Object update, CheckResult.Match match, X context) throws Exception;

    /**
     * Whether the Application waits for {@link #handle} before asking the next group (PTB's {@code block}). A
     * non-blocking handler runs as a tracked task; {@code ApplicationHandlerStop} from it is ignored with a warning.
     * Defaults to {@link #explicitBlock()}, or {@code true} when the author did not set it.
     */
    default boolean blocking() {
        return explicitBlock().orElse(true);
    }

    /**
     * The {@code block} flag as the author set it ({@code .block(..)}), empty when they did not (PTB's
     * {@code DEFAULT_TRUE}). A wrapping handler, such as a conversation, gives an unset inner handler its own flag
     * and keeps an explicit one.
     */
    default Optional<Boolean> explicitBlock() {
        return Optional.empty();
    }
}
