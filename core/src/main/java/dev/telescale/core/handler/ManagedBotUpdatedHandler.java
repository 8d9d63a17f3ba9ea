package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Objects;

/**
 * Handles changes to a bot managed by this bot (PTB's {@code ManagedBotUpdatedHandler}). Without ids or
 * usernames it takes every {@code managed_bot} update; with them, either the user who created the managed bot or
 * the managed bot itself must have one of the ids or one of the usernames.
 *
 * <pre>{@code
 * app.addHandler(new ManagedBotUpdatedHandler<>((update, context) -> sync(update)).usernames("@HelperBot"));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class ManagedBotUpdatedHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final IdSelector selector;

    /** Handles every update carrying {@code managed_bot}. */
    public ManagedBotUpdatedHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private ManagedBotUpdatedHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.selector = IdSelector.NONE;
    }

    private ManagedBotUpdatedHandler(ManagedBotUpdatedHandler<X> source, IdSelector selector) {
        super(source);
        this.selector = selector;
    }

    private ManagedBotUpdatedHandler(ManagedBotUpdatedHandler<X> source, boolean block) {
        super(source, block);
        this.selector = source.selector;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> ManagedBotUpdatedHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new ManagedBotUpdatedHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only updates whose creator or managed bot has one of these ids (replacing earlier ids). */
    public ManagedBotUpdatedHandler<X> userIds(long... ids) {
        return new ManagedBotUpdatedHandler<>(this, selector.withIds(ids));
    }

    /**
     * Only updates whose creator or managed bot has one of these usernames
     * (a leading {@code @} is stripped; replacing earlier usernames).
     */
    public ManagedBotUpdatedHandler<X> usernames(String... usernames) {
        return new ManagedBotUpdatedHandler<>(this, selector.withUsernames(usernames));
    }

    /** This handler with the given {@code block} flag. */
    public ManagedBotUpdatedHandler<X> block(boolean block) {
        return new ManagedBotUpdatedHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.managedBot().isEmpty()) {
            return CheckResult.noMatch();
        }
        var v = u.managedBot().get();
        return selector.admits(v.user().id(), v.user().username())
                || selector.selects(v.bot().id(), v.bot().username())
                ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "ManagedBotUpdatedHandler[" + selector + "]";
    }
}
