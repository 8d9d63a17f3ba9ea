package dev.telescale.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BulkInjectionAndListenerTest {

    @Test
    void injectsManyUpdatesAtOnceWithIdsInOrder() {
        try (BotApiEmulator emulator = TestApi.startEmulator()) {
            EmulatedBot bot = emulator.createBot("BulkBot");
            TestApi api = new TestApi(emulator);
            List<ObjectNode> updates = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                updates.add((ObjectNode) Json.parse("{\"message\":{\"message_id\":" + i + ",\"date\":1,"
                        + "\"chat\":{\"id\":7,\"type\":\"private\"},\"text\":\"t" + i + "\"}}"));
            }
            updates.add((ObjectNode) Json.parse("{\"update_id\":900,\"message\":{\"message_id\":9,\"date\":1,"
                    + "\"chat\":{\"id\":7,\"type\":\"private\"},\"text\":\"given\"}}"));
            updates.add((ObjectNode) Json.parse("{\"chat_member\":{}}"));          // opt-in type: dropped
            long[] ids = emulator.injectUpdates(bot, updates);
            assertEquals(-1, ids[6]);
            assertEquals(900, ids[5]);
            for (int i = 1; i < 5; i++) {
                assertEquals(ids[0] + i, ids[i]);
            }
            assertTrue(!updates.getFirst().has("update_id"), "the caller's trees are not modified");
            JsonNode got = api.call(bot.token(), "getUpdates", "{}");
            assertEquals(6, got.size());
            long[] polled = new long[6];
            for (int i = 0; i < 6; i++) {
                polled[i] = got.get(i).get("update_id").asLong();
            }
            assertArrayEquals(java.util.Arrays.copyOf(ids, 6), polled);
            assertEquals("t3", got.get(3).at("/message/text").asText());
            assertEquals("given", got.get(5).at("/message/text").asText());
            // getUpdates answers are the stored bytes: same JSON as the tree
            assertEquals(got.get(0).get("message"), updates.getFirst().get("message"));
            assertEquals(0, api.call(bot.token(), "getUpdates", "{\"offset\":901}").size());
        }
    }

    @Test
    void theListenerSeesCallsEvenWhenTheyAreNotRecorded() {
        List<RecordedCall> seen = new CopyOnWriteArrayList<>();
        try (BotApiEmulator emulator = TestApi.builder().recordCalls(false).onCall(seen::add).start()) {
            EmulatedBot bot = emulator.createBot("ListenBot");
            EmulatedUser alice = emulator.user("alice");
            alice.chatWith(bot);
            TestApi api = new TestApi(emulator);
            api.call(bot.token(), "getMe", "{}");
            api.call(bot.token(), "sendMessage", "{\"chat_id\":" + alice.id() + ",\"text\":\"observed\"}");
            assertEquals(List.of("getMe", "sendMessage"), seen.stream().map(RecordedCall::method).toList());
            assertEquals("observed", seen.get(1).text());
            assertTrue(emulator.calls().isEmpty());
        }
    }
}
