package dev.telescale.core;

import java.util.Map;

/**
 * The context handlers get unless the builder is given other {@link ContextTypes}: user, chat and bot data are
 * thread-safe maps ({@code ConcurrentHashMap}, so no null keys or values). Extend it to add fields of your own and
 * register the subclass with {@code ContextTypes.of(MyContext::new)}.
 */
public class DefaultContext extends CallbackContext<Map<String, Object>, Map<String, Object>, Map<String, Object>> {

    /** Builds the context; subclasses pass the seed on. */
    public DefaultContext(ContextSeed<Map<String, Object>, Map<String, Object>, Map<String, Object>> seed) {
        super(seed);
    }
}
