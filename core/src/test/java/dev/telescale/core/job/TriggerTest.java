package dev.telescale.core.job;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant berlin(int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, BERLIN).toInstant();
    }

    private static Instant utc(int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, ZoneOffset.UTC).toInstant();
    }

    private static List<Instant> runs(Trigger trigger, Instant from, int count) {
        List<Instant> result = new ArrayList<>();
        Instant t = from;
        for (int i = 0; i < count; i++) {
            Optional<Instant> next = trigger.nextAfter(t);
            if (next.isEmpty()) {
                break;
            }
            t = next.get();
            result.add(t);
        }
        return result;
    }

    @Test
    void onceRunsOnlyAtItsInstantAndStaysDueWhenPast() {
        Instant at = utc(2026, 1, 1, 12, 0);
        var once = new Trigger.Once(at);
        assertEquals(Optional.of(at), once.nextAfter(at.minusSeconds(1)));
        assertEquals(Optional.empty(), once.nextAfter(at));
        assertEquals(Optional.of(at), once.firstRunAtOrAfter(at.plusSeconds(60)), "misfire grace decides later");
    }

    @Test
    void intervalRunsAtFirstPlusMultiplesUpToAndIncludingLast() {
        Instant first = utc(2026, 1, 1, 0, 0);
        var trigger = new Trigger.Interval(first, Duration.ofMinutes(10), first.plus(Duration.ofMinutes(30)));
        assertEquals(List.of(first, first.plusSeconds(600), first.plusSeconds(1200), first.plusSeconds(1800)),
                runs(trigger, first.minusNanos(1), 10));
    }

    @Test
    void intervalWithPastFirstKeepsThePhase() {
        Instant first = utc(2026, 1, 1, 0, 0);
        var trigger = new Trigger.Interval(first, Duration.ofMinutes(10), null);
        assertEquals(Optional.of(utc(2026, 1, 1, 5, 10)), trigger.firstRunAtOrAfter(utc(2026, 1, 1, 5, 3)));
        assertEquals(Optional.of(utc(2026, 1, 1, 5, 10)), trigger.firstRunAtOrAfter(utc(2026, 1, 1, 5, 10)));
    }

    @Test
    void intervalRejectsLastBeforeFirstAndNonPositiveIntervals() {
        Instant first = utc(2026, 1, 1, 0, 0);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Trigger.Interval(first, Duration.ofSeconds(1), first.minusSeconds(1)));
        assertTrue(e.getMessage().contains("'last' must not be before 'first'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Trigger.Interval(first, Duration.ZERO, null));
        assertThrows(IllegalArgumentException.class, () -> new Trigger.Interval(first, Duration.ofSeconds(-1), null));
    }

    @Test
    void dailyKeepsLocalTimeAcrossTheSpringDaylightSavingChangeInBerlin() {
        var trigger = new Trigger.Daily(LocalTime.of(9, 0), EnumSet.allOf(DayOfWeek.class), BERLIN);
        List<Instant> r = runs(trigger, berlin(2026, 3, 28, 12, 0), 2);
        // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST; 09:00 local is 07:00 UTC from then on.
        assertEquals(List.of(utc(2026, 3, 29, 7, 0), utc(2026, 3, 30, 7, 0)), r);
        assertEquals(Optional.of(utc(2026, 3, 28, 8, 0)), trigger.nextAfter(berlin(2026, 3, 28, 0, 0)));
    }

    @Test
    void dailyTimeInTheSpringGapRunsAfterTheJumpAndInTheAutumnOverlapRunsOnce() {
        var gap = new Trigger.Daily(LocalTime.of(2, 30), EnumSet.allOf(DayOfWeek.class), BERLIN);
        assertEquals(List.of(utc(2026, 3, 29, 1, 30), utc(2026, 3, 30, 0, 30)),
                runs(gap, berlin(2026, 3, 28, 12, 0), 2), "02:30 does not exist on 29 March: runs at 03:30 CEST");
        // 25 October 2026: 02:30 happens twice (CEST then CET); the job runs at the first.
        assertEquals(List.of(utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)),
                runs(gap, berlin(2026, 10, 24, 12, 0), 2));
    }

    @Test
    void dailyRunsOnlyOnTheGivenDays() {
        var weekend = new Trigger.Daily(LocalTime.of(10, 0), EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                ZoneOffset.UTC);
        // 2 January 2026 is a Friday.
        assertEquals(List.of(utc(2026, 1, 3, 10, 0), utc(2026, 1, 4, 10, 0), utc(2026, 1, 10, 10, 0)),
                runs(weekend, utc(2026, 1, 2, 12, 0), 3));
    }

    @Test
    void dailyRejectsEmptyOrNullDays() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Trigger.Daily(LocalTime.NOON, Set.of(), ZoneOffset.UTC));
        assertTrue(e.getMessage().contains("days must not be empty"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new Trigger.Daily(LocalTime.NOON, null, ZoneOffset.UTC));
    }

    @Test
    void monthlyOnDay31SkipsShortMonths() {
        var trigger = new Trigger.Monthly(LocalTime.of(8, 0), 31, ZoneOffset.UTC);
        assertEquals(List.of(utc(2026, 1, 31, 8, 0), utc(2026, 3, 31, 8, 0), utc(2026, 5, 31, 8, 0),
                        utc(2026, 7, 31, 8, 0), utc(2026, 8, 31, 8, 0)),
                runs(trigger, utc(2026, 1, 1, 0, 0), 5));
    }

    @Test
    void monthlyOnDay29RunsInFebruaryOnlyInLeapYears() {
        var trigger = new Trigger.Monthly(LocalTime.of(8, 0), 29, ZoneOffset.UTC);
        assertEquals(List.of(utc(2027, 1, 29, 8, 0), utc(2027, 3, 29, 8, 0)), runs(trigger, utc(2027, 1, 2, 0, 0), 2));
        assertEquals(List.of(utc(2028, 1, 29, 8, 0), utc(2028, 2, 29, 8, 0)), runs(trigger, utc(2028, 1, 2, 0, 0), 2));
    }

    @Test
    void monthlyLastDayFollowsMonthLengthIncludingLeapFebruary() {
        var trigger = new Trigger.Monthly(LocalTime.of(23, 0), Trigger.Monthly.LAST_DAY, ZoneOffset.UTC);
        assertEquals(List.of(utc(2026, 1, 31, 23, 0), utc(2026, 2, 28, 23, 0), utc(2026, 3, 31, 23, 0),
                        utc(2026, 4, 30, 23, 0)),
                runs(trigger, utc(2026, 1, 10, 0, 0), 4));
        assertEquals(Optional.of(utc(2028, 2, 29, 23, 0)), trigger.nextAfter(utc(2028, 2, 1, 0, 0)));
    }

    @Test
    void monthlyRejectsDaysOutsideTheRange() {
        for (int day : new int[]{0, 32, -2, Integer.MIN_VALUE}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> new Trigger.Monthly(LocalTime.NOON, day, ZoneOffset.UTC));
            assertTrue(e.getMessage().contains("1..31 or -1"), e.getMessage());
        }
    }

    @Test
    void cronRunsAtTheExpressionsTimesInTheZone() {
        var trigger = new Trigger.Cron("0 9 * * MON-FRI", BERLIN);
        // Friday 27 March, then Monday 30 March, after the change to CEST.
        assertEquals(List.of(utc(2026, 3, 27, 8, 0), utc(2026, 3, 30, 7, 0)),
                runs(trigger, berlin(2026, 3, 26, 12, 0), 2));
        var every15 = new Trigger.Cron("*/15 * * * *", ZoneOffset.UTC);
        assertEquals(Optional.of(utc(2026, 1, 1, 0, 15)), every15.nextAfter(utc(2026, 1, 1, 0, 0)),
                "strictly after");
    }

    @Test
    void cronWithDayOfMonthAndDayOfWeekMatchesEitherAsCrontabDoes() {
        var trigger = new Trigger.Cron("0 0 13 * FRI", ZoneOffset.UTC);
        // Friday 2 January 2026 comes before the 13th.
        assertEquals(Optional.of(utc(2026, 1, 2, 0, 0)), trigger.nextAfter(utc(2026, 1, 1, 0, 0)));
    }

    @Test
    void invalidCronExpressionsFailWithTheReasonAndTheExpectedForm() {
        for (String bad : new String[]{"* * * *", "61 * * * *", "0 0 * * * *", "every day", "", "0 25 * * *"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new Trigger.Cron(bad, ZoneOffset.UTC), bad);
            assertTrue(e.getMessage().startsWith("invalid cron expression '" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("minute hour day-of-month month day-of-week"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> new Trigger.Cron(null, ZoneOffset.UTC));
    }
}
