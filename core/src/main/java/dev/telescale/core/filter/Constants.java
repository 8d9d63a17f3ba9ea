package dev.telescale.core.filter;

import java.util.Map;

/** Shared immutable results (interfaces cannot hold private constants). */
final class Constants {
    static final FilterResult.Pass PASS = new FilterResult.Pass(Map.of());
    static final FilterResult.Reject REJECT = new FilterResult.Reject();

    private Constants() {
    }
}
