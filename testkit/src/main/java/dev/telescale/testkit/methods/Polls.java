package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.state.PollRecord;
import dev.telescale.testkit.state.UserAccount;
import dev.telescale.testkit.state.World;

/**
 * Poll changes as Telegram reports them: the message in the chat shows the new counts, the bot that sent the poll
 * gets a "poll" update with the new state, and — for non-anonymous polls it sent — a "poll_answer" per vote.
 * Polls users sent produce no updates (Telegram sends poll updates only for the bot's own polls).
 */
public final class Polls {

    private Polls() {
    }

    /**
     * A user votes (empty options retract).
     *
     * @return the PollAnswer JSON
     */
    public static ObjectNode vote(World world, PollRecord record, UserAccount user, int[] options) {
        ObjectNode poll = record.vote(user.id(), options);
        ObjectNode answer = Json.object().put("poll_id", record.id());
        answer.set("user", user.user());
        ArrayNode ids = answer.putArray("option_ids");
        ArrayNode persistent = answer.putArray("option_persistent_ids");
        for (int option : options) {
            ids.add(option);
            persistent.add(poll.path("options").path(option).path("persistent_id").asText(Integer.toString(option)));
        }
        publish(world, record, poll, null);
        if (record.owner() != null && !poll.path("is_anonymous").asBoolean()) {
            record.owner().updates().add(Memberships.update("poll_answer", answer));
        }
        return answer;
    }

    /** Shows a new poll state in its message and tells the bot that sent it; {@code markup} replaces the keyboard. */
    static void publish(World world, PollRecord record, ObjectNode poll, JsonNode markup) {
        ObjectNode message = record.room().log().get(record.messageId());
        if (message != null) {
            ObjectNode updated = message.deepCopy();
            updated.set("poll", poll);
            if (markup != null) {
                if (markup.path("inline_keyboard").isEmpty()) {
                    updated.remove("reply_markup");
                } else {
                    updated.set("reply_markup", markup);
                }
            }
            record.room().log().replace(record.messageId(), updated);
        }
        if (record.owner() != null) {
            record.owner().updates().add(Memberships.update("poll", poll));
        }
    }
}
