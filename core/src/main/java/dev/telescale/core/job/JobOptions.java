package dev.telescale.core.job;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The per-job settings every {@code run*} method of {@link JobQueue} accepts through a
 * {@code Consumer<JobOptions.Builder>}: name, data, chat and user id, time zone, and the misfire and overlap rules
 * of PTB (APScheduler's defaults): a run more than {@link #misfireGrace()} (1 s) late is skipped, several missed
 * runs {@link #coalesce() coalesce} into one, and at most {@link #maxInstances()} (1) runs of a job overlap — a
 * run due while the previous one still runs is skipped with a warning.
 * <pre>{@code
 * jobs.runRepeating(remind, Duration.ofMinutes(5), o -> o.name("remind-42").chatId(42).data(text));
 * }</pre>
 */
public final class JobOptions {

    private final String name;
    private final Object data;
    private final Long chatId;
    private final Long userId;
    private final ZoneId zone;
    private final Duration misfireGrace;
    private final boolean coalesce;
    private final int maxInstances;

    private JobOptions(Builder b) {
        this.name = b.name;
        this.data = b.data;
        this.chatId = b.chatId;
        this.userId = b.userId;
        this.zone = b.zone;
        this.misfireGrace = b.misfireGrace;
        this.coalesce = b.coalesce;
        this.maxInstances = b.maxInstances;
    }

    /** A builder with PTB's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The job's name; empty only while the queue has not yet filled in its default. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The author's payload ({@code job.data} in PTB), or null. */
    public Object data() {
        return data;
    }

    /** The chat whose {@code chatData} the job's context carries. */
    public OptionalLong chatId() {
        return chatId == null ? OptionalLong.empty() : OptionalLong.of(chatId);
    }

    /** The user whose {@code userData} the job's context carries. */
    public OptionalLong userId() {
        return userId == null ? OptionalLong.empty() : OptionalLong.of(userId);
    }

    /** The zone local times of this job are read in, when it is not the queue's. */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(zone);
    }

    /** How late a run may start; a later run is skipped. Default 1 s. */
    public Duration misfireGrace() {
        return misfireGrace;
    }

    /** Whether several runs missed at once (the process was paused or busy) run once. Default true. */
    public boolean coalesce() {
        return coalesce;
    }

    /** How many runs of this job may run at the same time. Default 1. */
    public int maxInstances() {
        return maxInstances;
    }

    @Override
    public String toString() {
        return "JobOptions[name=" + name + ", chatId=" + chatId + ", userId=" + userId + ", zone=" + zone
                + ", misfireGrace=" + misfireGrace + ", coalesce=" + coalesce + ", maxInstances=" + maxInstances + "]";
    }

    /** Builds {@link JobOptions}; starts with PTB's defaults. */
    public static final class Builder {
        private String name;
        private Object data;
        private Long chatId;
        private Long userId;
        private ZoneId zone;
        private Duration misfireGrace = Duration.ofSeconds(1);
        private boolean coalesce = true;
        private int maxInstances = 1;

        private Builder() {
        }

        /** The job's name (default: the callback's registered name, else its class's simple name, else "job"). */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("job name must not be blank");
            }
            this.name = name;
            return this;
        }

        /** Any object the callback reads back through {@link Job#data()}. */
        public Builder data(Object data) {
            this.data = data;
            return this;
        }

        /** The chat the job belongs to. */
        public Builder chatId(long chatId) {
            this.chatId = chatId;
            return this;
        }

        /** The user the job belongs to. */
        public Builder userId(long userId) {
            this.userId = userId;
            return this;
        }

        /** Reads this job's local times in {@code zone} instead of the queue's zone. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** {@link #zone(ZoneId)} by id, e.g. "Europe/Berlin"; an unknown id fails here with a clear message. */
        public Builder zone(String zoneId) {
            Objects.requireNonNull(zoneId, "zoneId");
            try {
                return zone(ZoneId.of(zoneId));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unknown time zone '" + zoneId
                        + "'; use a region id such as 'Europe/Berlin' or an offset such as '+02:00'", e);
            }
        }

        /** How late a run may start before it is skipped; zero or positive. */
        public Builder misfireGrace(Duration grace) {
            Objects.requireNonNull(grace, "grace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("misfire grace must not be negative, got " + grace);
            }
            this.misfireGrace = grace;
            return this;
        }

        /** Whether several missed runs run once (true, default) or each (false, those within the grace). */
        public Builder coalesce(boolean coalesce) {
            this.coalesce = coalesce;
            return this;
        }

        /** How many runs may overlap, at least 1. */
        public Builder maxInstances(int maxInstances) {
            if (maxInstances < 1) {
                throw new IllegalArgumentException("maxInstances must be at least 1, got " + maxInstances);
            }
            this.maxInstances = maxInstances;
            return this;
        }

        /** The options. */
        public JobOptions build() {
            return new JobOptions(this);
        }
    }
}
