package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles requests to join a chat the bot administers (PTB's {@code ChatJoinRequestHandler}). Without ids or
 * usernames it takes every {@code chat_join_request}; with them, the chat must have one of the ids, or the
 * <em>requesting user</em> one of the usernames (as PTB checks {@code from_user.username}, although its
 * documentation speaks of the chat's).
 *
 * <pre>{@code
 * app.addHandler(new ChatJoinRequestHandler<>((update, context) -> approve(update)).chatIds(GROUP_ID));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class ChatJoinRequestHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final IdSelector selector;

    /** Handles every update carrying {@code chat_join_request}. */
    public ChatJoinRequestHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private ChatJoinRequestHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.selector = IdSelector.NONE;
    }

    private ChatJoinRequestHandler(ChatJoinRequestHandler<X> source, IdSelector selector) {
        super(source);
        this.selector = selector;
    }

    private ChatJoinRequestHandler(ChatJoinRequestHandler<X> source, boolean block) {
        super(source, block);
        this.selector = source.selector;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> ChatJoinRequestHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new ChatJoinRequestHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only requests to join chats with one of these ids (replacing earlier ids). */
    public ChatJoinRequestHandler<X> chatIds(long... ids) {
        return new ChatJoinRequestHandler<>(this, selector.withIds(ids));
    }

    /**
     * Only requests from users with one of these usernames
     * (a leading {@code @} is stripped; replacing earlier usernames).
     */
    public ChatJoinRequestHandler<X> usernames(String... usernames) {
        return new ChatJoinRequestHandler<>(this, selector.withUsernames(usernames));
    }

    /** This handler with the given {@code block} flag. */
    public ChatJoinRequestHandler<X> block(boolean block) {
        return new ChatJoinRequestHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.chatJoinRequest().isEmpty()) {
            return CheckResult.noMatch();
        }
        var v = u.chatJoinRequest().get();
        return selector.admits(v.chat().id(), v.from().username())
                ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "ChatJoinRequestHandler[" + selector + "]";
    }
}
