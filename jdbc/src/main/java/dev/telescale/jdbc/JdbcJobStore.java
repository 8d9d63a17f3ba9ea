package dev.telescale.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.TaskResolver;
import com.github.kagkarlsson.scheduler.event.SchedulerListeners;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepository;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.telescale.core.job.JobQueue;
import dev.telescale.core.job.JobRecord;
import dev.telescale.core.job.JobStore;
import dev.telescale.core.persistence.RetryPolicy;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link JobStore} in a database (SQLite or PostgreSQL) that keeps jobs across restarts and lets several instances
 * of one bot share them, each due run executed by exactly one instance. Built on db-scheduler's table and its
 * repository: one row per job in {@code <prefix>scheduled_tasks}, its due time in {@code execution_time}, the job
 * (callback name, trigger, options, exact next run time) as JSON in {@code task_data}; every change is a
 * compare-and-set on the row's {@code version}, so of several instances claiming one due run exactly one wins.
 * <pre>{@code
 * JdbcJobStore store = JdbcJobStore.builder().sqliteFile(Path.of("bot.db")).build();
 * JobQueue<Context> jobs = new JobQueue<>(store);          // ApplicationBuilder.jobQueue(jobs)
 * JobCallback<Context> remind = jobs.registerCallback("remind", ctx -> ...);   // same name on every instance
 * jobs.runRepeating(remind, Duration.ofHours(1), o -> o.chatId(chatId).data("drink water"));
 * }</pre>
 * Jobs must name their callback ({@link JobQueue#registerCallback}); their data must be plain JSON values (strings,
 * numbers, booleans, lists, maps), read back as such. Paused jobs keep their row with a due time in year 9999.
 */
public final class JdbcJobStore implements JobStore, AutoCloseable {

    /** The db-scheduler task name of every Telescale job (a job's id is the task instance). */
    static final String TASK = "telescale-job";
    /** The due time of a paused job: never reached. */
    static final Instant PAUSED = Instant.parse("9999-01-01T00:00:00Z");

    private static final Serializer UTF8 = new Serializer() {
        @Override
        public byte[] serialize(Object data) {
            return ((String) data).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] bytes) {
            return type.cast(new String(bytes, StandardCharsets.UTF_8));
        }
    };

    private final Database db;
    private final JobJson json = new JobJson(new ObjectMapper().findAndRegisterModules());
    private final Duration pollInterval;
    private final String instanceName;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile JdbcTaskRepository repository;

    private JdbcJobStore(Builder b) {
        this.db = new Database(b.dataSource, b.url, b.user, b.password, b.connectionTimeout, b.tablePrefix, b.retry);
        this.pollInterval = b.pollInterval;
        this.instanceName = b.instanceName;
    }

    /** A builder; give the database with {@link Builder#sqliteFile}, {@link Builder#url} or {@link Builder#dataSource}. */
    public static Builder builder() {
        return new Builder();
    }

    private JdbcTaskRepository repository() {
        JdbcTaskRepository r = repository;
        if (r != null) {
            return r;
        }
        lock.lock();
        try {
            if (repository == null) {
                Dialect dialect = db.dialect(); // connects, and brings the schema up to date
                JdbcCustomization customization = dialect == Dialect.SQLITE ? new SqliteJdbcCustomization()
                        : new PostgreSqlJdbcCustomization(false, true);
                OneTimeTask<String> task = Tasks.oneTime(TASK, String.class).execute((instance, context) -> {
                    throw new IllegalStateException("Telescale jobs are run by the JobQueue, not by db-scheduler");
                });
                SystemClock clock = new SystemClock();
                TaskResolver resolver = new TaskResolver(SchedulerListeners.NOOP, clock, List.of(task));
                repository = new JdbcTaskRepository(db.dataSource(), true, customization,
                        db.table("scheduled_tasks"), resolver, new SchedulerName.Fixed(instanceName), UTF8, false,
                        clock);
            }
            return repository;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void add(JobRecord job) {
        Objects.requireNonNull(job, "job");
        if (job.callbackName() == null) {
            throw new IllegalArgumentException("job '" + job.name() + "' has a callback given as an object; a "
                    + "persistent job store keeps only callback names: register it with "
                    + "jobQueue.registerCallback(\"name\", callback) and schedule the callback that returns");
        }
        String data = json.write(job);
        boolean created = repository().createIfNotExists(
                SchedulableInstance.of(new TaskInstance<>(TASK, job.id(), data), dueTime(job)));
        if (!created) {
            throw new IllegalArgumentException("a job with id " + job.id() + " already exists");
        }
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        return repository().getExecution(TASK, jobId).map(this::record);
    }

    @Override
    public List<JobRecord> all() {
        List<JobRecord> result = new ArrayList<>();
        repository().getScheduledExecutions(ScheduledExecutionsFilter.all(), TASK, e -> result.add(record(e)));
        return result;
    }

    @Override
    public boolean update(JobRecord job) {
        Objects.requireNonNull(job, "job");
        String data = json.write(job);
        while (true) {
            Optional<Execution> current = repository().getExecution(TASK, job.id());
            if (current.isEmpty()) {
                return false;
            }
            try {
                repository().reschedule(current.get(), dueTime(job), data, null, null, 0);
                return true;
            } catch (ExecutionException changedMeanwhile) {
                // Another instance claimed or changed the row between our read and write: read again.
            }
        }
    }

    @Override
    public boolean remove(String jobId) {
        while (true) {
            Optional<Execution> current = repository().getExecution(TASK, jobId);
            if (current.isEmpty()) {
                return false;
            }
            try {
                repository().remove(current.get());
                return true;
            } catch (ExecutionException changedMeanwhile) {
                // Claimed meanwhile (new version): read again and remove that.
            }
        }
    }

    @Override
    public List<JobRecord> due(Instant now, int limit) {
        // The column may be rounded down (SQLite keeps milliseconds): the exact time in the JSON decides.
        return repository().getDue(now, limit).stream().map(this::record)
                .filter(r -> !r.nextRunTime().isAfter(now)).toList();
    }

    @Override
    public Optional<Instant> nextRunTime() {
        return repository().getDue(PAUSED.minusSeconds(1), 1).stream().findFirst()
                .map(e -> record(e).nextRunTime());
    }

    @Override
    public boolean claim(String jobId, Instant expectedNextRunTime, Instant newNextRunTime) {
        Optional<Execution> current = repository().getExecution(TASK, jobId);
        if (current.isEmpty()) {
            return false;
        }
        Execution e = current.get();
        JobRecord job = record(e);
        if (!job.enabled() || !expectedNextRunTime.equals(job.nextRunTime())) {
            return false;
        }
        try {
            if (newNextRunTime == null) {
                repository().remove(e);
            } else {
                repository().reschedule(e, newNextRunTime, json.write(job.withNextRunTime(newNextRunTime)), null, null,
                        0);
            }
            return true;
        } catch (ExecutionException lost) {
            return false; // another instance moved the row first: it runs this due run
        }
    }

    @Override
    public Duration pollInterval() {
        return pollInterval;
    }

    /** Closes the pool made from the URL (a DataSource given is left open). */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "JdbcJobStore[table=" + db.table("scheduled_tasks") + ", instance=" + instanceName + "]";
    }

    private JobRecord record(Execution e) {
        return json.read(e.taskInstance.getId(), (String) e.taskInstance.getData());
    }

    private static Instant dueTime(JobRecord job) {
        return job.isScheduled() ? job.nextRunTime() : PAUSED;
    }

    /** Builds a {@link JdbcJobStore}. */
    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private String tablePrefix = "telescale_";
        private Duration pollInterval = Duration.ofSeconds(2);
        private String instanceName = "telescale-" + ProcessHandle.current().pid();
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration connectionTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** A SQLite database in one file (may be the same file as a {@link JdbcPersistence}). */
        public Builder sqliteFile(Path file) {
            return url("jdbc:sqlite:" + Objects.requireNonNull(file, "file").toAbsolutePath());
        }

        /** A JDBC URL ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}). */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            this.dataSource = null;
            return this;
        }

        /** A JDBC URL with credentials (never logged). */
        public Builder url(String url, String user, String password) {
            url(url);
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Your own connections. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.url = null;
            return this;
        }

        /** Prefix of the tables (default {@code telescale_}), as for {@link JdbcPersistence}. */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * How often the queue looks for jobs when none is due sooner (default 2 s): the longest a job added or
         * resumed by another instance waits to be noticed.
         */
        public Builder pollInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive, got " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /** This instance's name in db-scheduler's table (default: telescale-&lt;pid&gt;). */
        public Builder instanceName(String name) {
            this.instanceName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Retries on connection failure while bringing the schema up to date (default {@link RetryPolicy#DEFAULT}). */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** How long to wait for a connection from the pool made for a URL (default 5 s). */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The store; connects on first use. */
        public JdbcJobStore build() {
            return new JdbcJobStore(this);
        }
    }
}
