package dev.telescale.core.handler;

import dev.telescale.api.types.ChatMemberUpdated;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Handles changes of chat membership (PTB's {@code ChatMemberHandler}): of the bot itself ({@code my_chat_member},
 * the default), of other members ({@code chat_member}; the bot must be an administrator and ask for them in
 * {@code allowed_updates}), or both ({@link Type#ANY}). With chat ids, the chat must have one of them.
 *
 * <pre>{@code
 * app.addHandler(new ChatMemberHandler<>(this::trackChats));                       // the bot added, removed, blocked
 * app.addHandler(new ChatMemberHandler<>(this::greet).types(ChatMemberHandler.Type.CHAT_MEMBER));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class ChatMemberHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    /**
     * Which membership updates the handler takes (PTB's {@code MY_CHAT_MEMBER}, {@code CHAT_MEMBER} and
     * {@code ANY_CHAT_MEMBER}).
     */
    public enum Type {
        /** Only changes of the bot's own membership ({@code my_chat_member}). */
        MY_CHAT_MEMBER,
        /** Only changes of other members ({@code chat_member}). */
        CHAT_MEMBER,
        /** Both. */
        ANY
    }

    private final Type type;
    private final IdSelector selector;

    /** Handles changes of the bot's own membership in any chat. */
    public ChatMemberHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private ChatMemberHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.type = Type.MY_CHAT_MEMBER;
        this.selector = IdSelector.NONE;
    }

    private ChatMemberHandler(ChatMemberHandler<X> source, Type type, IdSelector selector) {
        super(source);
        this.type = type;
        this.selector = selector;
    }

    private ChatMemberHandler(ChatMemberHandler<X> source, boolean block) {
        super(source, block);
        this.type = source.type;
        this.selector = source.selector;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> ChatMemberHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new ChatMemberHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Which membership updates to take. */
    public ChatMemberHandler<X> types(Type type) {
        return new ChatMemberHandler<>(this, Objects.requireNonNull(type, "type"), selector);
    }

    /** Only changes in chats with one of these ids (replacing earlier ids). */
    public ChatMemberHandler<X> chatIds(long... ids) {
        return new ChatMemberHandler<>(this, type, selector.withIds(ids));
    }

    /** This handler with the given {@code block} flag. */
    public ChatMemberHandler<X> block(boolean block) {
        return new ChatMemberHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u)) {
            return CheckResult.noMatch();
        }
        Optional<ChatMemberUpdated> change = switch (type) {
            case MY_CHAT_MEMBER -> u.myChatMember();
            case CHAT_MEMBER -> u.chatMember();
            case ANY -> u.myChatMember().or(u::chatMember);
        };
        if (change.isEmpty()) {
            return CheckResult.noMatch();
        }
        // PTB selects member updates by chat id only: there is no username to compare
        return selector.admits(change.get().chat().id(), Optional.empty())
                ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "ChatMemberHandler[" + type + (selector.isEmpty() ? "" : ", " + selector) + "]";
    }
}
