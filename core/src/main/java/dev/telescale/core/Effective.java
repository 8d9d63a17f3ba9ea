package dev.telescale.core;

import dev.telescale.api.types.CallbackQuery;
import dev.telescale.api.types.Chat;
import dev.telescale.api.types.InaccessibleMessage;
import dev.telescale.api.types.MaybeInaccessibleMessage;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.UnknownMaybeInaccessibleMessage;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The "effective" message, chat and user of an update, as PTB's {@code Update.effective_*} properties define them:
 * whichever part of the update carries them (a message, a callback query's message, a chat member change, a
 * reaction, ...). Dispatch keys data, ordering and shortcuts on these. Objects that are not an {@link Update}
 * (custom update types) have none.
 */
public final class Effective {

    private Effective() {
    }

    /**
     * The message of a message-like update (message, edited message, channel post, edited channel post, business
     * message, edited business message, guest message) or the accessible message of a callback query.
     */
    public static Optional<Message> message(Object update) {
        if (!(update instanceof Update u)) {
            return Optional.empty();
        }
        Optional<Message> m = messageLike(u);
        if (m.isPresent()) {
            return m;
        }
        return u.callbackQuery().flatMap(CallbackQuery::message)
                .flatMap(maybe -> maybe instanceof Message msg ? Optional.of(msg) : Optional.empty());
    }

    /**
     * The message of a message-like update only (not a callback query's message): what PTB's filters look at.
     */
    public static Optional<Message> filterMessage(Update u) {
        return messageLike(u);
    }

    /**
     * The chat the update happened in, as PTB's {@code effective_chat}: the chat of a message-like update, of a
     * callback query's message (accessible or not), a chat member change, join request, boost, reaction, reaction
     * count or deleted business messages. None for inline queries, chosen results, inline-message callback
     * queries, shipping and pre-checkout queries, polls, poll answers, business connections, paid media purchases
     * and managed bots.
     */
    public static Optional<Chat> chat(Object update) {
        if (!(update instanceof Update u)) {
            return Optional.empty();
        }
        Optional<Message> m = messageLike(u);
        if (m.isPresent()) {
            return Optional.of(m.get().chat());
        }
        return switch (u.type()) {
            case CALLBACK_QUERY -> u.callbackQuery().flatMap(CallbackQuery::message).flatMap(Effective::chatOf);
            case MY_CHAT_MEMBER -> u.myChatMember().map(c -> c.chat());
            case CHAT_MEMBER -> u.chatMember().map(c -> c.chat());
            case CHAT_JOIN_REQUEST -> u.chatJoinRequest().map(c -> c.chat());
            case CHAT_BOOST -> u.chatBoost().map(c -> c.chat());
            case REMOVED_CHAT_BOOST -> u.removedChatBoost().map(c -> c.chat());
            case MESSAGE_REACTION -> u.messageReaction().map(r -> r.chat());
            case MESSAGE_REACTION_COUNT -> u.messageReactionCount().map(r -> r.chat());
            case DELETED_BUSINESS_MESSAGES -> u.deletedBusinessMessages().map(d -> d.chat());
            default -> Optional.empty();
        };
    }

    /**
     * The user who caused the update, as PTB's {@code effective_user}: the sender of a message, edit, business or
     * guest message, or of a channel post signed by a user (PTB 22.8); the user of a query, chosen result, poll
     * answer, chat member change, join request, reaction, business connection, paid media purchase or managed bot
     * (its creator). None for unsigned channel posts, polls, chat boosts (PTB: the booster is not the sender),
     * anonymous reactions and reaction counts, and deleted business messages.
     */
    public static Optional<User> user(Object update) {
        if (!(update instanceof Update u)) {
            return Optional.empty();
        }
        Optional<Message> m = messageLike(u);
        if (m.isPresent()) {
            return m.get().from();
        }
        return switch (u.type()) {
            case CALLBACK_QUERY -> u.callbackQuery().map(CallbackQuery::from);
            case INLINE_QUERY -> u.inlineQuery().map(q -> q.from());
            case CHOSEN_INLINE_RESULT -> u.chosenInlineResult().map(r -> r.from());
            case SHIPPING_QUERY -> u.shippingQuery().map(q -> q.from());
            case PRE_CHECKOUT_QUERY -> u.preCheckoutQuery().map(q -> q.from());
            case POLL_ANSWER -> u.pollAnswer().flatMap(a -> a.user());
            case MY_CHAT_MEMBER -> u.myChatMember().map(c -> c.from());
            case CHAT_MEMBER -> u.chatMember().map(c -> c.from());
            case CHAT_JOIN_REQUEST -> u.chatJoinRequest().map(c -> c.from());
            case MESSAGE_REACTION -> u.messageReaction().flatMap(r -> r.user());
            case BUSINESS_CONNECTION -> u.businessConnection().map(c -> c.user());
            case PURCHASED_PAID_MEDIA -> u.purchasedPaidMedia().map(p -> p.from());
            case MANAGED_BOT -> u.managedBot().map(b -> b.user());
            default -> Optional.empty();
        };
    }

    /** The id of {@link #chat(Object)}. */
    public static OptionalLong chatId(Object update) {
        Optional<Chat> chat = chat(update);
        return chat.isPresent() ? OptionalLong.of(chat.get().id()) : OptionalLong.empty();
    }

    /** The id of {@link #user(Object)}. */
    public static OptionalLong userId(Object update) {
        Optional<User> user = user(update);
        return user.isPresent() ? OptionalLong.of(user.get().id()) : OptionalLong.empty();
    }

    private static Optional<Message> messageLike(Update u) {
        return switch (u.type()) {
            case MESSAGE -> u.message();
            case EDITED_MESSAGE -> u.editedMessage();
            case CHANNEL_POST -> u.channelPost();
            case EDITED_CHANNEL_POST -> u.editedChannelPost();
            case BUSINESS_MESSAGE -> u.businessMessage();
            case EDITED_BUSINESS_MESSAGE -> u.editedBusinessMessage();
            case GUEST_MESSAGE -> u.guestMessage();
            default -> Optional.empty();
        };
    }

    private static Optional<Chat> chatOf(MaybeInaccessibleMessage message) {
        return switch (message) {
            case Message m -> Optional.of(m.chat());
            case InaccessibleMessage m -> Optional.of(m.chat());
            case UnknownMaybeInaccessibleMessage m -> Optional.empty();
        };
    }
}
