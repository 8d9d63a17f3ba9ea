package dev.telescale.core.job;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a job runs: a resolved, immutable schedule in absolute time or in a named time zone. Triggers are values
 * so that a {@link JobStore} can persist them (each variant is a record of plain java.time values and strings);
 * the {@link JobQueue}'s {@code run*} methods build them, a bot author rarely does. {@link #nextAfter(Instant)}
 * is the whole contract: the first run time strictly after a given instant, or empty when the schedule has ended.
 */
public sealed interface Trigger {

    /** The first run time strictly after {@code after}, or empty when no run follows. */
    Optional<Instant> nextAfter(Instant after);

    /**
     * The run time a newly scheduled (or resumed) job waits for. Default: the first run at or after {@code now}.
     * {@link Once} overrides it: a one-off time already in the past is still due, and the misfire grace decides
     * whether it runs (as in PTB/APScheduler).
     */
    default Optional<Instant> firstRunAtOrAfter(Instant now) {
        return nextAfter(now.minusNanos(1));
    }

    /** One run at {@code at} ({@code runOnce}). */
    record Once(Instant at) implements Trigger {
        public Once {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return at.isAfter(after) ? Optional.of(at) : Optional.empty();
        }

        @Override
        public Optional<Instant> firstRunAtOrAfter(Instant now) {
            return Optional.of(at);
        }
    }

    /**
     * Runs at {@code first + k * interval} for k = 0, 1, … up to and including {@code last} when it is not null
     * ({@code runRepeating}). A {@code first} in the past sets the phase: the next run is the first of the
     * sequence at or after now.
     */
    record Interval(Instant first, Duration interval, Instant last) implements Trigger {
        public Interval {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive, got " + interval);
            }
            if (last != null && last.isBefore(first)) {
                // PTB: ValueError("'last' must not be before 'first'!")
                throw new IllegalArgumentException("'last' must not be before 'first' (first " + first
                        + ", last " + last + ")");
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            Instant next;
            if (after.isBefore(first)) {
                next = first;
            } else {
                long periods = Duration.between(first, after).dividedBy(interval) + 1;
                next = first.plus(interval.multipliedBy(periods));
            }
            return last != null && next.isAfter(last) ? Optional.empty() : Optional.of(next);
        }
    }

    /**
     * Runs at {@code time} in {@code zone} on each of {@code days} ({@code runDaily}). A time that does not exist
     * on a daylight-saving day (the clocks jump over it) runs at the same offset after the jump (02:30 becomes
     * 03:30 in Europe/Berlin on the spring change day); a time that exists twice (autumn) runs once, at the
     * earlier of the two.
     */
    record Daily(LocalTime time, Set<DayOfWeek> days, ZoneId zone) implements Trigger {
        public Daily {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(days, "days");
            if (days.isEmpty()) {
                throw new IllegalArgumentException(
                        "days must not be empty; pass EnumSet.allOf(DayOfWeek.class) to run every day");
            }
            for (DayOfWeek d : days) {
                Objects.requireNonNull(d, "days must not contain null");
            }
            days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            LocalDate date = after.atZone(zone).toLocalDate();
            // 8 days: today may have passed, and the same weekday comes back after 7 more.
            for (int i = 0; i <= 7; i++) {
                LocalDate d = date.plusDays(i);
                if (days.contains(d.getDayOfWeek())) {
                    Instant candidate = ZonedDateTime.of(d, time, zone).toInstant();
                    if (candidate.isAfter(after)) {
                        return Optional.of(candidate);
                    }
                }
            }
            throw new IllegalStateException("unreachable: a day of " + days + " occurs within 8 days");
        }
    }

    /**
     * Runs at {@code time} in {@code zone} on day {@code dayOfMonth} (1..31) of each month, skipping months that
     * have no such day, or on the last day of each month when {@code dayOfMonth} is {@link #LAST_DAY} (-1)
     * ({@code runMonthly}). Daylight-saving gaps and overlaps behave as in {@link Daily}.
     */
    record Monthly(LocalTime time, int dayOfMonth, ZoneId zone) implements Trigger {
        /** {@code dayOfMonth} meaning the last day of each month, as PTB's {@code day=-1}. */
        public static final int LAST_DAY = -1;

        public Monthly {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
            if (dayOfMonth != LAST_DAY && (dayOfMonth < 1 || dayOfMonth > 31)) {
                throw new IllegalArgumentException("day of month must be 1..31 or -1 (last day of the month), got "
                        + dayOfMonth);
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            YearMonth month = YearMonth.from(after.atZone(zone));
            // Day 31 occurs at least every 2 months, day 30 every 2, day 29 in February only every 4 years
            // but in every other month: 13 months always suffice.
            for (int i = 0; i <= 13; i++) {
                YearMonth m = month.plusMonths(i);
                int day = dayOfMonth == LAST_DAY ? m.lengthOfMonth() : dayOfMonth;
                if (day <= m.lengthOfMonth()) {
                    Instant candidate = ZonedDateTime.of(m.atDay(day), time, zone).toInstant();
                    if (candidate.isAfter(after)) {
                        return Optional.of(candidate);
                    }
                }
            }
            throw new IllegalStateException("unreachable: day " + dayOfMonth + " occurs within 13 months");
        }
    }

    /**
     * Runs at the times of a five-field Unix cron expression ({@code minute hour day-of-month month day-of-week},
     * e.g. {@code "0 9 * * MON-FRI"}) evaluated in {@code zone} ({@code runCustom}). Parsing and evaluation are
     * cron-utils' (UNIX definition): when day-of-month and day-of-week are both restricted a day matching either
     * runs, as in crontab; a local time skipped by a daylight-saving jump does not run that day.
     */
    record Cron(String expression, ZoneId zone) implements Trigger {
        private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

        public Cron {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(zone, "zone");
            executionTime(expression); // validate eagerly: a bad expression fails where it was written
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return executionTime(expression).nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
        }

        private static ExecutionTime executionTime(String expression) {
            try {
                return ExecutionTime.forCron(UNIX.parse(expression.strip()).validate());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid cron expression '" + expression + "': " + e.getMessage()
                        + "; expected five fields 'minute hour day-of-month month day-of-week', e.g. '0 9 * * MON-FRI'",
                        e);
            }
        }
    }
}
