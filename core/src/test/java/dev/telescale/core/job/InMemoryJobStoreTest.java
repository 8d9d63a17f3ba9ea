package dev.telescale.core.job;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JobStore contract, as a persistent store must also keep it, on the in-memory store. */
class InMemoryJobStoreTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static JobRecord job(String id, Instant next, boolean enabled) {
        return new JobRecord(id, null, new Trigger.Once(next), JobOptions.builder().name(id).build(), enabled, next);
    }

    @Test
    void dueListsEnabledJobsUpToNowEarliestFirstWithinTheLimit() {
        InMemoryJobStore store = new InMemoryJobStore();
        store.add(job("c", T.plusSeconds(3), true));
        store.add(job("a", T.plusSeconds(1), true));
        store.add(job("b", T.plusSeconds(2), true));
        store.add(job("paused", T, false));
        store.add(job("later", T.plusSeconds(60), true));
        assertEquals(List.of("a", "b", "c"), store.due(T.plusSeconds(3), 10).stream().map(JobRecord::id).toList());
        assertEquals(List.of("a", "b"), store.due(T.plusSeconds(3), 2).stream().map(JobRecord::id).toList());
        assertEquals(Optional.of(T.plusSeconds(1)), store.nextRunTime());
        assertEquals(5, store.all().size());
    }

    @Test
    void claimIsACompareAndSetOnTheNextRunTime() {
        InMemoryJobStore store = new InMemoryJobStore();
        store.add(job("a", T, true));
        assertTrue(store.claim("a", T, T.plusSeconds(10)));
        assertFalse(store.claim("a", T, T.plusSeconds(10)), "a second claimant of the same run loses");
        assertEquals(Optional.of(T.plusSeconds(10)), store.nextRunTime());
        assertTrue(store.claim("a", T.plusSeconds(10), null), "no run left: deleted");
        assertEquals(Optional.empty(), store.find("a"));
        assertFalse(store.claim("missing", T, null));
    }

    @Test
    void aPausedJobCannotBeClaimedAndUpdatesMoveItInTheSchedule() {
        InMemoryJobStore store = new InMemoryJobStore();
        store.add(job("a", T, true));
        assertTrue(store.update(store.find("a").orElseThrow().withEnabled(false, T)));
        assertFalse(store.claim("a", T, null));
        assertEquals(Optional.empty(), store.nextRunTime());
        assertTrue(store.update(store.find("a").orElseThrow().withEnabled(true, T.plusSeconds(5))));
        assertEquals(Optional.of(T.plusSeconds(5)), store.nextRunTime());
        assertTrue(store.remove("a"));
        assertFalse(store.remove("a"));
        assertFalse(store.update(job("a", T, true)));
    }

    @Test
    void duplicateIdsAndNamelessRecordsAreRejected() {
        InMemoryJobStore store = new InMemoryJobStore();
        store.add(job("a", T, true));
        assertThrows(IllegalArgumentException.class, () -> store.add(job("a", T, true)));
        assertThrows(IllegalArgumentException.class, () -> new JobRecord("x", null, new Trigger.Once(T),
                JobOptions.builder().build(), true, T));
        assertThrows(NullPointerException.class, () -> store.add(null));
    }
}
