package dev.telescale.core;

/**
 * Code run by {@code runPolling}/{@code runWebhook} at a lifecycle step ({@code postInit}, {@code postStop},
 * {@code postShutdown} of the builder), e.g. setting the bot's commands after initialization.
 *
 * @param <X> the context type of the application
 */
@FunctionalInterface
public interface LifecycleHook<X extends CallbackContext<?, ?, ?>> {

    /** Runs the hook. */
    void run(Application<X> application) throws Exception;
}
