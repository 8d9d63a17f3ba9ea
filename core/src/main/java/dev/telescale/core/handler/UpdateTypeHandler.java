package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.api.types.UpdateType;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Handles every {@link Update} of the given kinds, whatever they carry: the catch-all that leaves no kind
 * unreachable. {@link UpdateType#UNKNOWN} stands for kinds added to the Bot API after this library version (their
 * content is in {@link Update#unknownFields()}), so a bot can take them before the library knows them.
 *
 * <pre>{@code
 * app.addHandler(new UpdateTypeHandler<>(UpdateType.UNKNOWN, (update, context) ->
 *         log.info("new kind of update: {}", update.unknownFields().keySet())));
 * app.addHandler(new UpdateTypeHandler<>(EnumSet.of(UpdateType.POLL, UpdateType.POLL_ANSWER), this::polls));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class UpdateTypeHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final Set<UpdateType> types;

    /** Handles updates of kind {@code type}. */
    public UpdateTypeHandler(UpdateType type, HandlerCallback<Update, ? super X> callback) {
        this(EnumSet.of(Objects.requireNonNull(type, "type")), callback);
    }

    /** Handles updates of any of {@code types}. */
    public UpdateTypeHandler(Collection<UpdateType> types, HandlerCallback<Update, ? super X> callback) {
        this(validate(types), HandlerFunction.of(callback));
    }

    private UpdateTypeHandler(Set<UpdateType> types, HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.types = types;
    }

    private UpdateTypeHandler(UpdateTypeHandler<X> source, boolean block) {
        super(source, block);
        this.types = source.types;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> UpdateTypeHandler<X> returning(
            Collection<UpdateType> types, HandlerFunction<Update, ? super X> callback) {
        return new UpdateTypeHandler<>(validate(types), Objects.requireNonNull(callback, "callback"));
    }

    /** This handler with the given {@code block} flag. */
    public UpdateTypeHandler<X> block(boolean block) {
        return new UpdateTypeHandler<>(this, block);
    }

    /** The kinds handled. */
    public Set<UpdateType> types() {
        return types;
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        return update instanceof Update u && types.contains(u.type()) ? CheckResult.match() : CheckResult.noMatch();
    }

    @Override
    public String toString() {
        return "UpdateTypeHandler" + types;
    }

    private static Set<UpdateType> validate(Collection<UpdateType> types) {
        Objects.requireNonNull(types, "types");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("An UpdateTypeHandler needs at least one UpdateType");
        }
        types.forEach(t -> Objects.requireNonNull(t, "update type"));
        return Set.copyOf(EnumSet.copyOf(types));
    }
}
