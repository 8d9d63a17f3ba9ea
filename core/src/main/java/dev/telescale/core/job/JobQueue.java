package dev.telescale.core.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs callbacks at times: once, repeatedly, daily, monthly or by a cron expression (PTB's {@code JobQueue}).
 * Jobs run on virtual threads; a callback receives the context its {@link JobRuntime} (the Application) builds,
 * and an exception it throws reaches the runtime's error handlers without ending the schedule.
 * <pre>{@code
 * JobQueue<Context> jobs = application.jobQueue();
 * jobs.runOnce(ctx -> ctx.bot().execute(...), Duration.ofSeconds(30));
 * jobs.runDaily(report, LocalTime.of(9, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
 *         o -> o.name("report").chatId(chatId));
 * jobs.runCustom(cleanup, "0 3 * * SUN");
 * }</pre>
 * <p><b>Time.</b> Local times are read in the runtime's zone ({@code Defaults.timeZone()}, UTC by default) or
 * the job's own ({@link JobOptions.Builder#zone}). Jobs added before {@link #start()} are scheduled when the
 * queue starts: delays count from then, and local times are read in the zone bound by then.
 * <p><b>Misfires and overlap</b> follow PTB (APScheduler's defaults, per job in {@link JobOptions}): a run more
 * than 1 s late is skipped with a warning, several missed runs coalesce into one, and a run due while the
 * previous run of the same job is still running is skipped with a warning.
 * <p><b>Stores.</b> The schedule lives in a {@link JobStore}; the default keeps it in memory. A persistent,
 * cluster-safe store plugs in through the constructor without changing any other code; its jobs must name
 * their callback: register it once per process with {@link #registerCallback} and schedule the returned
 * callback, so that the store keeps the name and any instance can run the job.
 *
 * @param <X> the context type handed to callbacks
 */
public final class JobQueue<X> {

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    /** How many due jobs one store query returns; more are fetched in the same pass. */
    private static final int BATCH = 256;
    /** Cap on the missed runs of one job enumerated in one pass when they do not coalesce. */
    private static final int MAX_CATCH_UP = 1_000;

    /** How a job's trigger is made from the time it is scheduled and the zone its local times are read in. */
    @FunctionalInterface
    private interface TriggerSpec {
        Trigger resolve(Instant now, ZoneId zone);
    }

    private record Pending<X>(Job<X> job, TriggerSpec spec, boolean enabled) {
    }

    private final JobStore store;
    private final Ticker ticker;
    private final Map<String, RegisteredCallback<X>> callbacks = new ConcurrentHashMap<>();
    /** The Job objects this instance handed out, so a callback sees the same Job it was scheduled as. */
    private final Map<String, Job<X>> jobs = new ConcurrentHashMap<>();
    /** Runs in progress per job id (for maxInstances). */
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeup = lock.newCondition();
    private final Condition progress = lock.newCondition();
    // Guarded by lock:
    private final Map<String, Pending<X>> pending = new LinkedHashMap<>();
    private boolean started;
    private boolean wakeRequested;
    private long passesStarted;
    private long passesCompleted;
    private Thread scheduler;
    private ExecutorService executor;

    private volatile JobRuntime<X> runtime;

    /** A queue keeping its jobs in memory, on the system clock. */
    public JobQueue() {
        this(new InMemoryJobStore());
    }

    /** A queue keeping its jobs in {@code store}, on the system clock. */
    public JobQueue(JobStore store) {
        this(store, Clock.systemUTC());
    }

    /**
     * A queue keeping its jobs in {@code store} and reading the time from {@code clock}, which must advance at
     * real speed (the queue waits for due times on the JVM's timer).
     */
    public JobQueue(JobStore store, Clock clock) {
        this(store, new SystemTicker(clock));
    }

    JobQueue(JobStore store, Ticker ticker) {
        this.store = Objects.requireNonNull(store, "store");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        ticker.onAdvance(this::wake);
    }

    /**
     * Connects the queue to the application it runs jobs for; called once, by the Application's builder.
     *
     * @throws IllegalStateException when a runtime is already bound
     */
    public void bind(JobRuntime<X> runtime) {
        Objects.requireNonNull(runtime, "runtime");
        lock.lock();
        try {
            if (this.runtime != null) {
                throw new IllegalStateException("this JobQueue is already bound to a runtime; "
                        + "use one JobQueue per Application");
            }
            this.runtime = runtime;
        } finally {
            lock.unlock();
        }
    }

    /** The zone local times are read in: the bound runtime's, else UTC. */
    public ZoneId zone() {
        JobRuntime<X> r = runtime;
        ZoneId zone = r == null ? null : r.zone();
        return zone == null ? ZoneOffset.UTC : zone;
    }

    // ---------------------------------------------------------------------------------------------- callbacks

    /**
     * Registers {@code callback} under {@code name} and returns the callback to schedule: jobs scheduled with it
     * record the name (not the object), which a persistent store needs; a default job name is the callback name.
     *
     * @throws IllegalArgumentException when the name is blank or already registered
     */
    public JobCallback<X> registerCallback(String name, JobCallback<X> callback) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(callback, "callback");
        if (name.isBlank()) {
            throw new IllegalArgumentException("callback name must not be blank");
        }
        RegisteredCallback<X> registered = new RegisteredCallback<>(name, callback);
        if (callbacks.putIfAbsent(name, registered) != null) {
            throw new IllegalArgumentException("a job callback named '" + name + "' is already registered");
        }
        return registered;
    }

    /**
     * The callback registered under {@code name}.
     *
     * @throws IllegalArgumentException when none is
     */
    public JobCallback<X> callback(String name) {
        RegisteredCallback<X> registered = callbacks.get(Objects.requireNonNull(name, "name"));
        if (registered == null) {
            throw new IllegalArgumentException("no job callback registered as '" + name
                    + "'; call registerCallback(\"" + name + "\", callback) first");
        }
        return registered;
    }

    // ----------------------------------------------------------------------------------------------- run once

    /** Runs {@code callback} once, {@code delay} from now. */
    public Job<X> runOnce(JobCallback<X> callback, Duration delay) {
        return runOnce(callback, When.in(delay), o -> { });
    }

    /** Runs {@code callback} once, {@code delay} from now, with options. */
    public Job<X> runOnce(JobCallback<X> callback, Duration delay, Consumer<JobOptions.Builder> options) {
        return runOnce(callback, When.in(delay), options);
    }

    /**
     * Runs {@code callback} once at {@code when}; a time of day that already passed today means tomorrow. A time
     * already in the past runs at once if within the misfire grace, else it is skipped with a warning.
     */
    public Job<X> runOnce(JobCallback<X> callback, When when) {
        return runOnce(callback, when, o -> { });
    }

    /** {@link #runOnce(JobCallback, When)} with options. */
    public Job<X> runOnce(JobCallback<X> callback, When when, Consumer<JobOptions.Builder> options) {
        Objects.requireNonNull(when, "when");
        return schedule(callback, options, (now, zone) -> new Trigger.Once(when.resolve(now, zone, true)));
    }

    // ------------------------------------------------------------------------------------------ run repeating

    /** Runs {@code callback} every {@code interval}, the first time one interval from now. */
    public Job<X> runRepeating(JobCallback<X> callback, Duration interval) {
        return runRepeating(callback, interval, null, null, o -> { });
    }

    /** {@link #runRepeating(JobCallback, Duration)} with options. */
    public Job<X> runRepeating(JobCallback<X> callback, Duration interval, Consumer<JobOptions.Builder> options) {
        return runRepeating(callback, interval, null, null, options);
    }

    /**
     * Runs {@code callback} every {@code interval} from {@code first} (null: one interval from now) up to and
     * including {@code last} (null: forever). A time of day for {@code first} or {@code last} means today, even
     * when passed: a past {@code first} only sets the phase, the first run is the next in the sequence.
     *
     * @throws IllegalArgumentException when the interval is not positive, or {@code last} is before {@code first}
     */
    public Job<X> runRepeating(JobCallback<X> callback, Duration interval, When first, When last) {
        return runRepeating(callback, interval, first, last, o -> { });
    }

    /** {@link #runRepeating(JobCallback, Duration, When, When)} with options. */
    public Job<X> runRepeating(JobCallback<X> callback, Duration interval, When first, When last,
                               Consumer<JobOptions.Builder> options) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        return schedule(callback, options, (now, zone) -> new Trigger.Interval(
                first == null ? now.plus(interval) : first.resolve(now, zone, false),
                interval,
                last == null ? null : last.resolve(now, zone, false)));
    }

    // ---------------------------------------------------------------------------------------------- run daily

    /** Runs {@code callback} every day at {@code time}. */
    public Job<X> runDaily(JobCallback<X> callback, LocalTime time) {
        return runDaily(callback, time, EnumSet.allOf(DayOfWeek.class), o -> { });
    }

    /** {@link #runDaily(JobCallback, LocalTime)} with options. */
    public Job<X> runDaily(JobCallback<X> callback, LocalTime time, Consumer<JobOptions.Builder> options) {
        return runDaily(callback, time, EnumSet.allOf(DayOfWeek.class), options);
    }

    /**
     * Runs {@code callback} at {@code time} on each of {@code days}. PTB numbers days 0 = Sunday … 6 = Saturday;
     * here they are {@link DayOfWeek}s ({@code 0 → SUNDAY, 1 → MONDAY, …, 6 → SATURDAY}), e.g.
     * {@code EnumSet.of(SATURDAY, SUNDAY)} for PTB's {@code days=(0, 6)}. See {@link Trigger.Daily} for
     * daylight-saving days.
     *
     * @throws IllegalArgumentException when {@code days} is empty
     */
    public Job<X> runDaily(JobCallback<X> callback, LocalTime time, Set<DayOfWeek> days) {
        return runDaily(callback, time, days, o -> { });
    }

    /** {@link #runDaily(JobCallback, LocalTime, Set)} with options. */
    public Job<X> runDaily(JobCallback<X> callback, LocalTime time, Set<DayOfWeek> days,
                           Consumer<JobOptions.Builder> options) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(days, "days");
        Set<DayOfWeek> copy = Set.copyOf(days); // rejects null elements; the caller's set may change later
        return schedule(callback, options, (now, zone) -> new Trigger.Daily(time, copy, zone));
    }

    // -------------------------------------------------------------------------------------------- run monthly

    /**
     * Runs {@code callback} at {@code time} on day {@code dayOfMonth} (1..31) of each month, skipping months
     * without that day, or on the last day of each month for -1 ({@link Trigger.Monthly#LAST_DAY}).
     *
     * @throws IllegalArgumentException for any other day
     */
    public Job<X> runMonthly(JobCallback<X> callback, LocalTime time, int dayOfMonth) {
        return runMonthly(callback, time, dayOfMonth, o -> { });
    }

    /** {@link #runMonthly(JobCallback, LocalTime, int)} with options. */
    public Job<X> runMonthly(JobCallback<X> callback, LocalTime time, int dayOfMonth,
                             Consumer<JobOptions.Builder> options) {
        Objects.requireNonNull(time, "time");
        return schedule(callback, options, (now, zone) -> new Trigger.Monthly(time, dayOfMonth, zone));
    }

    // --------------------------------------------------------------------------------------------- run custom

    /**
     * Runs {@code callback} at the times of a five-field Unix cron expression
     * ({@code minute hour day-of-month month day-of-week}, e.g. {@code "0 9-17 * * MON-FRI"}) in the job's
     * zone; see {@link Trigger.Cron}.
     *
     * @throws IllegalArgumentException when the expression is invalid, with the reason
     */
    public Job<X> runCustom(JobCallback<X> callback, String cronExpression) {
        return runCustom(callback, cronExpression, o -> { });
    }

    /** {@link #runCustom(JobCallback, String)} with options. */
    public Job<X> runCustom(JobCallback<X> callback, String cronExpression, Consumer<JobOptions.Builder> options) {
        Objects.requireNonNull(cronExpression, "cronExpression");
        return schedule(callback, options, (now, zone) -> new Trigger.Cron(cronExpression, zone));
    }

    // ---------------------------------------------------------------------------------------------- listing

    /** Every scheduled job (paused ones included), soonest first; jobs not yet started come last. */
    public List<Job<X>> jobs() {
        List<JobRecord> records = new ArrayList<>(store.all());
        records.sort(Comparator.comparing(JobRecord::nextRunTime, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(JobRecord::name));
        List<Job<X>> result = new ArrayList<>(records.size());
        for (JobRecord r : records) {
            result.add(jobFor(r));
        }
        lock.lock();
        try {
            for (Pending<X> p : pending.values()) {
                result.add(p.job());
            }
        } finally {
            lock.unlock();
        }
        return result;
    }

    /** The scheduled jobs whose name contains a match of {@code namePattern} ({@link java.util.regex.Matcher#find()}). */
    public List<Job<X>> jobs(Pattern namePattern) {
        Objects.requireNonNull(namePattern, "namePattern");
        return jobs().stream().filter(j -> namePattern.matcher(j.name()).find()).toList();
    }

    /** The scheduled jobs named exactly {@code name}. */
    public List<Job<X>> getJobsByName(String name) {
        Objects.requireNonNull(name, "name");
        return jobs().stream().filter(j -> j.name().equals(name)).toList();
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    /**
     * Starts running jobs; schedules those added before. Does nothing when already started.
     *
     * @throws IllegalStateException when no {@link JobRuntime} is bound
     */
    public void start() {
        List<Pending<X>> toAdd;
        lock.lock();
        try {
            if (started) {
                return;
            }
            if (runtime == null) {
                throw new IllegalStateException("bind a JobRuntime before starting the JobQueue "
                        + "(an Application does this when it is built)");
            }
            started = true;
            toAdd = List.copyOf(pending.values());
            pending.clear();
            executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("telescale-job-", 0).factory());
            scheduler = Thread.ofVirtual().name("telescale-job-scheduler").unstarted(this::loop);
        } finally {
            lock.unlock();
        }
        Instant now = ticker.now();
        for (Pending<X> p : toAdd) {
            ZoneId zone = p.job().options().zone().orElseGet(this::zone);
            add(p.job(), p.spec().resolve(now, zone), now, p.enabled());
        }
        scheduler.start();
    }

    /**
     * Stops running jobs; scheduled jobs stay in the store and run again after {@link #start()}. With
     * {@code waitForRunningJobs} this returns once every run in progress has finished; without, runs in
     * progress finish on their own.
     */
    public void stop(boolean waitForRunningJobs) {
        Thread schedulerThread;
        ExecutorService runs;
        lock.lock();
        try {
            if (!started) {
                return;
            }
            started = false;
            wakeRequested = true;
            wakeup.signalAll();
            schedulerThread = scheduler;
            runs = executor;
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        try {
            schedulerThread.join();
            runs.shutdown();
            if (waitForRunningJobs) {
                while (!runs.awaitTermination(1, TimeUnit.MINUTES)) {
                    log.info("Waiting for running jobs to finish");
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the queue is started. */
    public boolean isRunning() {
        lock.lock();
        try {
            return started;
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------------------------ Job's operations

    boolean isEnabled(Job<X> job) {
        lock.lock();
        try {
            Pending<X> p = pending.get(job.id());
            if (p != null) {
                return p.enabled();
            }
        } finally {
            lock.unlock();
        }
        return store.find(job.id()).map(JobRecord::enabled).orElse(false);
    }

    void setEnabled(Job<X> job, boolean enabled) {
        lock.lock();
        try {
            Pending<X> p = pending.get(job.id());
            if (p != null) {
                pending.put(job.id(), new Pending<>(p.job(), p.spec(), enabled));
                return;
            }
        } finally {
            lock.unlock();
        }
        JobRecord record = store.find(job.id()).orElse(null);
        if (record == null || record.enabled() == enabled) {
            return;
        }
        if (!enabled) {
            store.update(record.withEnabled(false, record.nextRunTime()));
            return;
        }
        Optional<Instant> next = record.trigger().firstRunAtOrAfter(ticker.now());
        if (next.isEmpty()) {
            store.remove(job.id());
            jobs.remove(job.id());
            log.info("Job '{}' resumed after its last run time; removed", job.name());
            return;
        }
        store.update(record.withEnabled(true, next.get()));
        wake();
    }

    void remove(Job<X> job) {
        lock.lock();
        try {
            if (pending.remove(job.id()) != null) {
                return;
            }
        } finally {
            lock.unlock();
        }
        store.remove(job.id());
        jobs.remove(job.id());
        wake();
    }

    boolean isRemoved(Job<X> job) {
        lock.lock();
        try {
            if (pending.containsKey(job.id())) {
                return false;
            }
        } finally {
            lock.unlock();
        }
        return store.find(job.id()).isEmpty();
    }

    Optional<Instant> nextRunTime(Job<X> job) {
        return store.find(job.id()).filter(JobRecord::enabled).map(JobRecord::nextRunTime);
    }

    void runNow(Job<X> job) {
        JobRuntime<X> r = runtime;
        if (r == null) {
            throw new IllegalStateException("bind a JobRuntime before running a job");
        }
        execute(r, job);
    }

    // ------------------------------------------------------------------------------------------- scheduling

    private Job<X> schedule(JobCallback<X> callback, Consumer<JobOptions.Builder> options, TriggerSpec spec) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(options, "options");
        JobOptions.Builder builder = JobOptions.builder();
        options.accept(builder);
        JobOptions built = builder.build();
        if (built.name().isEmpty()) {
            built = builder.name(defaultName(callback)).build();
        }
        ZoneId zone = built.zone().orElseGet(this::zone);
        Instant now = ticker.now();
        // Resolve now even when the queue is not started: bad input (last before first, a bad cron expression)
        // fails here, where the author wrote it, not later in start().
        Trigger trigger = spec.resolve(now, zone);
        Job<X> job = new Job<>(UUID.randomUUID().toString(), callback, built, this);
        lock.lock();
        try {
            if (!started) {
                pending.put(job.id(), new Pending<>(job, spec, true));
                return job;
            }
        } finally {
            lock.unlock();
        }
        add(job, trigger, now, true);
        return job;
    }

    private void add(Job<X> job, Trigger trigger, Instant now, boolean enabled) {
        Optional<Instant> next = trigger.firstRunAtOrAfter(now);
        if (next.isEmpty()) {
            log.warn("Job '{}' has no run left ({}); not scheduled", job.name(), trigger);
            return;
        }
        String callbackName = job.callback() instanceof RegisteredCallback<X> r ? r.name() : null;
        jobs.put(job.id(), job);
        store.add(new JobRecord(job.id(), callbackName, trigger, job.options(), enabled, next.get()));
        wake();
    }

    private static String defaultName(JobCallback<?> callback) {
        if (callback instanceof RegisteredCallback<?> r) {
            return r.name();
        }
        Class<?> type = callback.getClass();
        // Lambdas and method references are hidden classes with generated names: not a name to show.
        return type.isHidden() || type.isAnonymousClass() || type.isSynthetic() ? "job" : type.getSimpleName();
    }

    /** The Job for a stored record: the one handed out here, else one built on the registered callback. */
    private Job<X> jobFor(JobRecord record) {
        Job<X> known = jobs.get(record.id());
        if (known != null) {
            return known;
        }
        String name = record.callbackName();
        RegisteredCallback<X> registered = name == null ? null : callbacks.get(name);
        if (registered == null) {
            JobCallback<X> missing = context -> {
                throw new IllegalStateException("job '" + record.name() + "' needs a callback registered as '"
                        + name + "', and this instance has none; register it before starting the JobQueue");
            };
            return new Job<>(record.id(), missing, record.options(), this);
        }
        return jobs.computeIfAbsent(record.id(), id -> new Job<>(id, registered, record.options(), this));
    }

    private void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            wakeup.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            long pass;
            lock.lock();
            try {
                if (!started) {
                    return;
                }
                wakeRequested = false;
                pass = ++passesStarted;
            } finally {
                lock.unlock();
            }
            Instant now = ticker.now();
            Instant deadline = now.plus(store.pollInterval());
            try {
                runDue(now);
                Optional<Instant> next = store.nextRunTime();
                if (next.isPresent() && next.get().isBefore(deadline)) {
                    deadline = next.get();
                }
            } catch (RuntimeException e) {
                // A store that is down (a database) must not end the schedule: retry at the next poll.
                log.error("Job store failed; retrying in {}", store.pollInterval(), e);
            }
            lock.lock();
            try {
                passesCompleted = pass;
                progress.signalAll();
                while (started && !wakeRequested && ticker.now().isBefore(deadline)) {
                    ticker.await(wakeup, deadline);
                }
            } catch (InterruptedException e) {
                log.warn("Job scheduler interrupted; no further jobs run until the queue is restarted");
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private void runDue(Instant now) {
        while (true) {
            List<JobRecord> due = store.due(now, BATCH);
            for (JobRecord record : due) {
                if (!isRunning()) {
                    return;
                }
                claimAndRun(record, now);
            }
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    /** Claims the due runs of one job and starts those that are not too late. */
    private void claimAndRun(JobRecord record, Instant now) {
        Trigger trigger = record.trigger();
        Instant due = record.nextRunTime();
        Duration late = Duration.between(due, now);
        Duration grace = record.options().misfireGrace();
        boolean missed = late.compareTo(grace) > 0;
        // Runs older than the grace are skipped; enumerate only those within it (at most MAX_CATCH_UP).
        Instant t = missed ? trigger.nextAfter(now.minus(grace).minusNanos(1)).orElse(null) : due;
        List<Instant> runTimes = new ArrayList<>();
        while (t != null && !t.isAfter(now) && runTimes.size() < MAX_CATCH_UP) {
            runTimes.add(t);
            t = trigger.nextAfter(t).orElse(null);
        }
        Instant next = trigger.nextAfter(now).orElse(null);
        if (!store.claim(record.id(), due, next)) {
            return; // paused, removed, or run by another instance meanwhile
        }
        Job<X> job = jobFor(record);
        if (next == null) {
            jobs.remove(record.id());
        }
        if (missed && (runTimes.isEmpty() || !record.options().coalesce())) {
            log.warn("Run time of job '{}' was missed by {} (misfire grace {}); skipped", job.name(), late, grace);
        }
        if (record.options().coalesce() && runTimes.size() > 1) {
            runTimes = List.of(runTimes.getLast());
        }
        for (Instant runTime : runTimes) {
            dispatch(job, record.options().maxInstances(), runTime);
        }
    }

    private void dispatch(Job<X> job, int maxInstances, Instant runTime) {
        boolean[] admitted = {false};
        running.compute(job.id(), (id, n) -> {
            int count = n == null ? 0 : n;
            if (count >= maxInstances) {
                return n;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            log.warn("Run of job '{}' at {} skipped: maximum number of running instances reached ({})",
                    job.name(), runTime, maxInstances);
            return;
        }
        JobRuntime<X> r = runtime;
        executor.execute(() -> {
            try {
                execute(r, job);
            } finally {
                running.computeIfPresent(job.id(), (id, n) -> n <= 1 ? null : n - 1);
                lock.lock();
                try {
                    progress.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        });
    }

    private void execute(JobRuntime<X> r, Job<X> job) {
        try {
            job.callback().run(r.contextFor(job));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            try {
                r.reportError(job, e);
            } catch (RuntimeException reportFailure) {
                reportFailure.addSuppressed(e);
                log.error("Reporting the error of job '{}' failed", job.name(), reportFailure);
            }
        } finally {
            try {
                r.markForPersistence(job);
            } catch (RuntimeException e) {
                log.error("Marking job '{}' for persistence failed", job.name(), e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- test hooks

    /**
     * Wakes the scheduler and waits until a pass that started after this call has finished (so it saw every
     * change made before the call, including the ticker's time), and, when {@code andIdle}, no run is in
     * progress. False when {@code timeout} (real time) passed first.
     */
    boolean awaitPass(boolean andIdle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            long after = passesStarted;
            wakeRequested = true;
            wakeup.signalAll();
            while (passesCompleted <= after || (andIdle && !running.isEmpty())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
