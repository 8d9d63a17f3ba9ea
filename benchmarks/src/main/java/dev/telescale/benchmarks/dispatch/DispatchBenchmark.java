package dev.telescale.benchmarks.dispatch;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.InlineQueryHandler;
import dev.telescale.core.handler.MessageHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of dispatching one update through 50 handlers in 5 groups (issue 4): each group holds 10 handlers —
 * four commands, a photo filter, a regex that never matches, a group-chat filter, a callback-query handler, an
 * inline-query handler — and last a text filter combined with {@code not(COMMAND)} and a regex, which matches. So
 * every update is checked by all 50 handlers and runs 5 callbacks, one per group, with one context per update, the
 * data marks of its chat and user, and the regex data put into the context. Updates come from 1,000 private chats
 * in turn, parsed beforehand. Measured on the calling thread with {@code Application.processUpdate}: dispatch
 * only, no queue, no processor, no network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DispatchBenchmark {

    static final int GROUPS = 5;
    static final int HANDLERS_PER_GROUP = 10;
    private static final int CHATS = 1_000;

    private final LongAdder callbacks = new LongAdder();
    private BenchApplications bench;
    private Update[] updates;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        bench = new BenchApplications();
        for (int g = 0; g < GROUPS; g++) {
            for (int c = 0; c < 4; c++) {
                bench.app.addHandler(new CommandHandler<DefaultContext>("cmd_" + g + "_" + c, (u, x) -> callbacks.increment()), g);
            }
            bench.app.addHandler(new MessageHandler<DefaultContext>(Filters.PHOTO, (u, x) -> callbacks.increment()), g);
            bench.app.addHandler(new MessageHandler<DefaultContext>(Filters.regex("^never-" + g),
                    (u, x) -> callbacks.increment()), g);
            bench.app.addHandler(new MessageHandler<DefaultContext>(Filters.ChatType.GROUPS.and(Filters.TEXT),
                    (u, x) -> callbacks.increment()), g);
            bench.app.addHandler(new CallbackQueryHandler<DefaultContext>((u, x) -> callbacks.increment())
                    .pattern("^group" + g), g);
            bench.app.addHandler(new InlineQueryHandler<DefaultContext>((u, x) -> callbacks.increment()), g);
            bench.app.addHandler(new MessageHandler<DefaultContext>(
                    Filters.TEXT.and(Filters.COMMAND.not()).and(Filters.regex("hello (\\d+)")),
                    (u, x) -> callbacks.increment()), g);
        }
        bench.initialize();
        updates = new Update[CHATS];
        for (int i = 0; i < CHATS; i++) {
            updates[i] = SyntheticUpdates.text(i + 1, 10_000 + i, "hello " + i);
        }
        bench.app.processUpdate(updates[0]);
        if (callbacks.sum() != GROUPS) {
            throw new IllegalStateException("Expected one callback per group, got " + callbacks.sum());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bench.close();
    }

    @Benchmark
    public void dispatchThroughFiftyHandlers() {
        bench.app.processUpdate(updates[next]);
        next = next + 1 == CHATS ? 0 : next + 1;
    }
}
