package dev.telescale.core.job;

import dev.telescale.core.job.TestRuntime.Ctx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue on a manual clock: time moves only when a test advances it, so no test sleeps on wall time. */
class JobQueueTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 5 January 2026, 10:00 UTC. */
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private ManualTicker ticker = new ManualTicker(T0);
    private TestRuntime runtime = new TestRuntime();
    private JobQueue<Ctx> queue = new JobQueue<>(new InMemoryJobStore(), ticker);
    /** Every run: the job and the (manual) time it ran at. */
    private final List<Run> runs = new CopyOnWriteArrayList<>();

    private record Run(Job<Ctx> job, Instant at) {
    }

    private final JobCallback<Ctx> record = ctx -> runs.add(new Run(ctx.job(), ticker.now()));

    @AfterEach
    void stopQueue() {
        queue.stop(true);
    }

    private void start() throws InterruptedException {
        queue.bind(runtime);
        queue.start();
        settle();
    }

    /** Waits until the scheduler has looked at the current time and every run it started has ended. */
    private void settle() throws InterruptedException {
        assertTrue(queue.awaitPass(true, DEADLINE), "scheduler did not settle");
    }

    private void advance(Duration by) throws InterruptedException {
        ticker.advance(by);
        settle();
    }

    private void advanceTo(Instant to) throws InterruptedException {
        ticker.set(to);
        settle();
    }

    private List<Instant> runTimes() {
        return runs.stream().map(Run::at).toList();
    }

    // ------------------------------------------------------------------------------------------------ runOnce

    @Test
    void runOnceWithDelayRunsOnceAfterTheDelayAndLeavesTheQueue() throws Exception {
        start();
        Job<Ctx> job = queue.runOnce(record, Duration.ofSeconds(30));
        assertEquals(Optional.of(T0.plusSeconds(30)), job.nextRunTime());
        advance(Duration.ofSeconds(29));
        assertEquals(List.of(), runs);
        advance(Duration.ofSeconds(1));
        assertEquals(List.of(new Run(job, T0.plusSeconds(30))), runs);
        assertTrue(job.isRemoved());
        assertEquals(Optional.empty(), job.nextRunTime());
        assertEquals(List.of(), queue.jobs());
        assertEquals(List.of(job), runtime.marked, "chat/user data marked for persistence after the run");
        advance(Duration.ofDays(1));
        assertEquals(1, runs.size());
    }

    @Test
    void runOnceAtLocalTimeAlreadyPassedTodayRunsTomorrow() throws Exception {
        start();
        Job<Ctx> passed = queue.runOnce(record, When.at(LocalTime.of(9, 0)));
        Job<Ctx> later = queue.runOnce(record, When.at(LocalTime.of(11, 0)));
        Job<Ctx> exactlyNow = queue.runOnce(record, When.at(LocalTime.of(10, 0)));
        assertEquals(Optional.of(Instant.parse("2026-01-06T09:00:00Z")), passed.nextRunTime());
        assertEquals(Optional.of(Instant.parse("2026-01-05T11:00:00Z")), later.nextRunTime());
        assertEquals(Optional.of(Instant.parse("2026-01-06T10:00:00Z")), exactlyNow.nextRunTime());
    }

    @Test
    void runOnceReadsLocalTimesInTheRuntimesZoneOrTheJobsOwn() throws Exception {
        runtime = new TestRuntime(BERLIN);
        start();
        Job<Ctx> local = queue.runOnce(record, When.at(LocalDateTime.of(2026, 1, 5, 12, 0)));
        Job<Ctx> ny = queue.runOnce(record, When.at(LocalDateTime.of(2026, 1, 5, 12, 0)), o -> o.zone("America/New_York"));
        Job<Ctx> absolute = queue.runOnce(record, When.at(ZonedDateTime.of(2026, 1, 6, 12, 0, 0, 0, ZoneId.of("Asia/Tokyo"))));
        assertEquals(Optional.of(Instant.parse("2026-01-05T11:00:00Z")), local.nextRunTime());
        assertEquals(Optional.of(Instant.parse("2026-01-05T17:00:00Z")), ny.nextRunTime());
        assertEquals(Optional.of(Instant.parse("2026-01-06T03:00:00Z")), absolute.nextRunTime());
    }

    @Test
    void runOnceInThePastRunsWithinTheGraceAndIsSkippedBeyondIt() throws Exception {
        start();
        queue.runOnce(record, When.at(T0.minusMillis(500)), o -> o.name("slightly late"));
        queue.runOnce(record, When.at(T0.minusSeconds(5)), o -> o.name("too late"));
        settle();
        assertEquals(List.of("slightly late"), runs.stream().map(r -> r.job().name()).toList());
        assertEquals(List.of(), queue.jobs(), "the skipped one-off job is gone too");
    }

    // ------------------------------------------------------------------------------------------- runRepeating

    @Test
    void runRepeatingStartsOneIntervalFromNowByDefault() throws Exception {
        start();
        Job<Ctx> job = queue.runRepeating(record, Duration.ofMinutes(1));
        assertEquals(Optional.of(T0.plusSeconds(60)), job.nextRunTime());
        for (int i = 0; i < 3; i++) {
            advance(Duration.ofMinutes(1));
        }
        assertEquals(List.of(T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180)), runTimes());
    }

    @Test
    void runRepeatingWithFirstAndLastRunsInsideThatWindowThenLeavesTheQueue() throws Exception {
        start();
        Job<Ctx> job = queue.runRepeating(record, Duration.ofMinutes(10),
                When.in(Duration.ofMinutes(5)), When.at(T0.plus(Duration.ofMinutes(25))));
        for (int i = 0; i < 6; i++) {
            advance(Duration.ofMinutes(5));
        }
        assertEquals(List.of(T0.plusSeconds(300), T0.plusSeconds(900), T0.plusSeconds(1500)), runTimes());
        assertTrue(job.isRemoved());
    }

    @Test
    void runRepeatingWithAPassedFirstTimeOfDayKeepsItsPhase() throws Exception {
        start();
        // 09:00 today has passed; every 25 minutes from 09:00 means 10:15 next.
        Job<Ctx> job = queue.runRepeating(record, Duration.ofMinutes(25), When.at(LocalTime.of(9, 0)), null);
        assertEquals(Optional.of(Instant.parse("2026-01-05T10:15:00Z")), job.nextRunTime());
    }

    @Test
    void runRepeatingRejectsLastBeforeFirstAndNonPositiveIntervals() throws Exception {
        start();
        var e = assertThrows(IllegalArgumentException.class, () -> queue.runRepeating(record, Duration.ofMinutes(1),
                When.in(Duration.ofHours(2)), When.in(Duration.ofHours(1))));
        assertTrue(e.getMessage().contains("'last' must not be before 'first'"), e.getMessage());
        // Without first, first is one interval from now.
        assertThrows(IllegalArgumentException.class, () -> queue.runRepeating(record, Duration.ofMinutes(10),
                null, When.in(Duration.ofMinutes(5))));
        var zero = assertThrows(IllegalArgumentException.class, () -> queue.runRepeating(record, Duration.ZERO));
        assertTrue(zero.getMessage().contains("interval must be positive"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> queue.runRepeating(record, Duration.ofSeconds(-5)));
        assertEquals(List.of(), queue.jobs());
    }

    // ----------------------------------------------------------------------------------------------- runDaily

    @Test
    void runDailyInBerlinKeepsTheLocalTimeOverTheDaylightSavingChange() throws Exception {
        runtime = new TestRuntime(BERLIN);
        ticker.set(Instant.parse("2026-03-28T11:00:00Z"));
        start();
        Job<Ctx> job = queue.runDaily(record, LocalTime.of(9, 0));
        assertEquals(Optional.of(Instant.parse("2026-03-29T07:00:00Z")), job.nextRunTime(), "09:00 CEST");
        advanceTo(Instant.parse("2026-03-29T07:00:00Z"));
        advanceTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertEquals(List.of(Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-30T07:00:00Z")),
                runTimes());
    }

    @Test
    void runDailyOnGivenDaysSkipsTheOthers() throws Exception {
        start();
        Job<Ctx> job = queue.runDaily(record, LocalTime.of(8, 0), EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertEquals(Optional.of(Instant.parse("2026-01-10T08:00:00Z")), job.nextRunTime());
    }

    @Test
    void runDailyRejectsInvalidDaySets() throws Exception {
        start();
        var empty = assertThrows(IllegalArgumentException.class,
                () -> queue.runDaily(record, LocalTime.NOON, Set.of()));
        assertTrue(empty.getMessage().contains("days must not be empty"), empty.getMessage());
        var withNull = new java.util.HashSet<DayOfWeek>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> queue.runDaily(record, LocalTime.NOON, withNull));
        assertThrows(NullPointerException.class, () -> queue.runDaily(record, null));
    }

    // --------------------------------------------------------------------------------------------- runMonthly

    @Test
    void runMonthlyOnDay31SkipsFebruaryAndLastDayFollowsTheMonth() throws Exception {
        ticker.set(Instant.parse("2026-01-31T12:00:00Z"));
        start();
        Job<Ctx> day31 = queue.runMonthly(record, LocalTime.of(9, 0), 31);
        Job<Ctx> last = queue.runMonthly(record, LocalTime.of(9, 0), -1);
        assertEquals(Optional.of(Instant.parse("2026-03-31T09:00:00Z")), day31.nextRunTime());
        assertEquals(Optional.of(Instant.parse("2026-02-28T09:00:00Z")), last.nextRunTime());
        advanceTo(Instant.parse("2026-02-28T09:00:00Z"));
        assertEquals(List.of(new Run(last, Instant.parse("2026-02-28T09:00:00Z"))), runs);
        assertEquals(Optional.of(Instant.parse("2026-03-31T09:00:00Z")), last.nextRunTime());
    }

    @Test
    void runMonthlyRejectsAnInvalidDayClearly() throws Exception {
        start();
        var e = assertThrows(IllegalArgumentException.class, () -> queue.runMonthly(record, LocalTime.NOON, 32));
        assertEquals("day of month must be 1..31 or -1 (last day of the month), got 32", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> queue.runMonthly(record, LocalTime.NOON, 0));
    }

    // ---------------------------------------------------------------------------------------------- runCustom

    @Test
    void runCustomRunsAtCronTimes() throws Exception {
        start();
        advance(Duration.ofSeconds(1));
        Job<Ctx> job = queue.runCustom(record, "*/20 * * * *");
        assertEquals(Optional.of(Instant.parse("2026-01-05T10:20:00Z")), job.nextRunTime());
        advanceTo(Instant.parse("2026-01-05T10:20:00Z"));
        advanceTo(Instant.parse("2026-01-05T10:40:00Z"));
        assertEquals(List.of(Instant.parse("2026-01-05T10:20:00Z"), Instant.parse("2026-01-05T10:40:00Z")),
                runTimes());
    }

    @Test
    void runCustomRejectsAnInvalidExpressionWithTheReason() throws Exception {
        start();
        var e = assertThrows(IllegalArgumentException.class, () -> queue.runCustom(record, "0 9 * *"));
        assertTrue(e.getMessage().contains("invalid cron expression '0 9 * *'"), e.getMessage());
        assertTrue(e.getMessage().contains("4 parts"), e.getMessage());
        assertEquals(List.of(), queue.jobs());
    }

    // ----------------------------------------------------------------------------------- misfire and overlap

    @Test
    void missedRunsCoalesceIntoOneRun() throws Exception {
        start();
        queue.runRepeating(record, Duration.ofSeconds(1), o -> o.misfireGrace(Duration.ofSeconds(10)));
        // The process "sleeps" through five runs (all within the grace): one run makes up for them.
        advance(Duration.ofSeconds(5));
        assertEquals(List.of(T0.plusSeconds(5)), runTimes());
    }

    @Test
    void withoutCoalescingEachMissedRunWithinTheGraceRuns() throws Exception {
        start();
        queue.runRepeating(record, Duration.ofSeconds(1),
                o -> o.coalesce(false).misfireGrace(Duration.ofMillis(2500)).maxInstances(10));
        advance(Duration.ofSeconds(5));
        // Runs due at +1 s and +2 s are more than 2.5 s late at +5 s: skipped; +3, +4, +5 run.
        assertEquals(3, runs.size());
    }

    @Test
    void aRunLaterThanTheMisfireGraceIsSkippedAndTheScheduleGoesOn() throws Exception {
        start();
        Job<Ctx> job = queue.runRepeating(record, Duration.ofMinutes(1));
        advance(Duration.ofSeconds(62)); // 2 s late, grace 1 s
        assertEquals(List.of(), runs);
        assertEquals(Optional.of(T0.plusSeconds(120)), job.nextRunTime());
        advance(Duration.ofSeconds(58));
        assertEquals(List.of(T0.plusSeconds(120)), runTimes());
    }

    @Test
    void aRunDueWhileThePreviousStillRunsIsSkippedWithAWarning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        start();
        queue.runRepeating(ctx -> {
            started.incrementAndGet();
            release.await();
        }, Duration.ofSeconds(10), o -> o.name("slow"));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ticker.advance(Duration.ofSeconds(10));
            assertTrue(queue.awaitPass(false, DEADLINE));
            ticker.advance(Duration.ofSeconds(10));
            assertTrue(queue.awaitPass(false, DEADLINE));
        } finally {
            System.setErr(err);
            release.countDown();
        }
        settle();
        assertEquals(1, started.get());
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Run of job 'slow'") && log.contains("maximum number of running instances reached (1)"),
                log);
        advance(Duration.ofSeconds(10));
        assertEquals(2, started.get(), "the schedule goes on once the slow run ended");
    }

    @Test
    void maxInstancesAboveOneLetsRunsOverlap() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        start();
        queue.runRepeating(ctx -> {
            started.incrementAndGet();
            release.await();
        }, Duration.ofSeconds(10), o -> o.maxInstances(2));
        for (int i = 0; i < 3; i++) {
            ticker.advance(Duration.ofSeconds(10));
            assertTrue(queue.awaitPass(false, DEADLINE));
        }
        release.countDown();
        settle();
        assertEquals(2, started.get());
    }

    // ---------------------------------------------------------------------------------- enable, disable, remove

    @Test
    void aDisabledJobDoesNotRunAndResumesFromNowWhenEnabled() throws Exception {
        start();
        Job<Ctx> job = queue.runRepeating(record, Duration.ofMinutes(1));
        assertTrue(job.isEnabled());
        job.setEnabled(false);
        assertFalse(job.isEnabled());
        assertEquals(Optional.empty(), job.nextRunTime());
        advance(Duration.ofMinutes(3).plusSeconds(30));
        assertEquals(List.of(), runs);
        assertEquals(List.of(job), queue.jobs(), "a paused job stays in the queue");
        job.setEnabled(true);
        assertEquals(Optional.of(T0.plusSeconds(240)), job.nextRunTime());
        advance(Duration.ofSeconds(30));
        assertEquals(List.of(T0.plusSeconds(240)), runTimes());
    }

    @Test
    void aRemovedJobNeverRunsAgain() throws Exception {
        start();
        Job<Ctx> job = queue.runRepeating(record, Duration.ofMinutes(1));
        advance(Duration.ofMinutes(1));
        job.scheduleRemoval();
        assertTrue(job.isRemoved());
        advance(Duration.ofMinutes(5));
        assertEquals(1, runs.size());
        assertEquals(List.of(), queue.jobs());
        job.scheduleRemoval(); // twice is harmless
    }

    @Test
    void aJobCanRemoveItselfFromItsCallback() throws Exception {
        start();
        queue.runRepeating(ctx -> {
            runs.add(new Run(ctx.job(), ticker.now()));
            ctx.job().scheduleRemoval();
        }, Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertEquals(1, runs.size());
    }

    // ------------------------------------------------------------------------------------------------ listing

    @Test
    void jobsAreListedAndFoundByPatternAndByName() throws Exception {
        start();
        Job<Ctx> a = queue.runOnce(record, Duration.ofMinutes(2), o -> o.name("remind-1"));
        Job<Ctx> b = queue.runOnce(record, Duration.ofMinutes(1), o -> o.name("remind-12"));
        Job<Ctx> c = queue.runDaily(record, LocalTime.NOON, o -> o.name("report"));
        assertEquals(List.of(b, a, c), queue.jobs(), "soonest first");
        assertEquals(List.of(b, a), queue.jobs(Pattern.compile("remind")));
        assertEquals(List.of(b), queue.jobs(Pattern.compile("1\\d")), "find(), not matches()");
        assertEquals(List.of(a), queue.getJobsByName("remind-1"));
        assertEquals(List.of(), queue.getJobsByName("remind"));
    }

    @Test
    void jobsCarryNameDataChatAndUserAndTheCallbackSeesItsOwnJob() throws Exception {
        start();
        record Reminder(String text) {
        }
        Job<Ctx> job = queue.runOnce(record, Duration.ofSeconds(1),
                o -> o.name("remind").data(new Reminder("tea")).chatId(-100123).userId(42));
        advance(Duration.ofSeconds(1));
        Job<Ctx> seen = runs.getFirst().job();
        assertSame(job, seen);
        assertEquals("remind", seen.name());
        assertEquals(new Reminder("tea"), seen.data());
        assertEquals(-100123, seen.chatId().orElseThrow());
        assertEquals(42, seen.userId().orElseThrow());
        assertSame(record, seen.callback());
    }

    @Test
    void theDefaultNameIsTheCallbackClassOrJob() throws Exception {
        class Cleanup implements JobCallback<Ctx> {
            @Override
            public void run(Ctx context) {
            }
        }
        start();
        assertEquals("Cleanup", queue.runOnce(new Cleanup(), Duration.ofSeconds(1)).name());
        assertEquals("job", queue.runOnce(record, Duration.ofSeconds(1)).name());
        assertEquals("remind", queue.runOnce(queue.registerCallback("remind", record), Duration.ofSeconds(1)).name());
    }

    @Test
    void jobsAreEqualByIdOnly() throws Exception {
        start();
        Job<Ctx> a = queue.runOnce(record, Duration.ofSeconds(1), o -> o.name("same"));
        Job<Ctx> b = queue.runOnce(record, Duration.ofSeconds(1), o -> o.name("same"));
        assertNotEquals(a, b);
        assertEquals(a, queue.getJobsByName("same").stream().filter(a::equals).findFirst().orElseThrow());
        assertEquals(a.hashCode(), a.id().hashCode());
    }

    // ------------------------------------------------------------------------------------------------- errors

    @Test
    void aCallbackExceptionReachesTheRuntimeAndTheScheduleContinues() throws Exception {
        start();
        AtomicInteger calls = new AtomicInteger();
        Job<Ctx> job = queue.runRepeating(ctx -> {
            calls.incrementAndGet();
            throw new IllegalStateException("boom");
        }, Duration.ofMinutes(1));
        advance(Duration.ofMinutes(1));
        advance(Duration.ofMinutes(1));
        assertEquals(2, calls.get());
        assertEquals(2, runtime.errors.size());
        assertSame(job, runtime.errors.getFirst().job());
        assertEquals("boom", runtime.errors.getFirst().error().getMessage());
        assertEquals(2, runtime.marked.size(), "marked for persistence even after a failure");
    }

    @Test
    void aFailingRuntimeDoesNotStopTheScheduler() throws Exception {
        JobRuntime<Ctx> broken = new JobRuntime<>() {
            @Override
            public Ctx contextFor(Job<Ctx> job) {
                throw new IllegalStateException("no context");
            }

            @Override
            public void reportError(Job<Ctx> job, Throwable error) {
                throw new IllegalStateException("no error handler");
            }

            @Override
            public ZoneId zone() {
                return null; // a runtime without a zone means UTC
            }

            @Override
            public void markForPersistence(Job<Ctx> job) {
                throw new IllegalStateException("no persistence");
            }
        };
        queue.bind(broken);
        queue.start();
        queue.runRepeating(record, Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertTrue(queue.isRunning());
        assertEquals(ZoneId.of("Z"), queue.zone());
    }

    @Test
    void runRunsTheJobNowOutsideTheSchedule() throws Exception {
        start();
        Job<Ctx> job = queue.runRepeating(record, Duration.ofMinutes(1));
        job.run();
        assertEquals(List.of(T0), runTimes());
        assertEquals(Optional.of(T0.plusSeconds(60)), job.nextRunTime(), "schedule unchanged");
        Job<Ctx> failing = queue.runOnce(ctx -> {
            throw new java.io.IOException("down");
        }, Duration.ofMinutes(1));
        failing.run();
        assertInstanceOf(java.io.IOException.class, runtime.errors.getFirst().error());
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Test
    void jobsAddedBeforeStartAreScheduledOnStartInTheBoundZone() throws Exception {
        Job<Ctx> delayed = queue.runOnce(record, Duration.ofSeconds(30));
        Job<Ctx> daily = queue.runDaily(record, LocalTime.of(12, 0));
        assertEquals(List.of(delayed, daily), queue.jobs());
        assertEquals(Optional.empty(), delayed.nextRunTime(), "not before start");
        assertFalse(delayed.isRemoved());
        ticker.advance(Duration.ofMinutes(10));
        runtime = new TestRuntime(BERLIN);
        start();
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(10)).plusSeconds(30)), delayed.nextRunTime(),
                "the delay counts from start");
        assertEquals(Optional.of(Instant.parse("2026-01-05T11:00:00Z")), daily.nextRunTime(), "12:00 in Berlin");
    }

    @Test
    void aJobPausedOrRemovedBeforeStartStaysSo() throws Exception {
        Job<Ctx> paused = queue.runOnce(record, Duration.ofSeconds(1));
        Job<Ctx> removed = queue.runOnce(record, Duration.ofSeconds(1));
        paused.setEnabled(false);
        removed.scheduleRemoval();
        assertTrue(removed.isRemoved());
        start();
        advance(Duration.ofSeconds(1));
        assertEquals(List.of(), runs);
        assertEquals(List.of(paused), queue.jobs());
        assertFalse(paused.isEnabled());
    }

    @Test
    void startNeedsABoundRuntimeAndBindHappensOnce() {
        var e = assertThrows(IllegalStateException.class, queue::start);
        assertTrue(e.getMessage().contains("bind a JobRuntime"), e.getMessage());
        queue.bind(runtime);
        assertThrows(IllegalStateException.class, () -> queue.bind(new TestRuntime()));
        Job<Ctx> job = new JobQueue<Ctx>(new InMemoryJobStore(), ticker).runOnce(record, Duration.ofSeconds(1));
        assertThrows(IllegalStateException.class, job::run);
    }

    @Test
    void jobsSurviveStopAndRunAgainAfterStart() throws Exception {
        start();
        queue.runRepeating(record, Duration.ofMinutes(1));
        queue.stop(true);
        queue.stop(true); // twice is harmless
        assertFalse(queue.isRunning());
        ticker.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), runs);
        queue.start();
        settle();
        assertEquals(List.of(T0.plusSeconds(60)), runTimes(), "due at restart and within the grace");
    }

    // ------------------------------------------------------------------------------------------------ bad input

    @Test
    void badInputFailsWithClearErrors() throws Exception {
        start();
        assertThrows(NullPointerException.class, () -> queue.runOnce(null, Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> queue.runOnce(record, (Duration) null));
        assertThrows(NullPointerException.class, () -> queue.runOnce(record, Duration.ofSeconds(1), null));
        var negative = assertThrows(IllegalArgumentException.class, () -> queue.runOnce(record, Duration.ofSeconds(-1)));
        assertTrue(negative.getMessage().contains("must not be negative"), negative.getMessage());
        var zone = assertThrows(IllegalArgumentException.class,
                () -> queue.runDaily(record, LocalTime.NOON, o -> o.zone("Mars/Olympus_Mons")));
        assertTrue(zone.getMessage().contains("unknown time zone 'Mars/Olympus_Mons'"), zone.getMessage());
        assertThrows(IllegalArgumentException.class, () -> queue.runOnce(record, Duration.ZERO, o -> o.name(" ")));
        assertThrows(IllegalArgumentException.class, () -> queue.runOnce(record, Duration.ZERO, o -> o.maxInstances(0)));
        assertThrows(IllegalArgumentException.class,
                () -> queue.runOnce(record, Duration.ZERO, o -> o.misfireGrace(Duration.ofSeconds(-1))));
        assertThrows(NullPointerException.class, () -> queue.runCustom(record, null));
        assertThrows(NullPointerException.class, () -> queue.jobs(null));
        assertEquals(List.of(), queue.jobs(), "nothing half-scheduled");
    }

    // --------------------------------------------------------------------------------- named callbacks, stores

    @Test
    void registeredCallbacksAreStoredByNameAndLookedUp() throws Exception {
        InMemoryJobStore store = new InMemoryJobStore();
        queue = new JobQueue<>(store, ticker);
        JobCallback<Ctx> remind = queue.registerCallback("remind", record);
        assertSame(remind, queue.callback("remind"));
        var duplicate = assertThrows(IllegalArgumentException.class, () -> queue.registerCallback("remind", record));
        assertTrue(duplicate.getMessage().contains("already registered"), duplicate.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> queue.callback("nope"));
        assertTrue(unknown.getMessage().contains("registerCallback(\"nope\""), unknown.getMessage());
        start();
        Job<Ctx> job = queue.runOnce(queue.callback("remind"), Duration.ofSeconds(1));
        Job<Ctx> direct = queue.runOnce(record, Duration.ofSeconds(1));
        assertEquals("remind", store.find(job.id()).orElseThrow().callbackName());
        assertEquals(null, store.find(direct.id()).orElseThrow().callbackName());
        advance(Duration.ofSeconds(1));
        assertEquals(2, runs.size());
    }

    @Test
    void twoQueuesSharingAStoreRunEachDueJobExactlyOnce() throws Exception {
        InMemoryJobStore shared = new InMemoryJobStore();
        queue = new JobQueue<>(shared, ticker);
        JobQueue<Ctx> other = new JobQueue<>(shared, ticker);
        AtomicInteger calls = new AtomicInteger();
        JobCallback<Ctx> count = ctx -> calls.incrementAndGet();
        queue.registerCallback("count", count);
        other.registerCallback("count", count);
        start();
        other.bind(new TestRuntime());
        other.start();
        try {
            for (int i = 0; i < 20; i++) {
                queue.runRepeating(queue.callback("count"), Duration.ofSeconds(1), o -> o.maxInstances(5));
            }
            for (int i = 0; i < 10; i++) {
                ticker.advance(Duration.ofSeconds(1));
                assertTrue(queue.awaitPass(true, DEADLINE));
                assertTrue(other.awaitPass(true, DEADLINE));
            }
            assertEquals(200, calls.get(), "20 jobs x 10 runs, none twice, none lost");
            assertEquals(20, other.jobs().size(), "the other instance sees the shared jobs");
        } finally {
            other.stop(true);
        }
    }

    @Test
    void aStoredJobWhoseCallbackIsNotRegisteredHereReportsAClearError() throws Exception {
        InMemoryJobStore store = new InMemoryJobStore();
        store.add(new JobRecord("elsewhere-1", "elsewhere", new Trigger.Once(T0.plusSeconds(1)),
                JobOptions.builder().name("foreign").build(), true, T0.plusSeconds(1)));
        queue = new JobQueue<>(store, ticker);
        start();
        advance(Duration.ofSeconds(1));
        assertEquals(1, runtime.errors.size());
        assertTrue(runtime.errors.getFirst().error().getMessage().contains("registered as 'elsewhere'"),
                runtime.errors.getFirst().error().getMessage());
    }
}
