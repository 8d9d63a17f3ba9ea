package dev.telescale.benchmarks.dispatch;

import dev.telescale.core.DefaultContext;
import dev.telescale.core.conversation.ConversationHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap bytes per active conversation (issue 4): the retained heap after a full GC, before and after 100,000
 * {@link FiveStateConversation}s are started and each moved one state on, divided by their number. What is counted
 * is everything the Application keeps per active conversation (the key, the stored state, the map entry, and
 * whatever per-chat bookkeeping dispatch leaves behind); the updates are made one at a time and dropped, so they
 * are not counted. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.telescale.benchmarks.dispatch.ConversationHeapMeasurement [conversations]}.
 */
public final class ConversationHeapMeasurement {

    private ConversationHeapMeasurement() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : ConversationBenchmark.CHATS;
        try (BenchApplications bench = new BenchApplications()) {
            ConversationHandler<DefaultContext> conversation = FiveStateConversation.build();
            bench.app.addHandler(conversation);
            bench.initialize();
            // Warm the dispatch path on other chats so class loading and JIT data are in the baseline.
            drive(bench, conversation, 10_000, 5_000_000L);
            for (int i = 0; i < 10_000; i++) {
                bench.app.processUpdate(SyntheticUpdates.text(1, 5_000_000L + i, "/cancel"));
            }
            long before = retainedHeap();
            drive(bench, conversation, count, 1_000_000L);
            long after = retainedHeap();
            if (conversation.activeConversations() != count) {
                throw new IllegalStateException("Expected " + count + " active conversations, got "
                        + conversation.activeConversations());
            }
            System.out.printf("active conversations: %,d%n", count);
            System.out.printf("retained heap before: %,d B, after: %,d B%n", before, after);
            System.out.printf("heap per active conversation: %.1f B%n", (after - before) / (double) count);
        }
    }

    private static void drive(BenchApplications bench, ConversationHandler<DefaultContext> conversation, int count,
                              long firstChat) {
        for (int i = 0; i < count; i++) {
            long chat = firstChat + i;
            bench.app.processUpdate(SyntheticUpdates.text(i + 1, chat, "/start"));
            bench.app.processUpdate(SyntheticUpdates.text(i + 1, chat, "next"));
        }
    }

    private static long retainedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
