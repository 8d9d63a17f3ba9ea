package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.core.Effective;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A condition on an update, used by {@code MessageHandler} and {@code CommandHandler} (PTB's {@code filters}).
 * Ready-made filters are in {@link Filters}; filters combine with {@link #and}, {@link #or}, {@link #xor} and
 * {@link #not} into new filters that print as PTB's do ({@code <Filters.TEXT and <inverted Filters.COMMAND>>}).
 *
 * <p>As in PTB, every filter made here (the ready-made ones, the factories below and every combination) rejects
 * updates that carry no message, edited message, channel post, edited channel post, business message, edited
 * business message or guest message: filters are about messages. {@code not()} too: {@code Filters.TEXT.not()}
 * rejects a callback query.
 *
 * <p>Your own filter, in increasing power:
 * <pre>{@code
 * Filter longText = Filter.message("LongText", m -> m.text().orElse("").length() > 100);
 * Filter fromAdmins = Filter.update("FromAdmins", u -> Effective.userId(u).orElse(0) == ADMIN_ID);
 * Filter orderNumber = Filter.messageData("OrderNumber", m -> m.text()
 *         .filter(t -> t.startsWith("#"))
 *         .<FilterResult>map(t -> FilterResult.pass(Map.of("order", List.of(t.substring(1)))))
 *         .orElse(FilterResult.reject()));              // "order" lands in context.filterData()
 * }</pre>
 * A data filter passes with a map of lists; {@code and} concatenates the lists per name, {@code or} keeps the
 * data of the first side that passed. Values under {@link FilterResult#MATCHES} ({@code MatchResult}s) become
 * {@code context.matches()}. A lambda implementing {@link #check} directly sees every {@link Update} (also
 * non-message ones) and decides itself; returning {@code null} counts as a rejection.
 */
@FunctionalInterface
public interface Filter {

    /** Checks one update: {@link FilterResult#reject()} or a {@link FilterResult.Pass} (with data, if any). */
    FilterResult check(Update update);

    /** Both filters, short-circuit (the other is not evaluated when this one rejects); their data merged. */
    default Filter and(Filter other) {
        return new CombinedFilter(CombinedFilter.Op.AND, this, other);
    }

    /** Either filter, short-circuit; the data of the first that passes (the other is then not evaluated). */
    default Filter or(Filter other) {
        return new CombinedFilter(CombinedFilter.Op.OR, this, other);
    }

    /**
     * Exactly one of the two filters, evaluated as PTB's {@code (a & ~b) | (~a & b)}: the data of the side that
     * passed.
     */
    default Filter xor(Filter other) {
        return new CombinedFilter(CombinedFilter.Op.XOR, this, other);
    }

    /** The opposite of this filter, for message-like updates only (PTB's {@code ~f}). */
    default Filter not() {
        return new CombinedFilter(CombinedFilter.Op.NOT, this, null);
    }

    /**
     * A filter on the message of message-like updates (PTB's {@code MessageFilter}); {@code name} is what
     * {@code toString()} prints.
     */
    static Filter message(String name, Predicate<? super Message> test) {
        Objects.requireNonNull(test, "test");
        return new NamedFilter(name, u -> FilterResult.of(Effective.filterMessage(u).filter(test).isPresent()));
    }

    /**
     * A data filter on the message of message-like updates: {@code test} answers {@link FilterResult#reject()}
     * or a pass with data for the context ({@code null} counts as a rejection).
     */
    static Filter messageData(String name, Function<? super Message, FilterResult> test) {
        Objects.requireNonNull(test, "test");
        return new NamedFilter(name, u -> Effective.filterMessage(u).<FilterResult>map(test)
                .orElse(FilterResult.reject()));
    }

    /**
     * A filter on the whole update (PTB's {@code UpdateFilter}), asked only for message-like updates: use it for
     * conditions on the update kind or the effective chat or user.
     */
    static Filter update(String name, Predicate<? super Update> test) {
        Objects.requireNonNull(test, "test");
        return new NamedFilter(name, u -> FilterResult.of(Effective.filterMessage(u).isPresent() && test.test(u)));
    }
}
