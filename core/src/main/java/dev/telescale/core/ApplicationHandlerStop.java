package dev.telescale.core;

/**
 * Thrown by a (blocking) handler or error handler to stop dispatching the current update: no handler of a later
 * group runs. From a handler running with {@code block(false)} or a task it is ignored with a warning, as in PTB,
 * because later groups did not wait for it. Carries no stack trace: it is control flow, not an error.
 *
 * <p>Inside a {@code ConversationHandler}, {@code new ApplicationHandlerStop(state)} also sets the conversation's
 * next state: the conversation stores it (or, in a nested conversation, maps it to its parent) and then rethrows, so
 * dispatch stops all the same. A stop without a state leaves the state unchanged.
 */
public class ApplicationHandlerStop extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object state;

    /** Stops dispatching. */
    public ApplicationHandlerStop() {
        this(null);
    }

    /** Stops dispatching and carries a state for a wrapping conversation handler (PTB's {@code state}). */
    public ApplicationHandlerStop(Object state) {
        super("dispatch of the current update was stopped by a handler", null, false, false);
        this.state = state;
    }

    /** The state given to the constructor, for conversations; null when none (the conversation stays). */
    public Object state() {
        return state;
    }
}
