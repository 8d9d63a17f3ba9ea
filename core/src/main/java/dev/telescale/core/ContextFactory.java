package dev.telescale.core;

/**
 * Creates the callback context of a custom context class: usually its constructor, {@code MyContext::new}, with
 * the constructor passing the seed to {@code super(seed)}.
 *
 * @param <X> the context class
 * @param <U> user data type
 * @param <C> chat data type
 * @param <B> bot data type
 */
@FunctionalInterface
public interface ContextFactory<X extends CallbackContext<U, C, B>, U, C, B> {

    /** A new context for one update, error or job run. */
    X create(ContextSeed<U, C, B> seed);
}
