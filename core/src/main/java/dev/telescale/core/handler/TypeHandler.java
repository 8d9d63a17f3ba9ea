package dev.telescale.core.handler;

import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles every update that is an instance of a class (PTB's {@code TypeHandler}): the way to handle custom
 * objects a source put on the queue, or every {@code Update} at all. {@link #strict} requires the exact class.
 *
 * <pre>{@code
 * app.addHandler(new TypeHandler<>(PaymentEvent.class, (event, context) -> ...));
 * }</pre>
 *
 * @param <T> the class handled
 * @param <X> the context type
 */
public final class TypeHandler<T, X extends CallbackContext<?, ?, ?>> extends CallbackHandler<T, X> {

    private final Class<T> type;
    private final boolean strict;

    /** Handles instances of {@code type} (and of its subclasses). */
    public TypeHandler(Class<T> type, HandlerCallback<T, ? super X> callback) {
        this(type, HandlerFunction.of(callback), false, true);
    }

    private TypeHandler(Class<T> type, HandlerFunction<? super T, ? super X> callback, boolean strict,
                        boolean block) {
        super(callback, block);
        this.type = Objects.requireNonNull(type, "type");
        this.strict = strict;
    }

    /** A handler whose callback returns a value. */
    public static <T, X extends CallbackContext<?, ?, ?>> TypeHandler<T, X> returning(
            Class<T> type, HandlerFunction<T, ? super X> callback) {
        return new TypeHandler<>(type, Objects.requireNonNull(callback, "callback"), false, true);
    }

    /** Only updates whose class is exactly {@code type}, not a subclass. */
    public TypeHandler<T, X> strict(boolean strict) {
        return new TypeHandler<>(type, callback(), strict, blocking());
    }

    /** This handler with the given {@code block} flag. */
    public TypeHandler<T, X> block(boolean block) {
        return new TypeHandler<>(type, callback(), strict, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        boolean matches = strict ? update != null && update.getClass() == type : type.isInstance(update);
        return matches ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "TypeHandler[" + type.getName() + (strict ? ", strict" : "") + "]";
    }
}
