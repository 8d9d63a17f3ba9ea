package dev.telescale.core.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A job scheduled on a {@link JobQueue}: its callback, name, data and chat/user, and the handles to pause,
 * resume, remove or run it now. Returned by every {@code run*} method and available to the running callback
 * through its context. Two {@code Job}s are equal when they have the same {@link #id()}.
 *
 * @param <X> the context type of the callback
 */
public final class Job<X> {

    private final String id;
    private final JobCallback<X> callback;
    private final JobOptions options;
    private final JobQueue<X> queue;

    Job(String id, JobCallback<X> callback, JobOptions options, JobQueue<X> queue) {
        this.id = Objects.requireNonNull(id, "id");
        this.callback = Objects.requireNonNull(callback, "callback");
        this.options = Objects.requireNonNull(options, "options");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /** The job's unique id. */
    public String id() {
        return id;
    }

    /** The job's name. */
    public String name() {
        return options.name().orElseThrow();
    }

    /** What the job was scheduled with ({@link JobOptions.Builder#data}), or null. */
    public Object data() {
        return options.data();
    }

    /** The chat the job belongs to. */
    public OptionalLong chatId() {
        return options.chatId();
    }

    /** The user the job belongs to. */
    public OptionalLong userId() {
        return options.userId();
    }

    /** All options the job was scheduled with. */
    public JobOptions options() {
        return options;
    }

    /** What the job runs. */
    public JobCallback<X> callback() {
        return callback;
    }

    /** False while the job is paused. */
    public boolean isEnabled() {
        return queue.isEnabled(this);
    }

    /**
     * Pauses ({@code false}) or resumes ({@code true}) the job. A paused job keeps its place in the queue but does
     * not run; on resume it waits for its next run time from now on (a one-off job whose time passed while it
     * was paused runs if it is still within its misfire grace, else it is dropped).
     */
    public void setEnabled(boolean enabled) {
        queue.setEnabled(this, enabled);
    }

    /** Removes the job from its queue: it will not run again (a run in progress finishes). */
    public void scheduleRemoval() {
        queue.remove(this);
    }

    /**
     * True once the job has left its queue: after {@link #scheduleRemoval()}, or when its schedule has no run
     * left (a one-off job that ran, a repeating job past its last run).
     */
    public boolean isRemoved() {
        return queue.isRemoved(this);
    }

    /** When the job runs next; empty before the queue has started, while paused and after removal. */
    public Optional<Instant> nextRunTime() {
        return queue.nextRunTime(this);
    }

    /**
     * Runs the callback once now, in the calling thread, outside the schedule (PTB's {@code job.run}): the next
     * scheduled run is unchanged and the overlap limit does not apply. An exception goes to the runtime's
     * error handlers, as for a scheduled run.
     *
     * @throws IllegalStateException when the queue has no {@link JobRuntime} bound
     */
    public void run() {
        queue.runNow(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Job<?> other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Job[" + name() + ", id=" + id + "]";
    }
}
