package dev.telescale.jdbc;

import dev.telescale.core.job.Job;
import dev.telescale.core.job.JobCallback;
import dev.telescale.core.job.JobOptions;
import dev.telescale.core.job.JobQueue;
import dev.telescale.core.job.JobRecord;
import dev.telescale.core.job.JobRuntime;
import dev.telescale.core.job.Trigger;
import dev.telescale.core.job.When;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The JDBC job store on each database: the SPI, restarts mid-schedule, and several instances on one table. */
abstract class JobStoreCases {

    protected String url;

    abstract String newDatabaseUrl();

    @BeforeEach
    void freshDatabase() {
        url = newDatabaseUrl();
    }

    JdbcJobStore store() {
        return JdbcJobStore.builder().url(url).pollInterval(Duration.ofMillis(100)).build();
    }

    /** The context a job gets here: the name of the instance running it. */
    static JobRuntime<String> runtime(String instance, List<Throwable> errors) {
        return new JobRuntime<>() {
            @Override
            public String contextFor(Job<String> job) {
                return instance;
            }

            @Override
            public void reportError(Job<String> job, Throwable error) {
                errors.add(error);
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("UTC");
            }

            @Override
            public void markForPersistence(Job<String> job) {
            }
        };
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static JobRecord record(String id, Trigger trigger, JobOptions options, Instant next) {
        return new JobRecord(id, "cb", trigger, options, true, next);
    }

    @Test
    void recordsRoundTripWithEveryTriggerAndOption() {
        Instant t = Instant.parse("2030-01-01T10:00:00Z");
        JobOptions options = JobOptions.builder().name("n").data(Map.of("text", "hi", "n", 3)).chatId(-100)
                .userId(7).zone("Europe/Berlin").misfireGrace(Duration.ofSeconds(30)).coalesce(false).maxInstances(2)
                .build();
        List<Trigger> triggers = List.of(new Trigger.Once(t),
                new Trigger.Interval(t, Duration.ofMinutes(5), t.plusSeconds(3600)),
                new Trigger.Interval(t, Duration.ofMinutes(5), null),
                new Trigger.Daily(LocalTime.of(9, 30), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), ZoneId.of("UTC")),
                new Trigger.Monthly(LocalTime.NOON, -1, ZoneId.of("Asia/Tokyo")),
                new Trigger.Cron("0 9 * * MON-FRI", ZoneId.of("UTC")));
        try (JdbcJobStore store = store()) {
            for (int i = 0; i < triggers.size(); i++) {
                store.add(record("job-" + i, triggers.get(i), options, t));
            }
            for (int i = 0; i < triggers.size(); i++) {
                JobRecord r = store.find("job-" + i).orElseThrow();
                assertEquals(triggers.get(i), r.trigger());
                assertEquals("cb", r.callbackName());
                assertEquals(t, r.nextRunTime());
                assertEquals(Map.of("text", "hi", "n", 3), r.options().data());
                assertEquals(-100, r.options().chatId().getAsLong());
                assertEquals(7, r.options().userId().getAsLong());
                assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), r.options().zone());
                assertEquals(Duration.ofSeconds(30), r.options().misfireGrace());
                assertFalse(r.options().coalesce());
                assertEquals(2, r.options().maxInstances());
            }
            assertEquals(triggers.size(), store.all().size());
        }
    }

    @Test
    void claimIsACompareAndSetOnTheNextRunTime() {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        JobOptions options = JobOptions.builder().name("n").build();
        try (JdbcJobStore a = store(); JdbcJobStore b = store()) {
            a.add(record("r", new Trigger.Interval(t, Duration.ofMinutes(1), null), options, t));
            a.add(record("o", new Trigger.Once(t), options, t));
            assertEquals(List.of("o", "r"), a.due(Instant.now(), 10).stream().map(JobRecord::id).sorted().toList());
            assertEquals(Optional.of(t), b.nextRunTime());
            assertTrue(b.claim("r", t, t.plusSeconds(60)));
            assertFalse(a.claim("r", t, t.plusSeconds(60)), "the second claim of one due run loses");
            assertEquals(t.plusSeconds(60), a.find("r").orElseThrow().nextRunTime());
            assertTrue(a.claim("o", t, null), "a schedule that ended deletes the job");
            assertFalse(b.claim("o", t, null));
            assertEquals(Optional.empty(), a.find("o"));
            assertFalse(a.claim("missing", t, null));
        }
    }

    @Test
    void pausedJobsAreNotDueAndKeepTheirNextRunTime() {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        try (JdbcJobStore store = store()) {
            JobRecord job = record("p", new Trigger.Once(t), JobOptions.builder().name("n").build(), t);
            store.add(job);
            assertTrue(store.update(job.withEnabled(false, t)));
            assertEquals(List.of(), store.due(Instant.now(), 10));
            assertEquals(Optional.empty(), store.nextRunTime());
            assertFalse(store.claim("p", t, null), "a paused job cannot be claimed");
            JobRecord paused = store.find("p").orElseThrow();
            assertFalse(paused.enabled());
            assertEquals(t, paused.nextRunTime());
            assertTrue(store.update(paused.withEnabled(true, t)));
            assertEquals(1, store.due(Instant.now(), 10).size());
            assertTrue(store.remove("p"));
            assertFalse(store.remove("p"));
            assertFalse(store.update(job));
        }
    }

    @Test
    void jobsMustNameTheirCallbackAndIdsAreUnique() {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        try (JdbcJobStore store = store()) {
            JobRecord unnamed = new JobRecord("u", null, new Trigger.Once(t), JobOptions.builder().name("n").build(),
                    true, t);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.add(unnamed));
            assertTrue(e.getMessage().contains("registerCallback"), e.getMessage());
            JobRecord job = record("x", new Trigger.Once(t), JobOptions.builder().name("n").build(), t);
            store.add(job);
            assertThrows(IllegalArgumentException.class, () -> store.add(job));
            JobRecord badData = record("y", new Trigger.Once(t),
                    JobOptions.builder().name("n").data(new Object()).build(), t);
            assertThrows(IllegalArgumentException.class, () -> store.add(badData));
        }
    }

    @Test
    void aRestartInTheMiddleOfASchedule() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger onceRuns = new AtomicInteger();
        Instant onceAt;

        JdbcJobStore first = store();
        JobQueue<String> before = new JobQueue<>(first);
        before.bind(runtime("before", errors));
        JobCallback<String> tick = before.registerCallback("tick", ctx -> ticks.incrementAndGet());
        JobCallback<String> once = before.registerCallback("once", ctx -> onceRuns.incrementAndGet());
        before.start();
        before.runRepeating(tick, Duration.ofMillis(200), o -> o.misfireGrace(Duration.ofMinutes(5)));
        onceAt = Instant.now().plusMillis(1500);
        before.runOnce(once, When.at(onceAt), o -> o.misfireGrace(Duration.ofMinutes(5)));
        await("the repeating job ran twice", () -> ticks.get() >= 2);
        before.stop(true);
        first.close();
        assertEquals(0, onceRuns.get(), "the one-shot was not due before the restart");

        int ticksBeforeRestart = ticks.get();
        await("the one-shot became due while no instance ran", () -> Instant.now().isAfter(onceAt.plusMillis(200)));

        JdbcJobStore second = store();
        JobQueue<String> after = new JobQueue<>(second);
        after.bind(runtime("after", errors));
        after.registerCallback("tick", ctx -> ticks.incrementAndGet());
        after.registerCallback("once", ctx -> onceRuns.incrementAndGet());
        after.start();
        try {
            await("the one-shot ran after the restart", () -> onceRuns.get() == 1);
            await("the repeating job goes on", () -> ticks.get() >= ticksBeforeRestart + 3);
            assertEquals(1, onceRuns.get(), "the one-shot ran exactly once");
            assertEquals(List.of("tick"), second.all().stream().map(JobRecord::name).toList(),
                    "the one-shot is gone, the repeating job stays");
            assertEquals(List.of(), errors);
        } finally {
            after.stop(true);
            second.close();
        }
    }

    @Test
    void twoInstancesOnOneTableRunEachDueRunOnce() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> shotsPerInstance = new ConcurrentHashMap<>();
        AtomicInteger repeats = new AtomicInteger();
        List<JdbcJobStore> stores = new ArrayList<>();
        List<JobQueue<String>> queues = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            JdbcJobStore store = store();
            JobQueue<String> queue = new JobQueue<>(store);
            queue.bind(runtime(name, errors));
            // Every instance registers the same callbacks under the same names before it starts.
            queue.registerCallback("shot", ctx -> shotsPerInstance.computeIfAbsent(ctx, k -> new AtomicInteger())
                    .incrementAndGet());
            queue.registerCallback("repeat", ctx -> repeats.incrementAndGet());
            stores.add(store);
            queues.add(queue);
        }
        queues.forEach(JobQueue::start);
        try {
            JobQueue<String> a = queues.get(0);
            JobQueue<String> b = queues.get(1);
            int shots = 20;
            Instant base = Instant.now().plusMillis(500);
            for (int i = 0; i < shots; i++) {
                a.runOnce(a.callback("shot"), When.at(base.plusMillis(i * 20L)),
                        o -> o.misfireGrace(Duration.ofMinutes(1)));
            }
            int expectedRepeats = 8;
            Instant first = Instant.now().plusMillis(400);
            // Late runs are neither skipped nor merged, so every due run must run: exactly expectedRepeats.
            b.runRepeating(b.callback("repeat"), Duration.ofMillis(150), When.at(first),
                    When.at(first.plusMillis(150L * (expectedRepeats - 1))),
                    o -> o.misfireGrace(Duration.ofMinutes(1)).coalesce(false).maxInstances(expectedRepeats));
            await("every one-shot ran and the repeating job ended", () -> stores.get(0).all().isEmpty());
            await("the last runs finished (repeats " + repeats + ", shots " + shotsPerInstance + ")",
                    () -> repeats.get() >= expectedRepeats
                    && shotsPerInstance.values().stream().mapToInt(AtomicInteger::get).sum() >= shots);
            for (JobQueue<String> q : queues) {
                q.stop(true);
            }
            assertEquals(shots, shotsPerInstance.values().stream().mapToInt(AtomicInteger::get).sum(),
                    "each one-shot ran exactly once across both instances: " + shotsPerInstance);
            assertEquals(expectedRepeats, repeats.get(), "each due run of the repeating job ran exactly once");
            assertEquals(List.of(), errors);
        } finally {
            queues.forEach(q -> q.stop(true));
            stores.forEach(JdbcJobStore::close);
        }
    }
}
