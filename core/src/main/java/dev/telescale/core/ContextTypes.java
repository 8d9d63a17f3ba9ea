package dev.telescale.core;

import dev.telescale.core.data.DataStore;
import dev.telescale.core.job.Job;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which context class handlers receive and which classes hold user, chat and bot data (PTB's
 * {@code ContextTypes}). Pass it to {@code ApplicationBuilder.contextTypes(...)}:
 *
 * <pre>{@code
 * // typed data, base context class:
 * ContextTypes<CallbackContext<Profile, Settings, Stats>> types =
 *         ContextTypes.of(Profile::new, Settings::new, Stats::new);
 * // own context class (class MyContext extends CallbackContext<Profile, Settings, Stats> {
 * //     public MyContext(ContextSeed<Profile, Settings, Stats> seed) { super(seed); } ... }):
 * ContextTypes<MyContext> mine = ContextTypes.of(MyContext::new, Profile::new, Settings::new, Stats::new);
 * }</pre>
 *
 * The default, {@link #defaults()}, is {@link DefaultContext} with a {@code ConcurrentHashMap<String, Object>} for
 * each kind of data.
 *
 * @param <X> the context class
 */
public final class ContextTypes<X extends CallbackContext<?, ?, ?>> {

    private static final ContextTypes<DefaultContext> DEFAULTS = new ContextTypes<>(new Binding<>(DefaultContext::new,
            ConcurrentHashMap::new, ConcurrentHashMap::new, ConcurrentHashMap::new));

    private final Binding<X, ?, ?, ?> binding;

    private ContextTypes(Binding<X, ?, ?, ?> binding) {
        this.binding = binding;
    }

    /** {@link DefaultContext} with map data. */
    public static ContextTypes<DefaultContext> defaults() {
        return DEFAULTS;
    }

    /** The base {@link CallbackContext} class with data objects made by the suppliers (each call a new object). */
    public static <U, C, B> ContextTypes<CallbackContext<U, C, B>> of(Supplier<? extends U> userData,
                                                                       Supplier<? extends C> chatData,
                                                                       Supplier<? extends B> botData) {
        return new ContextTypes<>(new Binding<CallbackContext<U, C, B>, U, C, B>(CallbackContext::new,
                userData, chatData, botData));
    }

    /** A context class of your own with data objects made by the suppliers. */
    public static <X extends CallbackContext<U, C, B>, U, C, B> ContextTypes<X> of(ContextFactory<X, U, C, B> context,
                                                                                  Supplier<? extends U> userData,
                                                                                  Supplier<? extends C> chatData,
                                                                                  Supplier<? extends B> botData) {
        return new ContextTypes<>(new Binding<>(context, userData, chatData, botData));
    }

    /** A context class of your own with the default map data. */
    public static <X extends CallbackContext<Map<String, Object>, Map<String, Object>, Map<String, Object>>>
            ContextTypes<X> of(ContextFactory<X, Map<String, Object>, Map<String, Object>, Map<String, Object>> context) {
        return new ContextTypes<>(new Binding<>(context, ConcurrentHashMap::new, ConcurrentHashMap::new,
                ConcurrentHashMap::new));
    }

    DataStore<?, ?, ?> newStore() {
        return binding.newStore();
    }

    X create(Application<?> app, DataStore<?, ?, ?> store, Object update, Long chatId, Long userId, Throwable error,
             Job<?> job, WebhookReplySlot reply) {
        X context = binding.create(app, store, update, chatId, userId, error, job, reply);
        if (context == null) {
            throw new IllegalStateException("The context factory returned null");
        }
        return context;
    }

    @Override
    public String toString() {
        return "ContextTypes[" + (this == DEFAULTS ? "defaults" : "custom") + "]";
    }

    /** The factory and suppliers with their types tied together, so the store and the contexts agree. */
    private record Binding<X extends CallbackContext<U, C, B>, U, C, B>(ContextFactory<X, U, C, B> factory,
                                                                        Supplier<? extends U> userData,
                                                                        Supplier<? extends C> chatData,
                                                                        Supplier<? extends B> botData) {
        Binding {
            Objects.requireNonNull(factory, "context factory");
            Objects.requireNonNull(userData, "userData");
            Objects.requireNonNull(chatData, "chatData");
            Objects.requireNonNull(botData, "botData");
        }

        DataStore<U, C, B> newStore() {
            return new DataStore<>(userData, chatData, botData);
        }

        @SuppressWarnings("unchecked") // the store was made by newStore() of this binding
        X create(Application<?> app, DataStore<?, ?, ?> store, Object update, Long chatId, Long userId,
                 Throwable error, Job<?> job, WebhookReplySlot reply) {
            return factory.create(new ContextSeed<>(app, (DataStore<U, C, B>) store, update, chatId, userId, error,
                    job, reply));
        }
    }
}
