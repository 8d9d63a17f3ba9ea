package dev.telescale.core.filter;

import dev.telescale.api.types.Update;
import java.util.Objects;
import java.util.function.Function;

/** A filter with a readable name (PTB prints filters as {@code <Filters.TEXT and <inverted Filters.COMMAND>>}). */
record NamedFilter(String name, Function<Update, FilterResult> test) implements Filter {

    NamedFilter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(test, "test");
    }

    @Override
    public FilterResult check(Update update) {
        if (update == null) {
            return FilterResult.reject();
        }
        FilterResult result = test.apply(update);
        return result == null ? FilterResult.reject() : result;
    }

    @Override
    public String toString() {
        return name;
    }
}
