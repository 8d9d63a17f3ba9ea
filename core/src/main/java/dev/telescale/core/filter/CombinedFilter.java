package dev.telescale.core.filter;

import dev.telescale.api.types.Update;
import dev.telescale.core.Effective;
import java.util.Objects;

/**
 * Two filters joined by {@code and}/{@code or}/{@code xor}, or one inverted: PTB's {@code _MergedFilter},
 * {@code _XORFilter} and {@code _InvertedFilter}. Like them it is an update filter, so it first rejects updates
 * without a message, whatever its parts would say. Its name is computed on demand because the parts may be
 * mutable id filters whose names change ({@code <Filters.user(1) and Filters.TEXT>}).
 */
record CombinedFilter(Op op, Filter left, Filter right) implements Filter {

    /** The combinators, named as PTB prints them. */
    enum Op {
        AND, OR, XOR, NOT
    }

    CombinedFilter {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(left, "filter");
        if (op != Op.NOT) {
            Objects.requireNonNull(right, "other filter");
        }
    }

    @Override
    public FilterResult check(Update update) {
        if (update == null || Effective.filterMessage(update).isEmpty()) {
            return FilterResult.reject();
        }
        return switch (op) {
            case AND -> and(left, right, update);
            case OR -> or(left, right, update);
            // PTB builds xor as (a & ~b) | (~a & b); evaluating that shape gives the same data (the data of the
            // side that passed) and the same evaluation order as PTB.
            case XOR -> {
                if (safeCheck(left, update) instanceof FilterResult.Pass a
                        && not(right, update) instanceof FilterResult.Pass notB) {
                    yield a.merge(notB);
                }
                yield not(left, update) instanceof FilterResult.Pass notA
                        && safeCheck(right, update) instanceof FilterResult.Pass b
                        ? notA.merge(b) : FilterResult.reject();
            }
            case NOT -> not(left, update);
        };
    }

    /** {@code ~filter} on an update already known to carry a message. */
    private static FilterResult not(Filter filter, Update update) {
        return FilterResult.of(!safeCheck(filter, update).passed());
    }

    private static FilterResult and(Filter a, Filter b, Update update) {
        if (!(safeCheck(a, update) instanceof FilterResult.Pass first)) {
            return FilterResult.reject();
        }
        return safeCheck(b, update) instanceof FilterResult.Pass second ? first.merge(second) : FilterResult.reject();
    }

    private static FilterResult or(Filter a, Filter b, Update update) {
        FilterResult first = safeCheck(a, update);
        return first.passed() ? first : safeCheck(b, update);
    }

    /** A hand-written filter returning {@code null} rejects, as PTB treats {@code None}. */
    private static FilterResult safeCheck(Filter filter, Update update) {
        FilterResult result = filter.check(update);
        return result == null ? FilterResult.reject() : result;
    }

    @Override
    public String toString() {
        return switch (op) {
            case AND -> "<" + left + " and " + right + ">";
            case OR -> "<" + left + " or " + right + ">";
            case XOR -> "<" + left + " xor " + right + ">";
            case NOT -> "<inverted " + left + ">";
        };
    }
}
