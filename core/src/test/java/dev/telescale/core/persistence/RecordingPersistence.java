package dev.telescale.core.persistence;

import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A persistence for the wiring tests: keeps the stored state as strings (serialised at call time, as the SPI asks)
 * and records every call in order. {@code failing} makes writes, drops and flush throw (a store that is down).
 */
final class RecordingPersistence<U, C, B> implements Persistence<U, C, B> {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<Long, String> storedUsers = new ConcurrentHashMap<>();
    final Map<Long, String> storedChats = new ConcurrentHashMap<>();
    volatile String storedBot;
    volatile boolean failing;
    volatile RuntimeException loadFailure;
    private final StoreData storeData;
    private final Duration interval;
    Map<Long, U> initialUsers = new HashMap<>();
    Map<Long, C> initialChats = new HashMap<>();
    Optional<B> initialBot = Optional.empty();
    Optional<CallbackDataSnapshot> initialCallbackData = Optional.empty();
    volatile CallbackDataSnapshot storedCallbackData;
    UnaryOperator<U> userRefresh = u -> u;

    RecordingPersistence(StoreData storeData, Duration interval) {
        this.storeData = storeData;
        this.interval = interval;
    }

    @Override
    public StoreData storeData() {
        return storeData;
    }

    @Override
    public Duration updateInterval() {
        return interval;
    }

    @Override
    public Map<Long, U> getUserData() {
        calls.add("getUserData");
        if (loadFailure != null) {
            throw loadFailure;
        }
        return initialUsers;
    }

    @Override
    public Map<Long, C> getChatData() {
        calls.add("getChatData");
        return initialChats;
    }

    @Override
    public Optional<B> getBotData() {
        calls.add("getBotData");
        return initialBot;
    }

    @Override
    public Optional<CallbackDataSnapshot> getCallbackData() {
        calls.add("getCallbackData");
        return initialCallbackData;
    }

    @Override
    public void updateCallbackData(CallbackDataSnapshot data) {
        write("updateCallbackData");
        storedCallbackData = data;
    }

    @Override
    public Map<ConversationKey, Object> getConversations(String name) {
        calls.add("getConversations " + name);
        return Map.of();
    }

    @Override
    public void updateUserData(long userId, U data) {
        write("updateUserData " + userId);
        storedUsers.put(userId, String.valueOf(data));
    }

    @Override
    public void updateChatData(long chatId, C data) {
        write("updateChatData " + chatId);
        storedChats.put(chatId, String.valueOf(data));
    }

    @Override
    public void updateBotData(B data) {
        write("updateBotData");
        storedBot = String.valueOf(data);
    }

    @Override
    public void updateConversation(String name, ConversationKey key, Optional<Object> newState) {
        write("updateConversation " + name + " " + key + " " + newState);
    }

    @Override
    public void dropUserData(long userId) {
        write("dropUserData " + userId);
        storedUsers.remove(userId);
    }

    @Override
    public void dropChatData(long chatId) {
        write("dropChatData " + chatId);
        storedChats.remove(chatId);
    }

    @Override
    public U refreshUserData(long userId, U data) {
        calls.add("refreshUserData " + userId);
        return userRefresh.apply(data);
    }

    @Override
    public C refreshChatData(long chatId, C data) {
        calls.add("refreshChatData " + chatId);
        return data;
    }

    @Override
    public B refreshBotData(B data) {
        calls.add("refreshBotData");
        return data;
    }

    @Override
    public void flush() {
        write("flush");
    }

    private void write(String call) {
        if (failing) {
            calls.add("FAILED " + call);
            throw new IllegalStateException("store is down");
        }
        calls.add(call);
    }

    /** The calls that wrote or dropped something (no loads, refreshes, failures). */
    List<String> writes() {
        return calls.stream().filter(c -> c.startsWith("update") || c.startsWith("drop") || c.equals("flush"))
                .toList();
    }
}
