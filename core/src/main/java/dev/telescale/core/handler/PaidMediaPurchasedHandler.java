package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles a user's purchase of paid media the bot sent with a payload (PTB's
 * {@code PaidMediaPurchasedHandler}). Without ids or usernames it takes every {@code purchased_paid_media}; with
 * them, the buyer must have one of the ids or one of the usernames.
 *
 * <pre>{@code
 * app.addHandler(new PaidMediaPurchasedHandler<>((update, context) -> deliver(update)));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class PaidMediaPurchasedHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final IdSelector selector;

    /** Handles every update carrying {@code purchased_paid_media}. */
    public PaidMediaPurchasedHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private PaidMediaPurchasedHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.selector = IdSelector.NONE;
    }

    private PaidMediaPurchasedHandler(PaidMediaPurchasedHandler<X> source, IdSelector selector) {
        super(source);
        this.selector = selector;
    }

    private PaidMediaPurchasedHandler(PaidMediaPurchasedHandler<X> source, boolean block) {
        super(source, block);
        this.selector = source.selector;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> PaidMediaPurchasedHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new PaidMediaPurchasedHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only purchases by users with one of these ids (replacing earlier ids). */
    public PaidMediaPurchasedHandler<X> userIds(long... ids) {
        return new PaidMediaPurchasedHandler<>(this, selector.withIds(ids));
    }

    /**
     * Only purchases by users with one of these usernames
     * (a leading {@code @} is stripped; replacing earlier usernames).
     */
    public PaidMediaPurchasedHandler<X> usernames(String... usernames) {
        return new PaidMediaPurchasedHandler<>(this, selector.withUsernames(usernames));
    }

    /** This handler with the given {@code block} flag. */
    public PaidMediaPurchasedHandler<X> block(boolean block) {
        return new PaidMediaPurchasedHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.purchasedPaidMedia().isEmpty()) {
            return CheckResult.noMatch();
        }
        var v = u.purchasedPaidMedia().get();
        return selector.admits(v.from().id(), v.from().username())
                ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "PaidMediaPurchasedHandler[" + selector + "]";
    }
}
