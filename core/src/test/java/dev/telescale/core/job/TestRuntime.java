package dev.telescale.core.job;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JobRuntime for tests: the context is the job itself; errors and persistence marks are recorded. */
final class TestRuntime implements JobRuntime<TestRuntime.Ctx> {

    /** The context handed to callbacks. */
    record Ctx(Job<Ctx> job) {
    }

    record Failure(Job<Ctx> job, Throwable error) {
    }

    final List<Failure> errors = new CopyOnWriteArrayList<>();
    final List<Job<Ctx>> marked = new CopyOnWriteArrayList<>();
    private final ZoneId zone;

    TestRuntime() {
        this(ZoneOffset.UTC);
    }

    TestRuntime(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Ctx contextFor(Job<Ctx> job) {
        return new Ctx(job);
    }

    @Override
    public void reportError(Job<Ctx> job, Throwable error) {
        errors.add(new Failure(job, error));
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public void markForPersistence(Job<Ctx> job) {
        marked.add(job);
    }
}
