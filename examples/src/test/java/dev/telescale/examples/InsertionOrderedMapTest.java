package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsertionOrderedMapTest {

    @Test
    void keepsKeysInInsertionOrderAsPythonsDict() {
        Map<String, Object> map = new InsertionOrderedMap<>();
        map.put("number of siblings", "2");
        map.put("age", "31");
        map.put("choice", "colour");
        assertEquals(List.of("number of siblings", "age", "choice"), new ArrayList<>(map.keySet()));
        assertEquals("2", map.put("number of siblings", "3"), "re-putting returns the old value");
        assertEquals(List.of("number of siblings", "age", "choice"), new ArrayList<>(map.keySet()),
                "and keeps the key's place");
        assertEquals("colour", map.remove("choice"));
        assertNull(map.remove("choice"));
        map.put("choice", "skill");
        map.remove("age");
        map.put("age", "32");
        assertEquals(List.of("number of siblings", "choice", "age"), new ArrayList<>(map.keySet()),
                "removed and put again moves to the end");
        assertEquals("{number of siblings=3, choice=skill, age=32}", map.toString());
    }

    @Test
    void copiesLoadedDataInOrderAndClears() {
        Map<String, Object> loaded = new LinkedHashMap<>();
        loaded.put("b", 1);
        loaded.put("a", 2);
        Map<String, Object> map = new InsertionOrderedMap<>();
        map.putAll(loaded);
        assertEquals(loaded, map);
        assertEquals(List.of("b", "a"), new ArrayList<>(map.keySet()));
        map.clear();
        assertTrue(map.isEmpty());
    }

    @Test
    void refusesNullsLikeTheDefaultUserData() {
        Map<String, Object> map = new InsertionOrderedMap<>();
        assertThrows(NullPointerException.class, () -> map.put(null, "x"));
        assertThrows(NullPointerException.class, () -> map.put("x", null));
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("ok", 1);
        withNull.put("bad", null);
        assertThrows(NullPointerException.class, () -> map.putAll(withNull));
        assertTrue(map.isEmpty(), "nothing of a refused putAll is kept");
    }

    @Test
    void iteratesASnapshotWhileAnotherThreadWrites() throws Exception {
        Map<String, Object> map = new InsertionOrderedMap<>();
        for (int i = 0; i < 100; i++) {
            map.put("k" + i, i);
        }
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 2_000; i++) {
                map.put("w" + i, i);
                map.remove("k" + (i % 100));
            }
        });
        // A persistence run serialises the live map on its own thread: iterating must never fail.
        while (writer.isAlive()) {
            int seen = 0;
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                seen++;
            }
            assertTrue(seen <= 2_100, "a snapshot holds at most every key ever put");
        }
        writer.join();
        assertEquals(2_000, map.size());
        assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(1),
                "entries are snapshots: changes go through put");
    }
}
