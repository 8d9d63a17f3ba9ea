package dev.telescale.core;

import dev.telescale.core.job.JobQueue;
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

    /**
     * The application's job queue for callbacks taking a {@code DefaultContext}. A subclass of your own may narrow
     * it further with {@code return jobQueue(MyContext.class);} (see {@link CallbackContext#jobQueue()}).
     */
    @Override
    public JobQueue<DefaultContext> jobQueue() {
        return jobQueue(DefaultContext.class);
    }
}
