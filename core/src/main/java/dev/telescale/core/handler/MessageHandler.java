package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.filter.Filter;
import dev.telescale.core.filter.FilterResult;
import dev.telescale.core.filter.Filters;
import java.util.Objects;

/**
 * Handles updates that pass a {@link Filter} (PTB's {@code MessageHandler}); the filter's data (regex matches) is
 * merged into the context. Without a filter it uses {@link Filters#ALL}: every message-like update (messages,
 * edits, channel posts, business and guest messages). Objects that are not an {@code Update} never match.
 *
 * <pre>{@code
 * app.addHandler(new MessageHandler<>(Filters.TEXT.and(Filters.COMMAND.not()),
 *         (update, context) -> context.replyText(update.message().orElseThrow().text().orElseThrow())));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class MessageHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final Filter filter;

    /** Handles updates passing {@code filter}. */
    public MessageHandler(Filter filter, HandlerCallback<Update, ? super X> callback) {
        this(filter, HandlerFunction.of(callback));
    }

    /** Handles every message-like update ({@link Filters#ALL}). */
    public MessageHandler(HandlerCallback<Update, ? super X> callback) {
        this(Filters.ALL, HandlerFunction.of(callback));
    }

    private MessageHandler(Filter filter, HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.filter = Objects.requireNonNull(filter, "filter (use Filters.ALL for every message)");
    }

    private MessageHandler(MessageHandler<X> source, boolean block) {
        super(source, block);
        this.filter = source.filter;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> MessageHandler<X> returning(
            Filter filter, HandlerFunction<Update, ? super X> callback) {
        return new MessageHandler<>(filter, Objects.requireNonNull(callback, "callback"));
    }

    /** This handler with the given {@code block} flag. */
    public MessageHandler<X> block(boolean block) {
        return new MessageHandler<>(this, block);
    }

    /** The filter updates must pass. */
    public Filter filter() {
        return filter;
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (update instanceof Update u && filter.check(u) instanceof FilterResult.Pass pass) {
            return CheckResult.match(pass);
        }
        return CheckResult.noMatch();
    }

    @Override
    protected void collectAdditionalContext(X context, Update update, CheckResult.Match match) {
        context.mergeFilterData((FilterResult.Pass) match.value());
    }

    @Override
    public String toString() {
        return "MessageHandler[" + filter + "]";
    }
}
