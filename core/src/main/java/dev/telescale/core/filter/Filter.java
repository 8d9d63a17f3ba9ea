package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.core.Effective;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A condition on an update, used by {@code MessageHandler} and {@code CommandHandler} (PTB's {@code filters}).
 * Filters combine with {@link #and}, {@link #or}, {@link #xor} and {@link #not}; ready-made ones are in
 * {@link Filters}. Write your own with {@link #message(String, Predicate)} (tests the message of a message-like
 * update) or {@link #update(String, Predicate)}; a data filter returns {@link FilterResult#pass(java.util.Map)} with
 * values for the context.
 *
 * <p>As in PTB, every filter made by the factories here (and every combination) rejects updates that carry no
 * message, edited message, channel post, business or guest message: filters are about messages. A lambda
 * implementing {@link #check} directly sees every {@link Update} and decides itself.
 */
@FunctionalInterface
public interface Filter {

    /** Checks one update. */
    FilterResult check(Update update);

    /** Both filters (short-circuit); data of both is merged. */
    default Filter and(Filter other) {
        Objects.requireNonNull(other, "other");
        Filter self = this;
        return new NamedFilter("<" + self + " and " + other + ">", u -> {
            if (!(self.check(u) instanceof FilterResult.Pass left)) {
                return FilterResult.reject();
            }
            return other.check(u) instanceof FilterResult.Pass right ? left.merge(right) : FilterResult.reject();
        });
    }

    /** Either filter (short-circuit); the data of the first that passes. */
    default Filter or(Filter other) {
        Objects.requireNonNull(other, "other");
        Filter self = this;
        return new NamedFilter("<" + self + " or " + other + ">", u -> {
            FilterResult left = self.check(u);
            return left.passed() ? left : other.check(u);
        });
    }

    /** Exactly one of the two filters; the data of the one that passed. */
    default Filter xor(Filter other) {
        Objects.requireNonNull(other, "other");
        Filter self = this;
        return new NamedFilter("<" + self + " xor " + other + ">", u -> {
            FilterResult left = self.check(u);
            FilterResult right = other.check(u);
            if (left.passed() == right.passed()) {
                return FilterResult.reject();
            }
            return left.passed() ? left : right;
        });
    }

    /** The opposite of this filter, for message-like updates only (PTB's {@code ~f}). */
    default Filter not() {
        Filter self = this;
        return new NamedFilter("<inverted " + self + ">", u -> FilterResult.of(
                Effective.filterMessage(u).isPresent() && !self.check(u).passed()));
    }

    /** A filter on the message of message-like updates. */
    static Filter message(String name, Predicate<? super Message> test) {
        Objects.requireNonNull(test, "test");
        return new NamedFilter(name, u -> FilterResult.of(Effective.filterMessage(u).filter(test).isPresent()));
    }

    /** A data filter on the message of message-like updates. */
    static Filter messageData(String name, Function<? super Message, FilterResult> test) {
        Objects.requireNonNull(test, "test");
        return new NamedFilter(name, u -> Effective.filterMessage(u).<FilterResult>map(test)
                .orElse(FilterResult.reject()));
    }

    /** A filter on the whole update, applied to message-like updates only. */
    static Filter update(String name, Predicate<? super Update> test) {
        Objects.requireNonNull(test, "test");
        return new NamedFilter(name, u -> FilterResult.of(Effective.filterMessage(u).isPresent() && test.test(u)));
    }
}
