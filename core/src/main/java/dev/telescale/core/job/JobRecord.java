package dev.telescale.core.job;

import java.time.Instant;
import java.util.Objects;

/**
 * A scheduled job as a {@link JobStore} keeps it: plain values only, no callback object, so a persistent store
 * can write it to a table. {@code callbackName} is the name the callback was registered under
 * ({@link JobQueue#registerCallback}), or null for a callback given directly (which only the in-memory store can
 * hold); {@code nextRunTime} is null once the schedule has no run left.
 *
 * @param id           unique id of the job
 * @param callbackName the registered callback's name, or null
 * @param trigger      the schedule
 * @param options      name (always present here), data, chat/user id, misfire and overlap rules
 * @param enabled      false while paused
 * @param nextRunTime  when the job is next due, or null
 */
public record JobRecord(String id, String callbackName, Trigger trigger, JobOptions options, boolean enabled,
                        Instant nextRunTime) {

    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(options, "options");
        if (options.name().isEmpty()) {
            throw new IllegalArgumentException("a stored job needs a name");
        }
    }

    /** The job's name. */
    public String name() {
        return options.name().orElseThrow();
    }

    /** Whether the job waits for a run: enabled and with a next run time. */
    public boolean isScheduled() {
        return enabled && nextRunTime != null;
    }

    /** This record with another next run time. */
    public JobRecord withNextRunTime(Instant next) {
        return new JobRecord(id, callbackName, trigger, options, enabled, next);
    }

    /** This record enabled or paused, waiting for {@code next}. */
    public JobRecord withEnabled(boolean enabled, Instant next) {
        return new JobRecord(id, callbackName, trigger, options, enabled, next);
    }
}
