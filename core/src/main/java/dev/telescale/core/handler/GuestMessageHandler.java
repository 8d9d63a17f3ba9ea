package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.filter.Filter;
import dev.telescale.core.filter.FilterResult;
import java.util.Objects;

/**
 * Handles guest messages (Bot API 10.1's {@code guest_message}: the bot called into a chat it is not a member of;
 * it answers with {@code answerGuestQuery} and the message's {@code guest_query_id}). PTB 22.8 reaches them only
 * through a {@code MessageHandler} with its guest-message filter; this handler names the kind. With a
 * {@link #filter}, the filter must pass too (filters see the guest message as the message) and its data is merged
 * into the context.
 *
 * <pre>{@code
 * app.addHandler(new GuestMessageHandler<>((update, context) -> context.bot().execute(AnswerGuestQuery.builder()
 *         .guestQueryId(update.guestMessage().orElseThrow().guestQueryId().orElseThrow())...build())));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class GuestMessageHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    /** {@code null}: every guest message. */
    private final Filter filter;

    /** Handles every guest message. */
    public GuestMessageHandler(HandlerCallback<Update, ? super X> callback) {
        this(HandlerFunction.of(callback));
    }

    private GuestMessageHandler(HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.filter = null;
    }

    private GuestMessageHandler(GuestMessageHandler<X> source, Filter filter) {
        super(source);
        this.filter = filter;
    }

    private GuestMessageHandler(GuestMessageHandler<X> source, boolean block) {
        super(source, block);
        this.filter = source.filter;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> GuestMessageHandler<X> returning(
            HandlerFunction<Update, ? super X> callback) {
        return new GuestMessageHandler<>(Objects.requireNonNull(callback, "callback"));
    }

    /** Only guest messages passing {@code filter} (replacing an earlier filter). */
    public GuestMessageHandler<X> filter(Filter filter) {
        return new GuestMessageHandler<>(this, Objects.requireNonNull(filter, "filter"));
    }

    /** This handler with the given {@code block} flag. */
    public GuestMessageHandler<X> block(boolean block) {
        return new GuestMessageHandler<>(this, block);
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u) || u.guestMessage().isEmpty()) {
            return CheckResult.noMatch();
        }
        if (filter == null) {
            return CheckResult.match();
        }
        return filter.check(u) instanceof FilterResult.Pass pass ? CheckResult.match(pass) : CheckResult.noMatch();
    }

    @Override
    protected void collectAdditionalContext(X context, Update update, CheckResult.Match match) {
        if (match.value() instanceof FilterResult.Pass pass) {
            context.mergeFilterData(pass);
        }
    }

    @Override
    public String toString() {
        return "GuestMessageHandler[" + (filter == null ? "any" : filter) + "]";
    }
}
