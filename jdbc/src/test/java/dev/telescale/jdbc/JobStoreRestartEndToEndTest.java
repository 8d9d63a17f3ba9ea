package dev.telescale.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.ChatId;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.job.Job;
import dev.telescale.core.job.JobQueue;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bot whose repeating job lives in a {@link JdbcJobStore} on SQLite, restarted in the middle of the schedule: the
 * job, scheduled by the first Application with a registered callback name, data and a chat, goes on sending its
 * message from the second Application, which only registers the same callback name — all through the emulator.
 */
class JobStoreRestartEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One instance of the bot: an Application whose job queue keeps its jobs in the SQLite file. */
    private record Instance(Application<DefaultContext> app, JdbcJobStore store) implements AutoCloseable {

        static Instance start(String name, Path db, BotApiEmulator emulator, EmulatedBot bot) throws Exception {
            JdbcJobStore store = JdbcJobStore.builder().sqliteFile(db).pollInterval(Duration.ofMillis(100)).build();
            JobQueue<DefaultContext> jobs = new JobQueue<>(store);
            // Every instance registers the callback under the same name before it starts: the stored job names it.
            jobs.registerCallback("remind", context -> {
                Job<?> job = context.job().orElseThrow();
                context.bot().sendMessage(ChatId.of(job.chatId().getAsLong()), "drink " + job.data() + " (" + name
                        + ")");
            });
            Application<DefaultContext> app = Application.builder().token(bot.token())
                    .apiBaseUrl(emulator.apiBaseUrl()).noUpdater().shutdownHook(false).jobQueue(jobs).build();
            app.initialize();
            app.start();
            return new Instance(app, store);
        }

        JobQueue<DefaultContext> jobs() {
            return app.jobQueue().orElseThrow();
        }

        @Override
        public void close() {
            try {
                app.stop();
                app.shutdown();
            } finally {
                store.close();
            }
        }
    }

    @Test
    void aRepeatingJobGoesOnAfterTheApplicationRestarts() throws Exception {
        Path db = PostgresServer.buildDir().resolve("e2e-jobs-" + UUID.randomUUID() + ".db");
        try (BotApiEmulator emulator = BotApiEmulator.start()) {
            EmulatedBot bot = emulator.createBot("ReminderBot");
            EmulatedUser alice = emulator.user("alice");
            EmulatedChat chat = alice.chatWith(bot);
            ObjectNode start = alice.sendText(chat, "/start");

            try (Instance first = Instance.start("first", db, emulator, bot)) {
                first.jobs().runRepeating(first.jobs().callback("remind"), Duration.ofMillis(300),
                        o -> o.chatId(chat.id()).data("tea").misfireGrace(Duration.ofMinutes(1)));
                ObjectNode one = chat.awaitMessage(start.path("message_id").asLong(),
                        m -> m.path("text").asText().equals("drink tea (first)"), WAIT);
                chat.awaitMessage(one.path("message_id").asLong(),
                        m -> m.path("text").asText().equals("drink tea (first)"), WAIT);
            }
            long lastBeforeRestart = chat.messages().getLast().path("message_id").asLong();

            try (Instance restarted = Instance.start("second", db, emulator, bot)) {
                List<Job<DefaultContext>> jobs = restarted.jobs().getJobsByName("remind");
                assertEquals(1, jobs.size(), "the job was loaded from the store, not scheduled again");
                assertEquals("tea", jobs.getFirst().data());
                assertEquals(chat.id(), jobs.getFirst().chatId().getAsLong());
                ObjectNode after = chat.awaitMessage(lastBeforeRestart,
                        m -> m.path("text").asText().equals("drink tea (second)"), WAIT);
                chat.awaitMessage(after.path("message_id").asLong(),
                        m -> m.path("text").asText().equals("drink tea (second)"), WAIT);
            }
            assertEquals(0, chat.messages().stream().filter(m -> m.path("message_id").asLong() > lastBeforeRestart
                    && m.path("text").asText().contains("(first)")).count(), "the first instance sent nothing after "
                    + "its shutdown");
        }
    }
}
