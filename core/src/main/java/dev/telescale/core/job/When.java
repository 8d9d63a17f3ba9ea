package dev.telescale.core.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A point in time as a bot author states it: a delay from now, an absolute instant, a local date-time or a time
 * of day. Local values are read in the job's time zone (the queue's, from {@code Defaults.timeZone()}, unless the
 * job's options name another) when the job is scheduled — for jobs added before the queue starts, when it
 * starts. Used for {@link JobQueue#runOnce(JobCallback, When)} and for the first and last run of
 * {@link JobQueue#runRepeating(JobCallback, Duration, When, When)}.
 */
public final class When {

    private final Object value;

    private When(Object value) {
        this.value = value;
    }

    /** {@code delay} after the job is scheduled; must not be negative. */
    public static When in(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        return new When(delay);
    }

    /** At this instant. */
    public static When at(Instant instant) {
        return new When(Objects.requireNonNull(instant, "instant"));
    }

    /** At this date-time in its own zone. */
    public static When at(ZonedDateTime dateTime) {
        return new When(Objects.requireNonNull(dateTime, "dateTime").toInstant());
    }

    /** At this date-time at its own offset. */
    public static When at(OffsetDateTime dateTime) {
        return new When(Objects.requireNonNull(dateTime, "dateTime").toInstant());
    }

    /** At this local date-time in the job's zone. */
    public static When at(LocalDateTime dateTime) {
        return new When(Objects.requireNonNull(dateTime, "dateTime"));
    }

    /**
     * At this time of day in the job's zone: today, or tomorrow when today's has already passed (for
     * {@code runOnce}); for the first or last run of {@code runRepeating} always today, as in PTB (a past first
     * run only sets the phase of the repetition).
     */
    public static When at(LocalTime time) {
        return new When(Objects.requireNonNull(time, "time"));
    }

    /** The instant this stands for, at {@code now} in {@code zone}; {@code shiftDay} moves a passed time of day to tomorrow. */
    Instant resolve(Instant now, ZoneId zone, boolean shiftDay) {
        return switch (value) {
            case Duration d -> now.plus(d);
            case Instant i -> i;
            case LocalDateTime ldt -> ldt.atZone(zone).toInstant();
            case LocalTime t -> {
                LocalDate today = now.atZone(zone).toLocalDate();
                Instant at = ZonedDateTime.of(today, t, zone).toInstant();
                yield shiftDay && !at.isAfter(now) ? ZonedDateTime.of(today.plusDays(1), t, zone).toInstant() : at;
            }
            default -> throw new IllegalStateException("unexpected " + value.getClass());
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof When w && value.equals(w.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value instanceof Duration d ? "in " + d : "at " + value;
    }
}
