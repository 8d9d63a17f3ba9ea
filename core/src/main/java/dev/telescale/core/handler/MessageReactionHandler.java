package dev.telescale.core.handler;

import dev.telescale.api.types.Chat;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Handles reactions to messages (PTB's {@code MessageReactionHandler}): a user's changed reaction
 * ({@code message_reaction}), the new anonymous counts ({@code message_reaction_count}), or both (the default,
 * {@link Type#MESSAGE_REACTION}). With chat ids or usernames, or user ids or usernames, any one of them matching
 * suffices. Count updates have no user, so user filters need {@link Type#MESSAGE_REACTION_UPDATED}: set the type
 * first, then the users; any other combination is refused with an {@code IllegalArgumentException}, as PTB's
 * constructor refuses it. The bot must ask for reactions in {@code allowed_updates}.
 *
 * <pre>{@code
 * app.addHandler(new MessageReactionHandler<>(this::onReaction)
 *         .types(MessageReactionHandler.Type.MESSAGE_REACTION_UPDATED).userIds(ADMIN_ID));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class MessageReactionHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    /** Which reaction updates the handler takes (PTB's constants of the same names). */
    public enum Type {
        /** Only a user's changed reaction ({@code message_reaction}). */
        MESSAGE_REACTION_UPDATED,
        /** Only changed anonymous counts ({@code message_reaction_count}). */
        MESSAGE_REACTION_COUNT_UPDATED,
        /** Both (the default). */
        MESSAGE_REACTION
    }

    private final Type type;
    private final IdSelector chats;
    private final IdSelector users;

    /** Handles every reaction update. */
    public MessageReactionHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private MessageReactionHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.type = Type.MESSAGE_REACTION;
        this.chats = IdSelector.NONE;
        this.users = IdSelector.NONE;
    }

    private MessageReactionHandler(MessageReactionHandler<X> source, Type type, IdSelector chats, IdSelector users) {
        super(source);
        if (!users.isEmpty() && type != Type.MESSAGE_REACTION_UPDATED) {
            throw new IllegalArgumentException("A MessageReactionHandler cannot filter for users and include "
                    + "anonymous reaction counts: call .types(MessageReactionHandler.Type.MESSAGE_REACTION_UPDATED) "
                    + "before .userIds(..) or .userUsernames(..)");
        }
        this.type = type;
        this.chats = chats;
        this.users = users;
    }

    private MessageReactionHandler(MessageReactionHandler<X> source, boolean block) {
        super(source, block);
        this.type = source.type;
        this.chats = source.chats;
        this.users = source.users;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> MessageReactionHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new MessageReactionHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Which reaction updates to take; only {@code MESSAGE_REACTION_UPDATED} once user filters are set. */
    public MessageReactionHandler<X> types(Type type) {
        return new MessageReactionHandler<>(this, Objects.requireNonNull(type, "type"), chats, users);
    }

    /** Reactions in chats with one of these ids (replacing earlier chat ids). */
    public MessageReactionHandler<X> chatIds(long... ids) {
        return new MessageReactionHandler<>(this, type, chats.withIds(ids), users);
    }

    /** Reactions in chats with one of these usernames (a leading {@code @} is stripped; replacing earlier ones). */
    public MessageReactionHandler<X> chatUsernames(String... usernames) {
        return new MessageReactionHandler<>(this, type, chats.withUsernames(usernames), users);
    }

    /** Reactions of users with one of these ids (replacing earlier ones); needs {@code MESSAGE_REACTION_UPDATED}. */
    public MessageReactionHandler<X> userIds(long... ids) {
        return new MessageReactionHandler<>(this, type, chats, users.withIds(ids));
    }

    /** Reactions of users with one of these usernames ({@code @} stripped); needs {@code MESSAGE_REACTION_UPDATED}. */
    public MessageReactionHandler<X> userUsernames(String... usernames) {
        return new MessageReactionHandler<>(this, type, chats, users.withUsernames(usernames));
    }

    /** This handler with the given {@code block} flag. */
    public MessageReactionHandler<X> block(boolean block) {
        return new MessageReactionHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u)) {
            return CheckResult.noMatch();
        }
        Chat chat;
        Optional<User> user;
        if (u.messageReaction().isPresent() && type != Type.MESSAGE_REACTION_COUNT_UPDATED) {
            chat = u.messageReaction().get().chat();
            user = u.messageReaction().get().user();
        } else if (u.messageReactionCount().isPresent() && type != Type.MESSAGE_REACTION_UPDATED) {
            chat = u.messageReactionCount().get().chat();
            user = Optional.empty();
        } else {
            return CheckResult.noMatch();
        }
        if (chats.isEmpty() && users.isEmpty()) {
            return CheckResult.match();
        }
        boolean selected = chats.selects(chat.id(), chat.username())
                || user.filter(v -> users.selects(v.id(), v.username())).isPresent();
        return selected ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "MessageReactionHandler[" + type + (chats.isEmpty() ? "" : ", chats " + chats)
                + (users.isEmpty() ? "" : ", users " + users) + "]";
    }
}
