package dev.telescale.core.conversation;

import dev.telescale.core.Application;
import dev.telescale.core.job.Job;

/**
 * One armed conversation timeout: the job on the application's queue and what the {@code TIMEOUT} handlers get when
 * it fires — the last update of the conversation and the context it was handled with. Its identity tells a current
 * timeout from a stale one: the handler keeps the current arm per conversation, and a job whose arm is no longer the
 * current one does nothing.
 *
 * @param <X> the context type
 */
final class TimeoutArm<X> {

    final Object update;
    final X context;
    final Application<?> application;
    private volatile Job<?> job;
    private volatile boolean cancelled;

    TimeoutArm(Object update, X context, Application<?> application) {
        this.update = update;
        this.context = context;
        this.application = application;
    }

    /** Records the scheduled job; removes it at once when the arm was cancelled while it was being scheduled. */
    void scheduled(Job<?> scheduledJob) {
        this.job = scheduledJob;
        if (cancelled) {
            scheduledJob.scheduleRemoval();
        }
    }

    /** Removes the job from the queue (a newer update re-arms, or the conversation ended). */
    void cancel() {
        cancelled = true;
        Job<?> j = job;
        if (j != null) {
            j.scheduleRemoval();
        }
    }

    /** The job, once scheduled. */
    Job<?> job() {
        return job;
    }
}
