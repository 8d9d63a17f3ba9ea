package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.testkit.EmulatedUser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The job queue bound to the application: job contexts with chat data, job errors to the error handlers. */
class JobIntegrationTest {

    @Test
    void jobsScheduledFromHandlersGetTheirChatsDataAndTheirErrorsReachTheErrorHandlers() throws Exception {
        try (EmulatorHarness h = new EmulatorHarness()) {
            Application<DefaultContext> app = h.app(b -> { });
            app.initialize();
            CountDownLatch ran = new CountDownLatch(1);
            List<String> seen = new CopyOnWriteArrayList<>();
            AtomicReference<Object> errorUpdate = new AtomicReference<>("unset");
            app.addErrorHandler((u, c) -> {
                errorUpdate.set(u);
                seen.add("error " + c.error().orElseThrow().getMessage() + " in " + c.job().orElseThrow().name());
                ran.countDown();
            });
            app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
                c.chatData().put("reminder", "tea");
                long chat = c.chatId().getAsLong();
                c.jobQueue().runOnce(job -> {
                    seen.add("job sees " + job.chatData().get("reminder"));
                    job.replyText("unused");
                }, Duration.ZERO, o -> o.chatId(chat).name("remind"));
            }));
            app.start();
            EmulatedUser alice = h.emulator.user("alice");
            alice.sendText(h.bot, "remind me");
            h.submitPending(app);

            assertTrue(ran.await(20, TimeUnit.SECONDS), seen.toString());
            app.stop();
            app.shutdown();

            assertEquals("job sees tea", seen.get(0));
            assertTrue(seen.get(1).startsWith("error replyText needs an update with a message"), seen.get(1));
            assertTrue(seen.get(1).endsWith("in remind"), seen.get(1));
            assertNull(errorUpdate.get());
        }
    }
}
