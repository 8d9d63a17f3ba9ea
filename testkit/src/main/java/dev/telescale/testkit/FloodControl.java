package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.World;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Enforces {@link FloodLimits} on message-sending calls (send* except sendChatAction, forward*, copy*): sliding
 * windows of the accepted calls' times per bot and per chat. A call that would exceed a window is refused with
 * 429 "Too Many Requests: retry after N" and parameters.retry_after = N, the whole seconds (rounded up, at least
 * 1) until the oldest call in the full window leaves it; refused calls do not count. Only built when enforcement
 * is on, so it costs nothing otherwise.
 */
final class FloodControl {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final FloodLimits limits;
    private final World world;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, ArrayDeque<Long>> overall = new HashMap<>();
    private final Map<Long, ArrayDeque<Long>> paid = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> chats = new HashMap<>();
    private final List<AcceptedMessage> accepted = new ArrayList<>();
    private long hits;

    FloodControl(FloodLimits limits, World world) {
        this.limits = limits;
        this.world = world;
    }

    static boolean counts(String method) {
        return (method.startsWith("send") && !method.equals("sendChatAction"))
                || method.startsWith("forwardMessage") || method.startsWith("copyMessage");
    }

    /** Admits a call or throws the 429. */
    void admit(BotAccount bot, RecordedCall call) {
        long chatId = chatId(bot, call.param("chat_id"));
        boolean paidBroadcast = call.param("allow_paid_broadcast") != null
                && (call.param("allow_paid_broadcast").asBoolean(false) || "true".equals(call.string("allow_paid_broadcast")));
        long now = System.nanoTime();
        lock.lock();
        try {
            ArrayDeque<Long> botWindow = (paidBroadcast ? paid : overall).computeIfAbsent(bot.id(), id -> new ArrayDeque<>());
            int botLimit = paidBroadcast ? limits.paidPerSecond() : limits.perSecondOverall();
            check(botWindow, botLimit, SECOND, now);
            ArrayDeque<Long> chatWindow = null;
            if (chatId != 0) {
                boolean group = chatId < 0;
                int chatLimit = group ? limits.perMinutePerGroup() : limits.perSecondPerPrivateChat();
                if (chatLimit > 0) {
                    chatWindow = chats.computeIfAbsent(bot.id() + "/" + chatId, key -> new ArrayDeque<>());
                    check(chatWindow, chatLimit, group ? MINUTE : SECOND, now);
                }
            }
            if (botLimit > 0) {
                botWindow.addLast(now);
            }
            if (chatWindow != null) {
                chatWindow.addLast(now);
            }
            accepted.add(new AcceptedMessage(bot.id(), chatId, call.method(), now));
        } finally {
            lock.unlock();
        }
    }

    private void check(ArrayDeque<Long> window, int limit, long length, long now) {
        if (limit <= 0) {
            return;
        }
        while (!window.isEmpty() && window.peekFirst() <= now - length) {
            window.removeFirst();
        }
        if (window.size() >= limit) {
            hits++;
            long wait = window.peekFirst() + length - now;
            throw BotApiError.retryAfter((int) Math.max(1, (wait + SECOND - 1) / SECOND));
        }
    }

    private long chatId(BotAccount bot, JsonNode chatId) {
        if (chatId == null) {
            return 0;
        }
        if (chatId.isIntegralNumber()) {
            return chatId.asLong();
        }
        String text = chatId.asText().trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                return world.resolveChat(bot, chatId).id();
            } catch (BotApiError unknown) {
                return 0;
            }
        }
    }

    long hits() {
        lock.lock();
        try {
            return hits;
        } finally {
            lock.unlock();
        }
    }

    List<AcceptedMessage> accepted() {
        lock.lock();
        try {
            return List.copyOf(accepted);
        } finally {
            lock.unlock();
        }
    }
}
