package dev.telescale.core.handler;

import dev.telescale.api.types.Chat;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles chat boosts added ({@code chat_boost}) or removed ({@code removed_chat_boost}) in a chat where the bot is
 * an administrator (PTB's {@code ChatBoostHandler}). {@link #types} selects which (default {@link Type#CHAT_BOOST});
 * with chat ids or usernames, the chat must have one of them. As in PTB, the {@code block} flag of this handler is
 * always explicit ({@code true} unless changed), so a conversation's {@code block(false)} does not reach it.
 *
 * <pre>{@code
 * app.addHandler(new ChatBoostHandler<>((update, context) -> thank(update)).types(ChatBoostHandler.Type.ANY));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class ChatBoostHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    /**
     * Which boost updates the handler takes (PTB's {@code CHAT_BOOST}, {@code REMOVED_CHAT_BOOST} and
     * {@code ANY_CHAT_BOOST}).
     */
    public enum Type {
        /** Only boosts added ({@code chat_boost}). */
        CHAT_BOOST,
        /** Only boosts removed ({@code removed_chat_boost}). */
        REMOVED_CHAT_BOOST,
        /** Both. */
        ANY
    }

    private final Type type;
    private final IdSelector selector;

    /** Handles boosts added in any chat. */
    public ChatBoostHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private ChatBoostHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback, true);
        this.type = Type.CHAT_BOOST;
        this.selector = IdSelector.NONE;
    }

    private ChatBoostHandler(ChatBoostHandler<X> source, Type type, IdSelector selector) {
        super(source);
        this.type = type;
        this.selector = selector;
    }

    private ChatBoostHandler(ChatBoostHandler<X> source, boolean block) {
        super(source, block);
        this.type = source.type;
        this.selector = source.selector;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> ChatBoostHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new ChatBoostHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Which boost updates to take. */
    public ChatBoostHandler<X> types(Type type) {
        return new ChatBoostHandler<>(this, Objects.requireNonNull(type, "type"), selector);
    }

    /** Only boosts in chats with one of these ids (replacing earlier ids). */
    public ChatBoostHandler<X> chatIds(long... ids) {
        return new ChatBoostHandler<>(this, type, selector.withIds(ids));
    }

    /** Only boosts in chats with one of these usernames (a leading {@code @} is stripped; replacing earlier ones). */
    public ChatBoostHandler<X> usernames(String... usernames) {
        return new ChatBoostHandler<>(this, type, selector.withUsernames(usernames));
    }

    /** This handler with the given {@code block} flag. */
    public ChatBoostHandler<X> block(boolean block) {
        return new ChatBoostHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u)) {
            return CheckResult.noMatch();
        }
        Chat chat;
        if (u.chatBoost().isPresent() && type != Type.REMOVED_CHAT_BOOST) {
            chat = u.chatBoost().get().chat();
        } else if (u.removedChatBoost().isPresent() && type != Type.CHAT_BOOST) {
            chat = u.removedChatBoost().get().chat();
        } else {
            return CheckResult.noMatch();
        }
        return selector.admits(chat.id(), chat.username())
                ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "ChatBoostHandler[" + type + (selector.isEmpty() ? "" : ", " + selector) + "]";
    }
}
