package dev.telescale.core.data;

import dev.telescale.api.types.Message;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The bot's, each chat's and each user's data (PTB's {@code bot_data}, {@code chat_data}, {@code user_data}), typed
 * through the application's context types. A chat's or user's object is created on first access and kept until it
 * is dropped. Thread-safe; the data objects themselves are shared between concurrently running handlers of
 * different chats (one chat's updates never overlap under the ordered processor), so the default maps are
 * {@code ConcurrentHashMap}s.
 *
 * <p>It also records which entries changed (touched by a handler, forced with {@link #markForUpdate}, dropped),
 * for the application's {@code Persistence}: each persistence run {@link #drainMarks() drains} them and writes
 * those entries; {@link #pendingMarks()} shows them.
 *
 * @param <U> user data type
 * @param <C> chat data type
 * @param <B> bot data type
 */
public final class DataStore<U, C, B> {

    private final Supplier<? extends U> userFactory;
    private final Supplier<? extends C> chatFactory;
    private final Supplier<? extends B> botFactory;
    private volatile B botData;
    private final ConcurrentHashMap<Long, U> users = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, C> chats = new ConcurrentHashMap<>();
    private final Set<Long> updatedChats = ConcurrentHashMap.newKeySet();
    private final Set<Long> updatedUsers = ConcurrentHashMap.newKeySet();
    private final Set<Long> droppedChats = ConcurrentHashMap.newKeySet();
    private final Set<Long> droppedUsers = ConcurrentHashMap.newKeySet();

    /** A store creating data objects with the given suppliers (each must return a new, non-null object). */
    public DataStore(Supplier<? extends U> userData, Supplier<? extends C> chatData, Supplier<? extends B> botData) {
        this.userFactory = Objects.requireNonNull(userData, "userData");
        this.chatFactory = Objects.requireNonNull(chatData, "chatData");
        this.botFactory = Objects.requireNonNull(botData, "botData");
        this.botData = Objects.requireNonNull(botData.get(), "the botData supplier returned null");
    }

    /** The bot-wide data object. */
    public B botData() {
        return botData;
    }

    /** The data of one chat, created on first access. */
    public C chatData(long chatId) {
        return chats.computeIfAbsent(chatId, id -> Objects.requireNonNull(chatFactory.get(),
                "the chatData supplier returned null"));
    }

    /** The data of one user, created on first access. */
    public U userData(long userId) {
        return users.computeIfAbsent(userId, id -> Objects.requireNonNull(userFactory.get(),
                "the userData supplier returned null"));
    }

    /**
     * Replaces one chat's data object and marks it for the next persistence run: how a handler changes data of an
     * immutable type (a record) — {@code store.setChatData(id, settings.withLanguage("de"))}.
     */
    public void setChatData(long chatId, C data) {
        chats.put(chatId, Objects.requireNonNull(data, "data"));
        droppedChats.remove(chatId);
        updatedChats.add(chatId);
    }

    /** Replaces one user's data object and marks it for the next persistence run (see {@link #setChatData}). */
    public void setUserData(long userId, U data) {
        users.put(userId, Objects.requireNonNull(data, "data"));
        droppedUsers.remove(userId);
        updatedUsers.add(userId);
    }

    /**
     * Replaces the bot data object (for an immutable type); the bot data is written on every persistence run. A
     * handler running at the same time keeps the object it already got.
     */
    public void setBotData(B data) {
        this.botData = Objects.requireNonNull(data, "data");
    }

    /** All chats' data: a read-only live view (PTB's {@code application.chat_data}). */
    public Map<Long, C> allChatData() {
        return Collections.unmodifiableMap(chats);
    }

    /** All users' data: a read-only live view. */
    public Map<Long, U> allUserData() {
        return Collections.unmodifiableMap(users);
    }

    /** Removes a chat's data (even if not empty); a handler running concurrently may create it again. */
    public void dropChatData(long chatId) {
        chats.remove(chatId);
        updatedChats.remove(chatId);
        droppedChats.add(chatId);
    }

    /** Removes a user's data. */
    public void dropUserData(long userId) {
        users.remove(userId);
        updatedUsers.remove(userId);
        droppedUsers.add(userId);
    }

    /**
     * Moves the data of a group that became a supergroup, using the service message Telegram sends: the old id is
     * {@code migrate_from_chat_id} or the message's chat, the new id {@code migrate_to_chat_id} or the chat.
     *
     * @throws IllegalArgumentException if the message is not a migration service message
     */
    public void migrateChatData(Message message) {
        Objects.requireNonNull(message, "message");
        OptionalLong from = message.migrateFromChatId();
        OptionalLong to = message.migrateToChatId();
        if (from.isEmpty() && to.isEmpty()) {
            throw new IllegalArgumentException("Message " + message.messageId() + " is not a chat migration message: "
                    + "it has neither migrate_from_chat_id nor migrate_to_chat_id");
        }
        long chat = message.chat().id();
        migrateChatData(from.orElse(chat), to.orElse(chat));
    }

    /**
     * Moves a chat's data to a new id (replacing what the new id had) and drops the old id. Unlike PTB, when the
     * old id has no data nothing happens: Telegram sends a migration message to both chats, and the second must not
     * overwrite the moved data with an empty object.
     */
    public void migrateChatData(long oldChatId, long newChatId) {
        if (oldChatId == newChatId) {
            return;
        }
        C data = chats.remove(oldChatId);
        if (data == null) {
            return;
        }
        chats.put(newChatId, data);
        updatedChats.remove(oldChatId);
        droppedChats.add(oldChatId);
        updatedChats.add(newChatId);
        droppedChats.remove(newChatId);
    }

    // ------------------------------------------------------------------------------------------- persistence

    /**
     * Replaces the bot data with one loaded from a persistence (by {@code Application.initialize()}, before any
     * handler runs, or returned by a refresh hook). A {@code Map} of another class than the supplier makes is copied
     * into a new one of the supplier's (the default map data must stay a {@code ConcurrentHashMap}).
     */
    public void loadBotData(B loaded) {
        this.botData = adopt(Objects.requireNonNull(loaded, "loaded bot data"), botFactory, "bot data", null);
    }

    /** Puts users' data loaded from a persistence (replacing what those ids had); maps as {@link #loadBotData}. */
    public void loadUserData(Map<Long, ? extends U> loaded) {
        Objects.requireNonNull(loaded, "loaded user data").forEach((id, d) -> users.put(
                Objects.requireNonNull(id, "a user id of the loaded data is null"),
                adopt(Objects.requireNonNull(d, () -> "the loaded data of user " + id + " is null"), userFactory,
                        "the data of user", id)));
    }

    /** Puts chats' data loaded from a persistence (replacing what those ids had). */
    public void loadChatData(Map<Long, ? extends C> loaded) {
        Objects.requireNonNull(loaded, "loaded chat data").forEach((id, d) -> chats.put(
                Objects.requireNonNull(id, "a chat id of the loaded data is null"),
                adopt(Objects.requireNonNull(d, () -> "the loaded data of chat " + id + " is null"), chatFactory,
                        "the data of chat", id)));
    }

    /**
     * Replaces one user's data with the object a persistence returned (a refresh hook), without marking it: it
     * came from the store. Maps as {@link #loadBotData}.
     */
    public void loadUserData(long userId, U loaded) {
        users.put(userId, adopt(Objects.requireNonNull(loaded, "loaded user data"), userFactory,
                "the data of user", userId));
    }

    /** Replaces one chat's data with the object a persistence returned, without marking it. */
    public void loadChatData(long chatId, C loaded) {
        chats.put(chatId, adopt(Objects.requireNonNull(loaded, "loaded chat data"), chatFactory,
                "the data of chat", chatId));
    }

    /**
     * {@code loaded}, or a copy into the factory's {@code Map} class. {@code what} and {@code id} name the data in an
     * error only: a refresh hook's result comes here for every update, so no message is built on the way.
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // T is a Map type here, and the supplier's object is a T
    private static <T> T adopt(T loaded, Supplier<? extends T> factory, String what, Long id) {
        if (!(loaded instanceof Map<?, ?> map)) {
            return loaded;
        }
        T fresh = factory.get();
        if (!(fresh instanceof Map target) || fresh.getClass() == loaded.getClass()) {
            return loaded;
        }
        try {
            target.putAll(map);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot copy " + what + (id == null ? "" : " " + id) + " into a "
                    + fresh.getClass().getSimpleName() + " (null keys or values?): " + e, e);
        }
        return fresh;
    }

    /**
     * Puts marks back that a persistence run took with {@link #drainMarks()} but could not write (the store was
     * down): the next run tries them again.
     */
    public void restoreMarks(DataMarks marks) {
        Objects.requireNonNull(marks, "marks");
        updatedChats.addAll(marks.updatedChats());
        updatedUsers.addAll(marks.updatedUsers());
        droppedChats.addAll(marks.droppedChats());
        droppedUsers.addAll(marks.droppedUsers());
    }

    /** Forces these chats' and users' data to be written by the next persistence run. */
    public void markForUpdate(Collection<Long> chatIds, Collection<Long> userIds) {
        Objects.requireNonNull(chatIds, "chatIds");
        Objects.requireNonNull(userIds, "userIds");
        chatIds.forEach(id -> markChat(Objects.requireNonNull(id, "chat id")));
        userIds.forEach(id -> markUser(Objects.requireNonNull(id, "user id")));
    }

    /** Marks one chat's data as changed. */
    public void markChat(long chatId) {
        updatedChats.add(chatId);
    }

    /** Marks one user's data as changed. */
    public void markUser(long userId) {
        updatedUsers.add(userId);
    }

    /** A snapshot of what changed since the last {@link #drainMarks()}. */
    public DataMarks pendingMarks() {
        return new DataMarks(Set.copyOf(updatedChats), Set.copyOf(updatedUsers), Set.copyOf(droppedChats),
                Set.copyOf(droppedUsers));
    }

    /** Returns what changed and forgets it (for the persistence run that writes it). */
    public DataMarks drainMarks() {
        return new DataMarks(drain(updatedChats), drain(updatedUsers), drain(droppedChats), drain(droppedUsers));
    }

    private static Set<Long> drain(Set<Long> marks) {
        Set<Long> copy = new java.util.HashSet<>();
        for (var it = marks.iterator(); it.hasNext(); ) {
            copy.add(it.next());
            it.remove();
        }
        return Set.copyOf(copy);
    }

    @Override
    public String toString() {
        return "DataStore[chats=" + chats.size() + ", users=" + users.size() + "]";
    }
}
