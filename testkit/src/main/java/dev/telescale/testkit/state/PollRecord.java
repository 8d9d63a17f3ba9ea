package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A poll in the emulator: the message carrying it, who sent it (a bot, or null for a user's poll), the votes by
 * user and the current Poll JSON (a new object after every change, so handed-out snapshots stay consistent).
 */
public final class PollRecord {

    private final ReentrantLock lock = new ReentrantLock();
    private final String id;
    private final BotAccount owner;
    private final ChatRoom room;
    private final long messageId;
    private final Map<Long, int[]> votes = new LinkedHashMap<>();
    private ObjectNode poll;

    /**
     * @param owner the bot that sent the poll, null for a poll a user sent
     * @param poll  the initial Poll JSON (taken over)
     */
    public PollRecord(BotAccount owner, ChatRoom room, long messageId, ObjectNode poll) {
        this.id = poll.path("id").asText();
        this.owner = owner;
        this.room = room;
        this.messageId = messageId;
        this.poll = poll;
    }

    public String id() {
        return id;
    }

    /** The bot that sent the poll, or null for a user's poll. */
    public BotAccount owner() {
        return owner;
    }

    public ChatRoom room() {
        return room;
    }

    public long messageId() {
        return messageId;
    }

    /** The current Poll JSON; do not modify. */
    public ObjectNode poll() {
        lock.lock();
        try {
            return poll;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a user's vote (an empty {@code options} retracts it) and returns the new Poll JSON.
     *
     * @throws IllegalStateException    when the poll is closed or the vote may not change
     * @throws IllegalArgumentException when the options are not valid for this poll
     */
    public ObjectNode vote(long userId, int[] options) {
        lock.lock();
        try {
            if (poll.path("is_closed").asBoolean()) {
                throw new IllegalStateException("The poll " + id + " is closed: Telegram takes no more votes on it");
            }
            int count = poll.path("options").size();
            boolean quiz = "quiz".equals(poll.path("type").asText());
            int[] distinct = Arrays.stream(options).distinct().toArray();
            for (int option : distinct) {
                if (option < 0 || option >= count) {
                    throw new IllegalArgumentException("The poll " + id + " has options 0.." + (count - 1) + ", not " + option);
                }
            }
            if (distinct.length > 1 && !poll.path("allows_multiple_answers").asBoolean()) {
                throw new IllegalArgumentException("The poll " + id + " takes one answer, got " + Arrays.toString(options));
            }
            int[] previous = votes.get(userId);
            if (previous != null && (quiz || !poll.path("allows_revoting").asBoolean())) {
                throw new IllegalStateException("The poll " + id + " does not allow changing a vote"
                        + (quiz ? " (quiz answers are final)" : " (allows_revoting is false)"));
            }
            if (previous == null && distinct.length == 0) {
                throw new IllegalArgumentException("An empty vote retracts a vote; this user has not voted in poll " + id);
            }
            if (distinct.length == 0) {
                votes.remove(userId);
            } else {
                votes.put(userId, distinct);
            }
            poll = counted(poll.deepCopy());
            return poll;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the poll and returns the final Poll JSON.
     *
     * @throws BotApiError "poll has already been closed"
     */
    public ObjectNode close() {
        lock.lock();
        try {
            if (poll.path("is_closed").asBoolean()) {
                throw BotApiError.badRequest("poll has already been closed");
            }
            ObjectNode closed = poll.deepCopy();
            closed.put("is_closed", true);
            poll = closed;
            return poll;
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode counted(ObjectNode copy) {
        ArrayNode options = (ArrayNode) copy.get("options");
        int[] counts = new int[options.size()];
        for (int[] vote : votes.values()) {
            for (int option : vote) {
                counts[option]++;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            ((ObjectNode) options.get(i)).put("voter_count", counts[i]);
        }
        copy.put("total_voter_count", votes.size());
        return copy;
    }
}
