package dev.telescale.core.conversation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The state of a conversation whose handler runs non-blocking (PTB's {@code PendingState}): the task that will
 * return the next state, and the state before it. Until the task ends, only {@code WAITING} handlers are asked; once
 * it has ended, the next update of the conversation resolves it.
 *
 * @param task     the running callback, completing with the returned state
 * @param oldState the state when the handler started; null when it was an entry point of a new conversation
 */
record PendingState(CompletableFuture<Object> task, Object oldState) {

    /** Whether the task has ended (normally or not). */
    boolean isDone() {
        return task.isDone();
    }

    /**
     * The state to store now that the task ended: what it returned; the old state when it returned null (stay) or
     * failed (the failure already reached the error handlers); {@link ConversationHandler#END} when there is no old
     * state to fall back to (a failed or silent entry point never starts a conversation).
     *
     * @throws IllegalStateException when the task has not ended
     */
    Object resolve() {
        if (!task.isDone()) {
            throw new IllegalStateException("the pending state's task has not ended yet");
        }
        Object result = task.state() == Future.State.SUCCESS ? task.resultNow() : null;
        if (result == null) {
            return oldState == null ? ConversationHandler.END : oldState;
        }
        return result;
    }
}
