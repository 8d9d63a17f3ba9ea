package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles messages deleted from a connected business account (PTB's {@code BusinessMessagesDeletedHandler}).
 * Without ids or usernames it takes every {@code deleted_business_messages}; with them, the chat must have one of
 * the ids or one of the usernames.
 *
 * <pre>{@code
 * app.addHandler(new BusinessMessagesDeletedHandler<>((update, context) -> forget(update))
 *         .chatIds(CHAT_ID));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class BusinessMessagesDeletedHandler<X extends CallbackContext<?, ?, ?>>
        extends CallbackHandler<Update, X> {

    private final IdSelector selector;

    /** Handles every update carrying {@code deleted_business_messages}. */
    public BusinessMessagesDeletedHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private BusinessMessagesDeletedHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.selector = IdSelector.NONE;
    }

    private BusinessMessagesDeletedHandler(BusinessMessagesDeletedHandler<X> source, IdSelector selector) {
        super(source);
        this.selector = selector;
    }

    private BusinessMessagesDeletedHandler(BusinessMessagesDeletedHandler<X> source, boolean block) {
        super(source, block);
        this.selector = source.selector;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> BusinessMessagesDeletedHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new BusinessMessagesDeletedHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only deletions in chats with one of these ids (replacing earlier ids). */
    public BusinessMessagesDeletedHandler<X> chatIds(long... ids) {
        return new BusinessMessagesDeletedHandler<>(this, selector.withIds(ids));
    }

    /**
     * Only deletions in chats with one of these usernames
     * (a leading {@code @} is stripped; replacing earlier usernames).
     */
    public BusinessMessagesDeletedHandler<X> usernames(String... usernames) {
        return new BusinessMessagesDeletedHandler<>(this, selector.withUsernames(usernames));
    }

    /** This handler with the given {@code block} flag. */
    public BusinessMessagesDeletedHandler<X> block(boolean block) {
        return new BusinessMessagesDeletedHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.deletedBusinessMessages().isEmpty()) {
            return CheckResult.noMatch();
        }
        var v = u.deletedBusinessMessages().get();
        return selector.admits(v.chat().id(), v.chat().username())
                ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "BusinessMessagesDeletedHandler[" + selector + "]";
    }
}
