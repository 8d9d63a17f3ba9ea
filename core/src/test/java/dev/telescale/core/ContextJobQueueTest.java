package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.job.JobQueue;
import dev.telescale.testkit.EmulatedUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code context.jobQueue()} is typed with the context class the author uses, without type arguments: the base class
 * takes callbacks of the base class, {@link DefaultContext} and a class of one's own narrow it to themselves.
 */
class ContextJobQueueTest {

    /** A context class of one's own, narrowing jobQueue() with the documented one-line override. */
    static final class MyContext extends CallbackContext<Map<String, Object>, Map<String, Object>, Map<String, Object>> {
        MyContext(ContextSeed<Map<String, Object>, Map<String, Object>, Map<String, Object>> seed) {
            super(seed);
        }

        String greeting() {
            return "hello from " + chatId().orElseThrow();
        }

        @Override
        public JobQueue<MyContext> jobQueue() {
            return jobQueue(MyContext.class);
        }

        JobQueue<DefaultContext> wrongClass() {
            return jobQueue(DefaultContext.class);
        }
    }

    private EmulatorHarness h;
    private EmulatedUser alice;
    private final LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();
    private final List<Application<?>> apps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        h = new EmulatorHarness();
        alice = h.emulator.user("alice");
    }

    @AfterEach
    void tearDown() {
        for (Application<?> app : apps) {
            if (app.isRunning()) {
                app.stop();
            }
            app.shutdown();
        }
        h.close();
    }

    private <X extends CallbackContext<?, ?, ?>> Application<X> started(ApplicationBuilder<X> builder,
                                                                         MessageHandler<X> handler) {
        Application<X> app = builder.build();
        apps.add(app);
        app.addHandler(handler);
        app.initialize();
        app.start();
        alice.sendText(h.bot, "go");
        h.submitPending(app);
        return app;
    }

    private Object next() throws InterruptedException {
        Object value = seen.poll(20, TimeUnit.SECONDS);
        assertTrue(value != null, "nothing arrived");
        return value;
    }

    @Test
    void aCustomContextsJobsGetThatContextType() throws Exception {
        started(h.builder().contextTypes(ContextTypes.of(MyContext::new)), new MessageHandler<>(Filters.TEXT,
                (u, c) -> {
                    try {
                        c.wrongClass();
                    } catch (IllegalArgumentException e) {
                        seen.add(e);
                    }
                    JobQueue<MyContext> jobs = c.jobQueue();
                    long chat = c.chatId().orElseThrow();
                    jobs.runOnce(job -> seen.add(job.greeting()), Duration.ZERO, o -> o.chatId(chat));
                }));
        Object wrong = next();
        assertInstanceOf(IllegalArgumentException.class, wrong);
        assertTrue(((Exception) wrong).getMessage().contains("DefaultContext.class) was called on a "
                + MyContext.class.getName()), ((Exception) wrong).getMessage());
        assertEquals("hello from " + alice.chatWith(h.bot).id(), next());
    }

    @Test
    void theDefaultContextsQueueIsTypedWithDefaultContext() throws Exception {
        started(h.builder(), new MessageHandler<>(Filters.TEXT, (u, c) -> {
            JobQueue<DefaultContext> jobs = c.jobQueue();
            jobs.runOnce(job -> seen.add(job.getClass()), Duration.ZERO);
        }));
        assertEquals(DefaultContext.class, next());
    }

    @Test
    void theBaseClassTakesCallbacksOfTheBaseClassWithTypedData() throws Exception {
        started(h.builder().contextTypes(ContextTypes.of(() -> List.of("user"), () -> List.of("chat"),
                () -> List.of("bot"))), new MessageHandler<>(Filters.TEXT, (u, c) -> {
                    long chat = c.chatId().orElseThrow();
                    c.jobQueue().runOnce(job -> seen.add(job.chatData().getFirst()), Duration.ZERO,
                            o -> o.chatId(chat));
                }));
        assertEquals("chat", next());
    }
}
