package dev.telescale.core.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default {@link JobStore}: jobs live in this process's memory and are gone after a restart (PTB's JobQueue).
 * Holds jobs with callbacks given directly as well as registered by name. Finding the next due job is a lookup in
 * an index ordered by next run time, so many scheduled jobs (one reminder per user) stay cheap.
 */
public final class InMemoryJobStore implements JobStore {

    private record Due(Instant at, String id) {
    }

    private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparing(Due::id);

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, JobRecord> jobs = new HashMap<>();
    private final NavigableSet<Due> schedule = new TreeSet<>(ORDER);

    /** An empty store. */
    public InMemoryJobStore() {
    }

    @Override
    public void add(JobRecord job) {
        Objects.requireNonNull(job, "job");
        lock.lock();
        try {
            if (jobs.containsKey(job.id())) {
                throw new IllegalArgumentException("a job with id " + job.id() + " already exists");
            }
            put(job);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        lock.lock();
        try {
            return Optional.ofNullable(jobs.get(jobId));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<JobRecord> all() {
        lock.lock();
        try {
            return List.copyOf(jobs.values());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean update(JobRecord job) {
        Objects.requireNonNull(job, "job");
        lock.lock();
        try {
            if (delete(job.id()) == null) {
                return false;
            }
            put(job);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean remove(String jobId) {
        lock.lock();
        try {
            return delete(jobId) != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<JobRecord> due(Instant now, int limit) {
        lock.lock();
        try {
            List<JobRecord> result = new ArrayList<>();
            for (Due d : schedule) {
                if (d.at().isAfter(now) || result.size() >= limit) {
                    break;
                }
                result.add(jobs.get(d.id()));
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Instant> nextRunTime() {
        lock.lock();
        try {
            return schedule.isEmpty() ? Optional.empty() : Optional.of(schedule.first().at());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean claim(String jobId, Instant expectedNextRunTime, Instant newNextRunTime) {
        lock.lock();
        try {
            JobRecord job = jobs.get(jobId);
            if (job == null || !job.enabled() || !Objects.equals(job.nextRunTime(), expectedNextRunTime)) {
                return false;
            }
            delete(jobId);
            if (newNextRunTime != null) {
                put(job.withNextRunTime(newNextRunTime));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void put(JobRecord job) {
        jobs.put(job.id(), job);
        if (job.isScheduled()) {
            schedule.add(new Due(job.nextRunTime(), job.id()));
        }
    }

    private JobRecord delete(String jobId) {
        JobRecord old = jobs.remove(jobId);
        if (old != null && old.isScheduled()) {
            schedule.remove(new Due(old.nextRunTime(), old.id()));
        }
        return old;
    }
}
