package dev.telescale.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@link JobQueue} keeps its schedule: the service provider interface for job stores. The queue owns the
 * logic (triggers, misfire grace, coalescing, overlap, running callbacks on virtual threads); a store only keeps
 * {@link JobRecord}s and decides, atomically, which instance runs a due job. {@link InMemoryJobStore} is the
 * default; a persistent, cluster-safe store (JDBC on db-scheduler or Quartz tables) implements the same methods:
 * <ul>
 *   <li>{@link #due} is a query ({@code next_run_time <= now and enabled order by next_run_time limit n});</li>
 *   <li>{@link #claim} is a compare-and-set of the next run time
 *       ({@code update … set next_run_time = :new where id = :id and next_run_time = :expected}); the instance
 *       whose update changed a row runs the due run(s), every other instance sharing the store sees false —
 *       so a due job runs exactly once however many instances poll the store;</li>
 *   <li>{@link #pollInterval} is short for a shared store, because jobs added by other instances do not wake this
 *       one.</li>
 * </ul>
 * A persistent store keeps no callback objects: it rejects a record whose {@code callbackName} is null in
 * {@link #add} (with a message telling to register the callback by name), and every instance registers the same
 * callbacks under the same names before it starts. The job's data must then be something the store can
 * serialise; the store says what in its documentation. Overlap limits ({@link JobOptions#maxInstances()}) hold
 * per instance. All methods may be called from several threads.
 */
public interface JobStore {

    /** Adds a job; its id must be new. */
    void add(JobRecord job);

    /** The job with this id. */
    Optional<JobRecord> find(String jobId);

    /** Every job, in no particular order. */
    List<JobRecord> all();

    /** Replaces the job with the same id (enable/disable); false when it is gone. */
    boolean update(JobRecord job);

    /** Removes a job; false when it was not there. */
    boolean remove(String jobId);

    /** Up to {@code limit} enabled jobs whose next run time is at or before {@code now}, earliest first. */
    List<JobRecord> due(Instant now, int limit);

    /** The earliest next run time of an enabled job. */
    Optional<Instant> nextRunTime();

    /**
     * Atomically moves a due job from {@code expectedNextRunTime} to {@code newNextRunTime} (null: the schedule
     * has ended, delete the job). True when this caller won the run: the job was there, enabled, and still at
     * {@code expectedNextRunTime}.
     */
    boolean claim(String jobId, Instant expectedNextRunTime, Instant newNextRunTime);

    /** The longest the queue waits before asking {@link #nextRunTime()} again. */
    default Duration pollInterval() {
        return Duration.ofMinutes(1);
    }
}
