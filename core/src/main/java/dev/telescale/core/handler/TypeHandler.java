package dev.telescale.core.handler;

import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles every update that is an instance of a class (PTB's {@code TypeHandler}): the way to handle custom
 * objects a source put on the queue, or every {@code Update} at all. {@link #strict} requires the exact class
 * (subclasses do not match). {@code null} never matches.
 *
 * <pre>{@code
 * app.addHandler(new TypeHandler<>(PaymentEvent.class, (event, context) -> ledger.record(event)));
 * app.addHandler(new TypeHandler<>(Update.class, (update, context) -> audit.log(update)), -1);
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
        this(type, HandlerFunction.of(callback));
    }

    private TypeHandler(Class<T> type, HandlerFunction<? super T, ? super X> callback) {
        super(callback);
        this.type = Objects.requireNonNull(type, "type");
        this.strict = false;
    }

    /** A copy with another {@code strict} (the block flag carried over). */
    private TypeHandler(boolean strict, TypeHandler<T, X> source) {
        super(source);
        this.type = source.type;
        this.strict = strict;
    }

    private TypeHandler(TypeHandler<T, X> source, boolean block) {
        super(source, block);
        this.type = source.type;
        this.strict = source.strict;
    }

    /** A handler whose callback returns a value. */
    public static <T, X extends CallbackContext<?, ?, ?>> TypeHandler<T, X> returning(
            Class<T> type, HandlerFunction<T, ? super X> callback) {
        return new TypeHandler<>(type, Objects.requireNonNull(callback, "callback"));
    }

    /** Only updates whose class is exactly {@code type} ({@code true}), or subclasses too ({@code false}). */
    public TypeHandler<T, X> strict(boolean strict) {
        return new TypeHandler<>(strict, this);
    }

    /** This handler with the given {@code block} flag. */
    public TypeHandler<T, X> block(boolean block) {
        return new TypeHandler<>(this, block);
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
