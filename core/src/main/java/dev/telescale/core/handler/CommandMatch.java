package dev.telescale.core.handler;

import dev.telescale.api.types.Update;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.filter.Filter;
import dev.telescale.core.filter.FilterResult;
import java.util.List;

/**
 * What the command handlers ({@link CommandHandler}, {@link PrefixHandler}) carry from {@code check} to the
 * callback: the words after the command and the filter's data. Both handlers run their filter last, once the
 * command itself matched, and fill the context the same way, so that logic lives here once.
 */
record CommandMatch(List<String> args, FilterResult.Pass filterResult) {

    /** A match carrying {@code args} when {@code filter} passes {@code update}, else no match. */
    static CheckResult check(Filter filter, Update update, List<String> args) {
        return filter.check(update) instanceof FilterResult.Pass pass
                ? CheckResult.match(new CommandMatch(args, pass)) : CheckResult.noMatch();
    }

    /** Puts the arguments into {@code context.args()} and merges the filter's data into the context. */
    static void collect(CallbackContext<?, ?, ?> context, CheckResult.Match match) {
        CommandMatch parsed = (CommandMatch) match.value();
        context.setArgs(parsed.args());
        context.mergeFilterData(parsed.filterResult());
    }
}
