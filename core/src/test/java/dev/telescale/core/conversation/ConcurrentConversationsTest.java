package dev.telescale.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.testkit.EmulatedUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many conversations at once under the default ordered processor: the updates of different users run in parallel
 * on the shared conversation map, and every conversation walks through its states without losing a transition.
 */
class ConcurrentConversationsTest {

    private static final int USERS = 60;
    private static final int STEPS = 5;

    @Test
    void conversationsOfManyUsersProceedInParallelWithoutLosingATransition() {
        try (ConversationHarness h = new ConversationHarness()) {
            Application<DefaultContext> app = h.builder().build();
            Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
            AtomicInteger ended = new AtomicInteger();
            ConversationHandler.Builder<DefaultContext> b = ConversationHandler.<DefaultContext>builder()
                    .entryPoints(CommandHandler.returning("start", (u, c) -> 0));
            for (int step = 0; step < STEPS; step++) {
                int current = step;
                b.state(step, MessageHandler.returning(Filters.TEXT.and(Filters.COMMAND.not()), (u, c) -> {
                    seen.computeIfAbsent(c.userId().orElseThrow(), id -> new ArrayList<>()).add(current);
                    Thread.sleep(ThreadLocalRandom.current().nextInt(3)); // let other users' updates interleave
                    if (current == STEPS - 1) {
                        ended.incrementAndGet();
                        return ConversationHandler.END;
                    }
                    return current + 1;
                }));
            }
            ConversationHandler<DefaultContext> conv = b.build();
            app.addHandler(conv);
            app.initialize();
            app.start();

            List<EmulatedUser> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(h.emulator.user("user" + i));
            }
            for (EmulatedUser user : users) {
                user.sendText(h.bot, "/start");
            }
            for (int step = 0; step < STEPS; step++) {
                for (EmulatedUser user : users) {
                    user.sendText(h.bot, "step " + step);
                }
            }
            int delivered = 0;
            while (delivered < USERS * (STEPS + 1)) {
                List<dev.telescale.api.types.Update> batch = h.fetch(app);
                batch.forEach(app::submit);
                delivered += batch.size();
            }
            ConversationHarness.await("every conversation to end", () -> ended.get() == USERS);
            app.stop();
            app.shutdown();

            assertEquals(USERS, seen.size());
            seen.values().forEach(steps -> assertEquals(List.of(0, 1, 2, 3, 4), steps));
            assertEquals(0, conv.activeConversations());
        }
    }
}
