package dev.telescale.testkit.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.TestApi;
import java.util.ArrayList;
import java.util.List;

/** The bot's side in these tests: real HTTP calls and getUpdates with the offset kept. */
final class BotSide {

    final TestApi api;
    final EmulatedBot bot;
    private long offset;

    BotSide(BotApiEmulator emulator, EmulatedBot bot) {
        this.api = new TestApi(emulator);
        this.bot = bot;
    }

    /** Calls a method, failing the test when the answer is not ok. */
    JsonNode call(String method, String json) {
        return api.call(bot.token(), method, json);
    }

    /** Calls a method and returns the whole answer (for errors). */
    TestApi.Answer answer(String method, String json) {
        return api.postJson(bot.token(), method, json);
    }

    /** The updates queued since the last call (confirming them), optionally setting allowed_updates first. */
    List<JsonNode> updates(String allowedUpdatesJson) {
        String body = "{\"offset\":" + offset + ",\"timeout\":0"
                + (allowedUpdatesJson == null ? "" : ",\"allowed_updates\":" + allowedUpdatesJson) + "}";
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode update : call("getUpdates", body)) {
            result.add(update);
            offset = update.path("update_id").asLong() + 1;
        }
        return result;
    }

    List<JsonNode> updates() {
        return updates(null);
    }

    /** The one update queued since the last call, of the given type. */
    JsonNode single(String type) {
        List<JsonNode> updates = updates();
        if (updates.size() != 1 || !updates.getFirst().has(type)) {
            throw new AssertionError("Expected one " + type + " update, got " + updates);
        }
        return updates.getFirst().get(type);
    }
}
