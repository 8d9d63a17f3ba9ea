package dev.telescale.core.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link Filter}: rejected, or passed with optional data. Data is what PTB calls a data filter's
 * output ({@code {"matches": [match]}} for a regex): a map from a name to a list of values that the handler merges
 * into the callback context; {@link #MATCHES} lands in {@code context.matches()}, other names in
 * {@code context.filterData()}. Combining filters with {@code and} concatenates the lists per name.
 */
public sealed interface FilterResult permits FilterResult.Pass, FilterResult.Reject {

    /** The data name whose values become {@code context.matches()} (regex {@code MatchResult}s). */
    String MATCHES = "matches";

    /** The filter matched; {@code data} is empty for plain (non-data) filters. */
    record Pass(Map<String, List<Object>> data) implements FilterResult {
        public Pass {
            data = Map.copyOf(data);
        }

        /** The filter's data merged with another's: lists of the same name concatenated, this one's first. */
        public Pass merge(Pass other) {
            if (other.data.isEmpty()) {
                return this;
            }
            if (data.isEmpty()) {
                return other;
            }
            Map<String, List<Object>> merged = new LinkedHashMap<>();
            data.forEach((k, v) -> merged.put(k, new ArrayList<>(v)));
            other.data.forEach((k, v) -> merged.computeIfAbsent(k, key -> new ArrayList<>()).addAll(v));
            merged.replaceAll((k, v) -> List.copyOf(v));
            return new Pass(merged);
        }
    }

    /** The filter did not match. */
    record Reject() implements FilterResult {
    }

    /** A pass without data. */
    static Pass pass() {
        return Constants.PASS;
    }

    /** A pass carrying data for the context (an empty map is a plain pass). */
    static Pass pass(Map<String, List<Object>> data) {
        return data.isEmpty() ? Constants.PASS : new Pass(data);
    }

    /** A rejection. */
    static Reject reject() {
        return Constants.REJECT;
    }

    /** {@link #pass()} when true, else {@link #reject()}. */
    static FilterResult of(boolean passed) {
        return passed ? Constants.PASS : Constants.REJECT;
    }

    /** Whether this is a {@link Pass}. */
    default boolean passed() {
        return this instanceof Pass;
    }
}
