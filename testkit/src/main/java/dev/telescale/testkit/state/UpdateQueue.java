package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.json.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The updates of one bot that are not confirmed yet, with Telegram's getUpdates semantics (offset confirms,
 * negative offset keeps the newest, limit, long poll, 409 for a concurrent poll or an active webhook) and the
 * bookkeeping of webhook delivery (one update per chat in flight, at most max_connections, retry times).
 * One lock and one condition guard it all; waiting long polls and the webhook sender sleep on the condition and
 * are woken when something changes, never by polling.
 */
public final class UpdateQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<PendingUpdate> pending = new ArrayDeque<>();
    private long lastUpdateId;
    private Set<String> allowedTypes;
    private long pollGeneration;
    /** Long polls sleeping for a first update. */
    private int waitingPolls;
    private WebhookConfig webhook;
    private long webhookEpoch;
    private int inFlight;
    private boolean closed;
    /** Scratch set of nextDelivery (used under the lock): chats with an update in flight or waiting to retry. */
    private final KeySet blockedKeys = new KeySet();

    /**
     * @param firstUpdateId the update_id the first update gets
     */
    public UpdateQueue(long firstUpdateId) {
        this.lastUpdateId = firstUpdateId - 1;
    }

    /**
     * Queues an update, giving it the next update_id when it has none. Updates of a type the bot did not ask
     * for (allowed_updates) are dropped, as Telegram does. The update is serialised at once and the tree is not
     * kept (a copy is, for a non-numeric update_id), so the caller may change it afterwards.
     *
     * @return the update_id, or -1 when the update was dropped
     */
    public long add(ObjectNode update) {
        Prepared prepared = prepare(update);
        lock.lock();
        try {
            long id = enqueue(prepared);
            if (id >= 0 && !deliveriesFull()) {
                changed.signalAll();
            }
            return id;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues several updates under one lock with one wake-up of the waiting poll or webhook sender; each is
     * treated as by {@link #add(ObjectNode)}.
     *
     * @return the update_ids, -1 for dropped updates, in the order given
     */
    public long[] addAll(List<ObjectNode> updates) {
        Prepared[] prepared = new Prepared[updates.size()];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = prepare(updates.get(i));
        }
        long[] ids = new long[prepared.length];
        boolean queued = false;
        lock.lock();
        try {
            for (int i = 0; i < prepared.length; i++) {
                ids[i] = enqueue(prepared[i]);
                queued |= ids[i] >= 0;
            }
            if (queued && !deliveriesFull()) {
                changed.signalAll();
            }
            return ids;
        } finally {
            lock.unlock();
        }
    }

    /** What can be worked out about an update before taking the lock: type, order key and its JSON bytes. */
    private record Prepared(ObjectNode update, String type, long orderKey, long givenId, byte[] body) {
    }

    private static Prepared prepare(ObjectNode update) {
        String type = typeOf(update);
        long orderKey = orderKeyOf(update, type);
        JsonNode given = update.get("update_id");
        if (given != null && given.canConvertToLong()) {
            return new Prepared(null, type, orderKey, given.asLong(), Json.bytes(update));
        }
        // Serialised now, update_id is prepended under the lock once it is known (unless a non-numeric
        // update_id is present: then a copy of the tree is kept and serialised under the lock, as before).
        // Only the bytes are kept otherwise, so the caller's tree is never retained and may change afterwards.
        return given == null
                ? new Prepared(null, type, orderKey, Long.MIN_VALUE, Json.bytes(update))
                : new Prepared(update.deepCopy(), type, orderKey, Long.MIN_VALUE, null);
    }

    /** Queues a prepared update; the lock is held. Returns its id or -1 when dropped. */
    private long enqueue(Prepared p) {
        if (!isAllowed(p.type)) {
            return -1;
        }
        long id;
        ObjectNode stored = null;
        byte[] json;
        if (p.givenId != Long.MIN_VALUE) {
            id = p.givenId;
            lastUpdateId = Math.max(lastUpdateId, id);
            json = p.body;
        } else {
            id = ++lastUpdateId;
            if (p.body == null) {
                stored = Json.object().put("update_id", id);
                stored.setAll(p.update);
                json = Json.bytes(stored);
            } else {
                json = withUpdateId(id, p.body);
            }
        }
        // The tree is parsed back from the bytes only if someone asks for it (PendingUpdate.update()).
        pending.addLast(new PendingUpdate(id, stored, json, p.type, p.orderKey));
        return id;
    }

    private static byte[] withUpdateId(long id, byte[] body) {
        byte[] prefix = ("{\"update_id\":" + id).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean empty = body.length <= 2;
        byte[] out = new byte[prefix.length + (empty ? 1 : body.length)];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        if (empty) {
            out[prefix.length] = '}';
        } else {
            out[prefix.length] = ',';
            System.arraycopy(body, 1, out, prefix.length + 1, body.length - 1);
        }
        return out;
    }

    /**
     * Serves one getUpdates call.
     *
     * @param offset         the offset parameter, 0 when absent
     * @param limit          1-100
     * @param timeoutMillis  how long to wait for a first update
     * @param allowedUpdates the allowed_updates parameter, or null to keep the previous setting
     */
    public List<ObjectNode> poll(long offset, int limit, long timeoutMillis, List<String> allowedUpdates)
            throws InterruptedException {
        List<PendingUpdate> updates = pollPending(offset, limit, timeoutMillis, allowedUpdates);
        List<ObjectNode> result = new ArrayList<>(updates.size());
        for (PendingUpdate update : updates) {
            result.add(update.update());
        }
        return result;
    }

    /** Like {@link #poll}, returning the pending updates themselves (for their stored JSON bytes). */
    public List<PendingUpdate> pollPending(long offset, int limit, long timeoutMillis, List<String> allowedUpdates)
            throws InterruptedException {
        lock.lock();
        try {
            if (webhook != null) {
                throw BotApiError.conflict(
                        "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }
            long generation = ++pollGeneration;
            changed.signalAll();
            if (allowedUpdates != null) {
                allowedTypes = allowedUpdates.isEmpty() ? null : Set.copyOf(allowedUpdates);
            }
            confirm(offset);
            long remaining = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            boolean waits = pending.isEmpty() && remaining > 0 && !closed;
            if (waits) {
                waitingPolls++;           // seen by awaitWaitingPoll once this poll sleeps (the signal above wakes it)
            }
            try {
                while (pending.isEmpty() && remaining > 0 && !closed) {
                    remaining = changed.awaitNanos(remaining);
                    if (generation != pollGeneration) {
                        throw BotApiError.conflict("terminated by other getUpdates request; make sure that only one "
                                + "bot instance is running");
                    }
                    if (webhook != null) {
                        throw BotApiError.conflict("can't use getUpdates method while webhook is active; use "
                                + "deleteWebhook to delete the webhook first");
                    }
                }
            } finally {
                if (waits) {
                    waitingPolls--;
                }
            }
            List<PendingUpdate> result = new ArrayList<>(Math.min(limit, pending.size()));
            for (PendingUpdate update : pending) {
                if (result.size() == limit) {
                    break;
                }
                result.add(update);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a long poll is sleeping for updates (so an update added now wakes it rather than being found at
     * once); false when none did within the timeout.
     */
    public boolean awaitWaitingPoll(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (waitingPolls == 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void confirm(long offset) {
        if (offset > 0) {
            while (!pending.isEmpty() && pending.peekFirst().updateId() < offset) {
                pending.removeFirst();
            }
        } else if (offset < 0) {
            while (pending.size() > -offset) {
                pending.removeFirst();
            }
        }
    }

    /** Sets a webhook (replacing any), optionally dropping the pending updates; waiting polls get 409. */
    public WebhookConfig setWebhook(String url, String secretToken, int maxConnections, String ipAddress,
                                    boolean hasCertificate, List<String> allowedUpdates, boolean dropPending) {
        lock.lock();
        try {
            webhook = new WebhookConfig(url, secretToken, maxConnections, ipAddress, hasCertificate, ++webhookEpoch);
            if (allowedUpdates != null) {
                allowedTypes = allowedUpdates.isEmpty() ? null : Set.copyOf(allowedUpdates);
            }
            resetDeliveries(dropPending);
            return webhook;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the webhook, optionally dropping the pending updates. */
    public void deleteWebhook(boolean dropPending) {
        lock.lock();
        try {
            webhook = null;
            webhookEpoch++;
            resetDeliveries(dropPending);
        } finally {
            lock.unlock();
        }
    }

    private void resetDeliveries(boolean dropPending) {
        if (dropPending) {
            pending.clear();
        }
        for (PendingUpdate update : pending) {
            update.inFlight = false;
            update.attempts = 0;
        }
        inFlight = 0;
        changed.signalAll();
    }

    /** The webhook in force, or null. */
    public WebhookConfig webhook() {
        lock.lock();
        try {
            return webhook;
        } finally {
            lock.unlock();
        }
    }

    /** How many updates wait for confirmation. */
    public int pendingCount() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** The allowed_updates setting in force; empty means Telegram's default (all but the opt-in types). */
    public List<String> allowedUpdates() {
        lock.lock();
        try {
            return allowedTypes == null ? List.of() : List.copyOf(allowedTypes);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the next update the webhook of {@code epoch} may deliver now: the oldest one whose chat has
     * nothing in flight or waiting for a retry, while fewer than max_connections are in flight.
     *
     * @return the update, now marked in flight, or null when the webhook of that epoch is gone
     */
    public PendingUpdate nextDelivery(long epoch) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && webhook != null && webhook.epoch() == epoch) {
                PendingUpdate update = pick(System.nanoTime());
                if (update != null) {
                    return update;
                }
                if (pickWaitNanos == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(pickWaitNanos);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a successful delivery like {@link #delivered} and, without waiting, takes the next update the
     * webhook of {@code epoch} may deliver now (as {@link #nextDelivery} would), so that the delivering thread can
     * go on with it.
     *
     * @return the update, now marked in flight, or null when none may go out now
     */
    public PendingUpdate deliveredAndNext(PendingUpdate update, long epoch) {
        lock.lock();
        try {
            confirmDelivery(update);
            PendingUpdate next = null;
            if (!closed && webhook != null && webhook.epoch() == epoch) {
                next = pick(System.nanoTime());
            }
            // the one freed delivery slot is taken again at once: nothing changed for a waiting sender then
            if (next == null || inFlight < (webhook == null ? 0 : webhook.maxConnections())) {
                changed.signalAll();
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Set by pick: how long until the earliest retry is due, Long.MAX_VALUE when none waits. */
    private long pickWaitNanos;

    /**
     * The oldest update whose chat has nothing in flight or waiting for a retry, marked in flight, while fewer
     * than max_connections are in flight; null otherwise (see pickWaitNanos). The lock is held.
     */
    private PendingUpdate pick(long now) {
        long waitNanos = Long.MAX_VALUE;
        if (inFlight < webhook.maxConnections()) {
            KeySet blocked = blockedKeys;
            blocked.clear();
            for (PendingUpdate update : pending) {
                long key = update.orderKey();
                boolean ordered = key != PendingUpdate.NO_ORDER_KEY;
                if (ordered && blocked.contains(key)) {
                    continue;
                }
                long untilRetry = update.attempts > 0 ? update.retryAtNanos - now : 0;
                if (update.inFlight || untilRetry > 0) {
                    if (!update.inFlight) {
                        waitNanos = Math.min(waitNanos, untilRetry);
                    }
                    if (ordered) {
                        blocked.add(key);
                    }
                    continue;
                }
                update.inFlight = true;
                inFlight++;
                pickWaitNanos = waitNanos;
                return update;
            }
        }
        pickWaitNanos = waitNanos;
        return null;
    }

    /** Whether a webhook is set and has max_connections deliveries in flight: a new update can wait. */
    private boolean deliveriesFull() {
        return webhook != null && inFlight >= webhook.maxConnections();
    }

    /** Records a successful delivery: the update is confirmed. */
    public void delivered(PendingUpdate update) {
        lock.lock();
        try {
            confirmDelivery(update);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Marks an update delivered and removes it; the lock is held. */
    private void confirmDelivery(PendingUpdate update) {
        if (update.inFlight) {
            update.inFlight = false;
            inFlight--;
        }
        for (Iterator<PendingUpdate> it = pending.iterator(); it.hasNext(); ) {
            if (it.next() == update) {
                it.remove();
                break;
            }
        }
    }

    /** Records a failed delivery; the update is retried at {@code retryAtNanos} (System.nanoTime based). */
    public void failed(PendingUpdate update, long retryAtNanos) {
        lock.lock();
        try {
            if (update.inFlight) {
                update.inFlight = false;
                inFlight--;
            }
            update.attempts++;
            update.retryAtNanos = retryAtNanos;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter for good: polls return what they have, the webhook sender stops. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean isAllowed(String type) {
        if (allowedTypes == null) {
            return !WebhookConfig.OPT_IN_TYPES.contains(type);
        }
        return allowedTypes.contains(type);
    }

    /** The update type: the first field that is not update_id. */
    public static String typeOf(ObjectNode update) {
        for (Iterator<String> names = update.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("update_id")) {
                return name;
            }
        }
        return "unknown";
    }

    private static long orderKeyOf(ObjectNode update, String type) {
        JsonNode payload = update.path(type);
        JsonNode chatId = payload.path("chat").path("id");
        if (chatId.isMissingNode()) {
            chatId = payload.path("message").path("chat").path("id");
        }
        if (chatId.canConvertToLong()) {
            return chatId.asLong();
        }
        JsonNode userId = payload.path("from").path("id");
        if (userId.isMissingNode()) {
            userId = payload.path("user").path("id");
        }
        return userId.canConvertToLong() ? userId.asLong() : PendingUpdate.NO_ORDER_KEY;
    }

    /** A small open-addressing set of longs without boxing; clear() costs what was added. */
    private static final class KeySet {
        private long[] keys = new long[64];
        private boolean[] used = new boolean[64];
        private int[] slots = new int[48];
        private int size;

        void clear() {
            for (int i = 0; i < size; i++) {
                used[slots[i]] = false;
            }
            size = 0;
        }

        boolean contains(long key) {
            if (size == 0) {
                return false;
            }
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return true;
                }
            }
            return false;
        }

        void add(long key) {
            if ((size + 1) * 4 > keys.length * 3) {
                grow();
            }
            int mask = keys.length - 1;
            int i = hash(key) & mask;
            for (; used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return;
                }
            }
            used[i] = true;
            keys[i] = key;
            if (size == slots.length) {
                slots = java.util.Arrays.copyOf(slots, size * 2);
            }
            slots[size++] = i;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldSlots = slots;
            int oldSize = size;
            keys = new long[oldKeys.length * 2];
            used = new boolean[keys.length];
            slots = new int[keys.length * 3 / 4];
            size = 0;
            for (int i = 0; i < oldSize; i++) {
                add(oldKeys[oldSlots[i]]);
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
