package dev.telescale.benchmarks.dispatch;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.conversation.ConversationHandler;
import java.util.concurrent.TimeUnit;
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
 * The cost of one conversation step (issue 4): a {@link FiveStateConversation} with 100,000 conversations active at
 * once (one per private chat, all started before measuring); each measured update is a text message of the next
 * chat in turn, which looks its conversation up, runs the state's handler and stores the next state. Dispatch on
 * the calling thread with {@code Application.processUpdate}; the updates are parsed beforehand. The heap each
 * active conversation takes is measured by {@link ConversationHeapMeasurement}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConversationBenchmark {

    static final int CHATS = 100_000;

    private BenchApplications bench;
    private ConversationHandler<DefaultContext> conversation;
    private Update[] steps;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        bench = new BenchApplications();
        conversation = FiveStateConversation.build();
        bench.app.addHandler(conversation);
        bench.initialize();
        steps = new Update[CHATS];
        for (int i = 0; i < CHATS; i++) {
            long chat = 1_000_000L + i;
            bench.app.processUpdate(SyntheticUpdates.text(i + 1, chat, "/start"));
            steps[i] = SyntheticUpdates.text(CHATS + i + 1, chat, "next");
        }
        if (conversation.activeConversations() != CHATS) {
            throw new IllegalStateException("Expected " + CHATS + " active conversations, got "
                    + conversation.activeConversations());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (conversation.activeConversations() != CHATS) {
            throw new IllegalStateException("Conversations ended during the run: "
                    + conversation.activeConversations() + " of " + CHATS + " active");
        }
        bench.close();
    }

    @Benchmark
    public void stepOneOfHundredThousandConversations() {
        bench.app.processUpdate(steps[next]);
        next = next + 1 == CHATS ? 0 : next + 1;
    }
}
