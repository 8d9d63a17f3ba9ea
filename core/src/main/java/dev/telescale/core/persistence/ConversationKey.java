package dev.telescale.core.persistence;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which conversation of a conversation handler a state belongs to: the parts the handler keys by (PTB's tuple of
 * chat id, user id and message id — or the inline message id — with {@code per_chat}, {@code per_user},
 * {@code per_message}), plus the forum topic ({@code message_thread_id}) for handlers that are per thread. Absent
 * parts are not part of the key; two keys are equal when the same parts are present with the same values. A value
 * type with a stable {@link #toString()}, so stores can use it as a map key or turn it into a column or a string.
 *
 * @param chatId          the chat, when the handler is per chat
 * @param userId          the user, when the handler is per user
 * @param messageId       the message with the buttons, when the handler is per message (not an inline message)
 * @param inlineMessageId the inline message, when the handler is per message and the message is inline
 * @param threadId        the forum topic ({@code message_thread_id} of a topic message), when the handler is per
 *                        thread and the update happened in a topic; absent in the General topic and outside forums
 */
public record ConversationKey(OptionalLong chatId, OptionalLong userId, OptionalLong messageId,
                              Optional<String> inlineMessageId, OptionalLong threadId) {

    public ConversationKey {
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(inlineMessageId, "inlineMessageId");
        Objects.requireNonNull(threadId, "threadId");
        if (messageId.isPresent() && inlineMessageId.isPresent()) {
            throw new IllegalArgumentException("A conversation key has a message id or an inline message id, not both");
        }
        if (chatId.isEmpty() && userId.isEmpty() && messageId.isEmpty() && inlineMessageId.isEmpty()) {
            throw new IllegalArgumentException("A conversation key needs at least one of chat id, user id, message "
                    + "id or inline message id (a topic id alone identifies nothing: topic ids repeat across chats)");
        }
    }

    /** A key without the topic part (the shape of keys before topics were added). */
    public ConversationKey(OptionalLong chatId, OptionalLong userId, OptionalLong messageId,
                           Optional<String> inlineMessageId) {
        this(chatId, userId, messageId, inlineMessageId, OptionalLong.empty());
    }

    /** The key of a conversation per chat and user (the default of conversation handlers). */
    public static ConversationKey of(long chatId, long userId) {
        return new ConversationKey(OptionalLong.of(chatId), OptionalLong.of(userId), OptionalLong.empty(),
                Optional.empty());
    }

    /** The key of a conversation per chat only. */
    public static ConversationKey ofChat(long chatId) {
        return new ConversationKey(OptionalLong.of(chatId), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty());
    }

    /** The key of a conversation per user only. */
    public static ConversationKey ofUser(long userId) {
        return new ConversationKey(OptionalLong.empty(), OptionalLong.of(userId), OptionalLong.empty(),
                Optional.empty());
    }

    /** This key with the message part added (per-message conversations). */
    public ConversationKey withMessageId(long messageId) {
        return new ConversationKey(chatId, userId, OptionalLong.of(messageId), Optional.empty(), threadId);
    }

    /** This key with the inline message part added (per-message conversations on inline messages). */
    public ConversationKey withInlineMessageId(String inlineMessageId) {
        return new ConversationKey(chatId, userId, OptionalLong.empty(),
                Optional.of(Objects.requireNonNull(inlineMessageId, "inlineMessageId")), threadId);
    }

    /** This key with the forum topic part added (per-thread conversations in a topic). */
    public ConversationKey withThreadId(long threadId) {
        return new ConversationKey(chatId, userId, messageId, inlineMessageId, OptionalLong.of(threadId));
    }

    /**
     * The parts in PTB's order, then the topic: {@code [-100123, 42]}, {@code [42, "AAE..."]},
     * {@code [-100123, 42, thread:7]}. This format is stable: keys without a topic print exactly as before topics
     * existed, and the topic is always last and always prefixed {@code thread:}. Which parts a key has depends on the
     * handler's per-options, so the string alone does not say which number is which; stores that must read keys
     * back should store the components.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        chatId.ifPresent(id -> s.append(id).append(", "));
        userId.ifPresent(id -> s.append(id).append(", "));
        messageId.ifPresent(id -> s.append(id).append(", "));
        inlineMessageId.ifPresent(id -> s.append('"').append(id).append("\", "));
        threadId.ifPresent(id -> s.append("thread:").append(id).append(", "));
        s.setLength(s.length() - 2);
        return s.append(']').toString();
    }
}
