package dev.telescale.core.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the in-memory and the single-file store share: the state is a {@link StoreDocument} of JSON trees; data is
 * encoded during each update call (the SPI hands over live objects) and decoded into new objects on each load. A
 * subclass says where the document comes from and what happens after a change (nothing, or a file write).
 */
abstract class DocumentPersistence<U, C, B> implements Persistence<U, C, B> {

    final DataCodec<U, C, B> codec;
    private final StoreData storeData;
    private final Duration updateInterval;

    DocumentPersistence(DataCodec<U, C, B> codec, StoreData storeData, Duration updateInterval) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.storeData = Objects.requireNonNull(storeData, "storeData");
        Objects.requireNonNull(updateInterval, "updateInterval");
        if (updateInterval.isZero() || updateInterval.isNegative()) {
            throw new IllegalArgumentException("updateInterval must be positive, was " + updateInterval);
        }
        this.updateInterval = updateInterval;
    }

    /** The document, loaded first if needed (a failing load throws). */
    abstract StoreDocument document();

    /** Applies {@code change} (which says whether the document changed) and makes it durable as the store does. */
    abstract void modify(String call, Function<StoreDocument, Boolean> change);

    /** Where the data is, for messages: "the in-memory store", "file /srv/bot/state.json". */
    abstract String source();

    @Override
    public StoreData storeData() {
        return storeData;
    }

    @Override
    public Duration updateInterval() {
        return updateInterval;
    }

    // ------------------------------------------------------------------------------------------------------ load

    @Override
    public Map<Long, U> getUserData() {
        Map<Long, U> result = new HashMap<>();
        document().users().forEach((id, json) -> result.put(id, decoding(() -> codec.decodeUserData(id, json))));
        return result;
    }

    @Override
    public Map<Long, C> getChatData() {
        Map<Long, C> result = new HashMap<>();
        document().chats().forEach((id, json) -> result.put(id, decoding(() -> codec.decodeChatData(id, json))));
        return result;
    }

    @Override
    public Optional<B> getBotData() {
        JsonNode json = document().bot();
        return json == null ? Optional.empty() : Optional.of(decoding(() -> codec.decodeBotData(json)));
    }

    @Override
    public Optional<CallbackDataSnapshot> getCallbackData() {
        JsonNode json = document().callbackData();
        return json == null ? Optional.empty() : Optional.of(decoding(() -> codec.decodeCallbackData(json)));
    }

    @Override
    public Map<ConversationKey, Object> getConversations(String name) {
        Objects.requireNonNull(name, "name");
        Map<ConversationKey, Object> result = new HashMap<>();
        document().conversations(name).forEach((key, state) -> result.put(key,
                decoding(() -> codec.decodeState(state))));
        return result;
    }

    /** One conversation's stored state, read from the one entry (not through every state of the handler). */
    @Override
    public Optional<Object> getConversation(String name, ConversationKey key) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        JsonNode state = document().conversations(name).get(key);
        return state == null ? Optional.empty() : Optional.of(decoding(() -> codec.decodeState(state)));
    }

    private <T> T decoding(java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (DataCodecException e) {
            throw new DataCodecException(e.getMessage() + " (in " + source() + ")", e);
        }
    }

    // ----------------------------------------------------------------------------------------------------- write

    @Override
    public void updateUserData(long userId, U data) {
        JsonNode json = codec.encodeUserData(userId, data);
        modify("updateUserData(" + userId + ")", doc -> doc.putUser(userId, json));
    }

    @Override
    public void updateChatData(long chatId, C data) {
        JsonNode json = codec.encodeChatData(chatId, data);
        modify("updateChatData(" + chatId + ")", doc -> doc.putChat(chatId, json));
    }

    @Override
    public void updateBotData(B data) {
        JsonNode json = codec.encodeBotData(data);
        modify("updateBotData()", doc -> doc.putBot(json));
    }

    @Override
    public void updateCallbackData(CallbackDataSnapshot data) {
        JsonNode json = codec.encodeCallbackData(data);
        modify("updateCallbackData()", doc -> doc.putCallbackData(json));
    }

    @Override
    public void updateConversation(String name, ConversationKey key, Optional<Object> newState) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(newState, "newState");
        JsonNode state = newState.map(codec::encodeState).orElse(null);
        modify("updateConversation(" + name + ", " + key + ")", doc -> doc.putConversation(name, key, state));
    }

    @Override
    public void dropUserData(long userId) {
        modify("dropUserData(" + userId + ")", doc -> doc.removeUser(userId));
    }

    @Override
    public void dropChatData(long chatId) {
        modify("dropChatData(" + chatId + ")", doc -> doc.removeChat(chatId));
    }
}
