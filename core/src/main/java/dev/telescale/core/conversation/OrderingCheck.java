package dev.telescale.core.conversation;

import dev.telescale.core.processor.OrderedProcessor;
import dev.telescale.core.processor.UpdateProcessor;
import java.util.Optional;

/**
 * Whether an application's update processor keeps two updates of one conversation from being handled at the same
 * time (see "Concurrency" in {@link ConversationHandler}). A conversation reads its state in {@code check} and
 * writes it after the callback; two updates of one key handled at once would both start from the same state and
 * the later write would silently win.
 */
final class OrderingCheck {

    private OrderingCheck() {
    }

    /** Why the combination is unsafe, or empty when it is safe. */
    static Optional<String> problem(String handler, boolean perChat, boolean perUser, UpdateProcessor processor) {
        if (processor.maxConcurrentUpdates() == 1) {
            return Optional.empty(); // one update at a time: nothing can interleave
        }
        if (processor instanceof OrderedProcessor) {
            if (perChat || perUser) {
                return Optional.empty(); // every key holds a chat or a user, and the processor orders both
            }
            return Optional.of(handler + " is keyed by message only (perChat and perUser false). Under the ordered "
                    + "processor the presses on one message in a chat are ordered by the chat, but inline messages have "
                    + "no chat: presses by different users on one inline message can be handled at the same time and "
                    + "the later state wins. Set perUser(true) or perChat(true), or use UpdateProcessor.sequential().");
        }
        return Optional.of(handler + " runs under " + processor + ", which can handle two updates of one "
                + "conversation at the same time: both start from the same state and the later one's state wins. Use "
                + "the default UpdateProcessor.orderedPerChatAndUser() (or sequential()), which handles the updates of "
                + "one chat and of one user one at a time.");
    }
}
