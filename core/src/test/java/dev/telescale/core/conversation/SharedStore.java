package dev.telescale.core.conversation;

import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.persistence.StoreData;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A store for the conversation persistence tests, in the style of the wiring tests' recording persistence: keeps
 * user data and conversation states in maps (user data copied, as a real store serialises), records every
 * conversation call, and can be shared by two applications ({@link #view(boolean)}: one persistence object per
 * application, one store behind them).
 */
final class SharedStore {

    final Map<Long, Map<String, Object>> users = new ConcurrentHashMap<>();
    final Map<String, Map<ConversationKey, Object>> conversations = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    /** A persistence on this store; {@code readThrough} for the multi-instance mode. */
    View view(boolean readThrough) {
        return new View(readThrough);
    }

    final class View implements Persistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> {

        private final boolean readThrough;

        View(boolean readThrough) {
            this.readThrough = readThrough;
        }

        @Override
        public boolean readThrough() {
            return readThrough;
        }

        @Override
        public StoreData storeData() {
            return StoreData.NONE.withUserData(true);
        }

        @Override
        public Duration updateInterval() {
            return Duration.ofHours(1); // tests write with updatePersistence() or through read-through mode
        }

        @Override
        public Map<Long, Map<String, Object>> getUserData() {
            Map<Long, Map<String, Object>> copy = new HashMap<>();
            users.forEach((id, data) -> copy.put(id, new ConcurrentHashMap<>(data)));
            return copy;
        }

        @Override
        public Map<Long, Map<String, Object>> getChatData() {
            return Map.of();
        }

        @Override
        public Optional<Map<String, Object>> getBotData() {
            return Optional.empty();
        }

        @Override
        public Map<ConversationKey, Object> getConversations(String name) {
            calls.add("getConversations " + name);
            return new HashMap<>(conversations.getOrDefault(name, Map.of()));
        }

        @Override
        public Optional<Object> getConversation(String name, ConversationKey key) {
            calls.add("getConversation " + name + " " + key);
            return Optional.ofNullable(conversations.getOrDefault(name, Map.of()).get(key));
        }

        @Override
        public void updateUserData(long userId, Map<String, Object> data) {
            users.put(userId, Map.copyOf(data));
        }

        @Override
        public void updateChatData(long chatId, Map<String, Object> data) {
        }

        @Override
        public void updateBotData(Map<String, Object> data) {
        }

        @Override
        public Optional<CallbackDataSnapshot> getCallbackData() {
            return Optional.empty();
        }

        @Override
        public void updateCallbackData(CallbackDataSnapshot data) {
        }

        @Override
        public void updateConversation(String name, ConversationKey key, Optional<Object> newState) {
            if (failing) {
                calls.add("FAILED updateConversation " + name + " " + key);
                throw new IllegalStateException("store is down");
            }
            calls.add("updateConversation " + name + " " + key + " " + newState.map(String::valueOf).orElse("-"));
            Map<ConversationKey, Object> states = conversations.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
            newState.ifPresentOrElse(s -> states.put(key, s), () -> states.remove(key));
        }

        @Override
        public Map<String, Object> refreshUserData(long userId, Map<String, Object> data) {
            Map<String, Object> stored = users.get(userId);
            if (stored != null) {
                data.clear();
                data.putAll(stored);
            }
            return data;
        }

        @Override
        public void dropUserData(long userId) {
            users.remove(userId);
        }

        @Override
        public void dropChatData(long chatId) {
        }

        @Override
        public void flush() {
        }
    }
}
