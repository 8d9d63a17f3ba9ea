package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * An update waiting for the bot to confirm it (by getUpdates offset or by a successful webhook delivery). The
 * delivery bookkeeping (in flight, next retry) is guarded by the owning {@link UpdateQueue}'s lock.
 */
public final class PendingUpdate {

    /** The order key of updates that belong to no chat or user: they are delivered without ordering. */
    public static final long NO_ORDER_KEY = Long.MIN_VALUE;

    private final long updateId;
    private ObjectNode update;
    private final byte[] json;
    private final String type;
    private final long orderKey;
    boolean inFlight;
    long retryAtNanos;
    int attempts;

    /** @param update the tree, or null to parse it from {@code json} when asked for */
    PendingUpdate(long updateId, ObjectNode update, byte[] json, String type, long orderKey) {
        this.updateId = updateId;
        this.update = update;
        this.json = json;
        this.type = type;
        this.orderKey = orderKey;
    }

    /** The update_id. */
    public long updateId() {
        return updateId;
    }

    /** The Update JSON; never modified after it was queued (parsed from {@link #json()} on first use). */
    public synchronized ObjectNode update() {
        if (update == null) {
            update = (ObjectNode) Json.parse(new String(json, StandardCharsets.UTF_8));
        }
        return update;
    }

    /** The Update's UTF-8 JSON, serialised once when it was queued (not a copy: do not modify). */
    public byte[] json() {
        return json;
    }

    /** The update type: the name of its one field besides update_id, e.g. "message". */
    public String type() {
        return type;
    }

    /** The chat (or, without a chat, user) whose updates must be delivered in order. */
    public long orderKey() {
        return orderKey;
    }

    /** How many webhook deliveries of it failed so far. */
    public int attempts() {
        return attempts;
    }
}
