package dev.telescale.core.handler;

/** Shared immutable check results (interfaces cannot hold private constants). */
final class Results {
    static final CheckResult.NoMatch NO_MATCH = new CheckResult.NoMatch();
    static final CheckResult.Match EMPTY_MATCH = new CheckResult.Match(null);

    private Results() {
    }
}
