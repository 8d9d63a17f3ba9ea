package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles shipping queries of invoices with a flexible price (PTB's {@code ShippingQueryHandler}); answer
 * them with {@code answerShippingQuery}. Everything else, and objects that are not an {@code Update}, do not match.
 *
 * <pre>{@code
 * app.addHandler(new ShippingQueryHandler<>((update, context) ->
 *         offerShipping(update.shippingQuery().orElseThrow())));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class ShippingQueryHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    /** Handles every update carrying {@code shipping_query}. */
    public ShippingQueryHandler(HandlerCallback<Update, ? super X> callback) {
        super(HandlerFunction.of(callback));
    }

    private ShippingQueryHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
    }

    private ShippingQueryHandler(ShippingQueryHandler<X> source, boolean block) {
        super(source, block);
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> ShippingQueryHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new ShippingQueryHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** This handler with the given {@code block} flag. */
    public ShippingQueryHandler<X> block(boolean block) {
        return new ShippingQueryHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        return update instanceof Update u && u.shippingQuery().isPresent()
                ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "ShippingQueryHandler";
    }
}
