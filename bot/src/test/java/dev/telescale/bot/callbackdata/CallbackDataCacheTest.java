package dev.telescale.bot.callbackdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache's bookkeeping that needs a controlled clock or malformed input, without HTTP. */
class CallbackDataCacheTest {

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static String id(char c) {
        return String.valueOf(c).repeat(32);
    }

    static Map<String, Object> buttons(String buttonId, Object value) {
        Map<String, Object> m = new HashMap<>();
        m.put(buttonId, value);
        return m;
    }

    @Test
    void clearingByCutoffUsesTheLastAccessTime() {
        ManualClock clock = new ManualClock();
        CallbackDataCache cache = new CallbackDataCache(10, clock);
        cache.register(id('a'), buttons(id('1'), "old"));
        clock.now = clock.now.plusSeconds(60);
        cache.register(id('b'), buttons(id('2'), "new"));
        clock.now = clock.now.plusSeconds(60);
        assertEquals("old", cache.resolve(id('a') + id('1')), "resolving refreshes the access time");
        cache.clear(clock.now.minusSeconds(30));
        assertEquals("old", cache.resolve(id('a') + id('1')));
        assertInstanceOf(InvalidCallbackData.class, cache.resolve(id('b') + id('2')));
    }

    @Test
    void restoreKeepsTheMostRecentlyUsedWhenTheSnapshotIsLargerThanTheCache() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        CallbackDataSnapshot s = new CallbackDataSnapshot(List.of(
                new CallbackDataSnapshot.Keyboard(id('c'), t.plusSeconds(3), buttons(id('3'), 3)),
                new CallbackDataSnapshot.Keyboard(id('a'), t.plusSeconds(1), buttons(id('1'), 1)),
                new CallbackDataSnapshot.Keyboard(id('b'), t.plusSeconds(2), buttons(id('2'), 2))),
                Map.of("q1", id('a'), "q2", id('c')));
        CallbackDataCache cache = new CallbackDataCache(2);
        cache.restore(s);
        assertEquals(2, cache.size());
        assertInstanceOf(InvalidCallbackData.class, cache.resolve(id('a') + id('1')));
        assertEquals(2, cache.resolve(id('b') + id('2')));
        assertEquals(3, cache.resolve(id('c') + id('3')));
        CallbackDataSnapshot again = cache.snapshot();
        assertEquals(List.of(id('b'), id('c')), again.keyboards().stream().map(CallbackDataSnapshot.Keyboard::id)
                .toList(), "least recently used first");
    }

    @Test
    void malformedSnapshotsAreRefusedBeforeAnythingChanges() {
        CallbackDataCache cache = new CallbackDataCache(4);
        cache.register(id('a'), buttons(id('1'), "kept"));
        Instant t = Instant.now();
        List<CallbackDataSnapshot> bad = List.of(
                new CallbackDataSnapshot(List.of(new CallbackDataSnapshot.Keyboard("short", t, Map.of())), Map.of()),
                new CallbackDataSnapshot(List.of(new CallbackDataSnapshot.Keyboard(id('A'), t, Map.of())), Map.of()),
                new CallbackDataSnapshot(List.of(new CallbackDataSnapshot.Keyboard(id('b'), t,
                        Map.of("not-hex", 1))), Map.of()),
                new CallbackDataSnapshot(List.of(), Map.of("q", "../etc")));
        for (CallbackDataSnapshot s : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cache.restore(s));
            assertTrue(e.getMessage().contains("32 lowercase hex"), e.getMessage());
        }
        assertEquals("kept", cache.resolve(id('a') + id('1')));
        assertThrows(NullPointerException.class, () -> new CallbackDataSnapshot.Keyboard(id('a'), t,
                buttons(id('1'), null)));
        assertThrows(IllegalArgumentException.class, () -> new CallbackDataCache(0));
    }

    @Test
    void aSnapshotReadsBackFromJsonWithTypesAndTimes() throws Exception {
        record Point(int x, int y) {
        }
        CallbackDataCache cache = new CallbackDataCache(4, new ManualClock());
        Map<String, Object> b = new HashMap<>();
        b.put(id('1'), new Point(1, 2));
        b.put(id('2'), List.of("a", "b"));
        b.put(id('3'), 7);
        b.put(id('4'), Map.of("k", true));
        cache.register(id('a'), b);
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(cache.snapshot());
        assertTrue(json.contains("1767225600000"), "access time in epoch millis: " + json);
        CallbackDataSnapshot read = mapper.readValue(json, CallbackDataSnapshot.class);
        assertEquals(cache.snapshot(), read);
        assertEquals(CallbackDataSnapshot.empty(), mapper.readValue(mapper.writeValueAsString(
                CallbackDataSnapshot.empty()), CallbackDataSnapshot.class));
    }
}
