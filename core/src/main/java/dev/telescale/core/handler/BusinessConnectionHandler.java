package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles a business account connecting to or disconnecting from the bot, or editing the connection (PTB's
 * {@code BusinessConnectionHandler}). Without ids or usernames it takes every {@code business_connection}; with
 * them, the business account's user must have one of the ids or one of the usernames.
 *
 * <pre>{@code
 * app.addHandler(new BusinessConnectionHandler<>((update, context) -> onConnection(update)).userIds(OWNER_ID));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class BusinessConnectionHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final IdSelector selector;

    /** Handles every update carrying {@code business_connection}. */
    public BusinessConnectionHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private BusinessConnectionHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.selector = IdSelector.NONE;
    }

    private BusinessConnectionHandler(BusinessConnectionHandler<X> source, IdSelector selector) {
        super(source);
        this.selector = selector;
    }

    private BusinessConnectionHandler(BusinessConnectionHandler<X> source, boolean block) {
        super(source, block);
        this.selector = source.selector;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> BusinessConnectionHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new BusinessConnectionHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only connections of users with one of these ids (replacing earlier ids). */
    public BusinessConnectionHandler<X> userIds(long... ids) {
        return new BusinessConnectionHandler<>(this, selector.withIds(ids));
    }

    /**
     * Only connections of users with one of these usernames
     * (a leading {@code @} is stripped; replacing earlier usernames).
     */
    public BusinessConnectionHandler<X> usernames(String... usernames) {
        return new BusinessConnectionHandler<>(this, selector.withUsernames(usernames));
    }

    /** This handler with the given {@code block} flag. */
    public BusinessConnectionHandler<X> block(boolean block) {
        return new BusinessConnectionHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.businessConnection().isEmpty()) {
            return CheckResult.noMatch();
        }
        var v = u.businessConnection().get();
        return selector.admits(v.user().id(), v.user().username())
                ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "BusinessConnectionHandler[" + selector + "]";
    }
}
