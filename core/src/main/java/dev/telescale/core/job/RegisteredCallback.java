package dev.telescale.core.job;

import java.util.Objects;

/**
 * A callback registered under a name with {@link JobQueue#registerCallback}: what {@link JobRecord#callbackName()}
 * refers to, so a persistent store keeps the name and any instance that registered the same name runs the job.
 */
final class RegisteredCallback<X> implements JobCallback<X> {

    private final String name;
    private final JobCallback<X> delegate;

    RegisteredCallback(String name, JobCallback<X> delegate) {
        this.name = Objects.requireNonNull(name, "name");
        this.delegate = Objects.requireNonNull(delegate, "callback");
    }

    String name() {
        return name;
    }

    @Override
    public void run(X context) throws Exception {
        delegate.run(context);
    }

    @Override
    public String toString() {
        return "JobCallback[" + name + "]";
    }
}
