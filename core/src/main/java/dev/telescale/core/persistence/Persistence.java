package dev.telescale.core.persistence;

import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where an application keeps its user, chat and bot data, the states of persistent conversations and the
 * callback-data cache of arbitrary callback data across restarts: the SPI of PTB's {@code BasePersistence}.
 * Implementations: {@link InMemoryPersistence}, {@link JsonFilePersistence} here, JDBC and Redis in their modules;
 * give one to the builder together with the context types it stores:
 *
 * <pre>{@code
 * ContextTypes<CallbackContext<Profile, Settings, Stats>> types = ContextTypes.of(Profile::new, Settings::new, Stats::new);
 * Persistence<Profile, Settings, Stats> store = ...;
 * Application<CallbackContext<Profile, Settings, Stats>> app = Application.builder().token(token)
 *         .contextTypes(types, store)      // the compiler checks that the data types agree
 *         .build();
 * }</pre>
 *
 * <h2>When the Application calls what</h2>
 * <ul>
 *   <li>{@code initialize()}: {@link #getUserData()}, {@link #getChatData()}, {@link #getBotData()},
 *       {@link #getCallbackData()} (when the bot has arbitrary callback data on) — only for the kinds
 *       {@link #storeData()} switches on — and {@link #getConversations} for each persistent conversation
 *       handler, recursively for nested ones (see {@code ConversationHandler});</li>
 *   <li>every {@link #updateInterval()} after {@code start()} (the first run one interval after start), and once
 *       more in {@code shutdown()} followed by {@link #flush()}: {@link #updateBotData} and
 *       {@link #updateCallbackData} every run; {@link #dropUserData}/{@link #dropChatData} for ids dropped or migrated away since the last run, then
 *       {@link #updateUserData}/{@link #updateChatData} for ids <em>marked</em> since the last run (the effective
 *       chat and user of each handled update, the chat and user of each job run, ids marked by hand) that have
 *       data in memory; {@link #updateConversation} for conversation keys changed since the last run. Runs never
 *       overlap;</li>
 *   <li>before the first handler callback of each update and before each job run: the refresh hooks
 *       ({@link #refreshBotData}, {@link #refreshChatData}, {@link #refreshUserData}) for the kinds stored, so a
 *       store shared by several instances can bring the data up to date: each returns the object to use (the one
 *       passed in by default; a new one read from the store for immutable data types), which replaces the
 *       application's before the handler or job reads it.</li>
 * </ul>
 *
 * <h2>Read-through mode (several instances of one bot on one store)</h2>
 * When {@link #readThrough()} is true the application does not trust its memory between updates: before each update
 * the refresh hooks bring the chat's and user's data up to date (as always), each persistent conversation handler
 * re-reads the state of the update's conversation with {@link #getConversation} before choosing a handler, and
 * right after the update the application writes what it changed — the data of the ids marked so far, drops, and
 * conversation states (a persistence run, except the bot data and the callback data, which stay on the interval) —
 * instead of waiting for the interval. The interval runs go on as well. The callback-data cache is each instance's
 * own (a button sent by one instance resolves only there) and the instances overwrite each other's stored copy, so
 * with several instances prefer plain string callback data. This keeps an update of a chat handled by one instance visible to
 * the next update of that chat handled by another, provided the instances do not handle updates of the same chat at
 * the same moment (route each chat to one instance at a time, e.g. by a queue partitioned by chat id). Stores for
 * this mode override {@link #refreshUserData}, {@link #refreshChatData} and {@link #getConversation} with reads of
 * one entry.
 *
 * <h2>Data handed over</h2>
 * The {@code update*} methods receive the <b>live</b> data objects (PTB deep-copies them; Java has no generic deep
 * copy, and copying every object each run would cost more than the write). An implementation must therefore turn
 * the object into its stored form (JSON through Jackson, a row) <b>during the call</b> and must not keep a reference
 * to it: handlers of other chats keep running and may change it right after. The objects a {@code get*} method
 * returns become the live data: return new objects, not ones the persistence keeps using. Data objects are shared
 * by concurrently running handlers, so return the kinds the context types' suppliers make (the default map data is
 * a {@code ConcurrentHashMap}; a plain {@code Map} returned for map data is copied into one on load).
 *
 * <h2>Failures</h2>
 * Methods may throw any {@code RuntimeException} (wrap checked ones, e.g. in {@link PersistenceException}). A
 * failing load fails {@code initialize()}. A failing write, drop, flush or refresh reaches the application's error
 * handlers as a {@link PersistenceException} naming the call (update {@code null}, except for refreshes); the data
 * stays in memory and the failed ids are written again on the next run. Retrying with back-off inside a call is
 * the implementation's choice.
 *
 * <p>Calls come from several threads (the interval runner, the thread calling {@code shutdown()}, the update and
 * job threads for refreshes) but one run's writes come from one thread and runs do not overlap.
 *
 * @param <U> user data type (as in the context types)
 * @param <C> chat data type
 * @param <B> bot data type
 */
public interface Persistence<U, C, B> {

    /** The default of {@link #updateInterval()}: 60 s, as PTB. */
    Duration DEFAULT_UPDATE_INTERVAL = Duration.ofSeconds(60);

    /** Which kinds of data this persistence stores (default: all). */
    default StoreData storeData() {
        return StoreData.ALL;
    }

    /** How often the application writes changed data (default 60 s); must be positive. */
    default Duration updateInterval() {
        return DEFAULT_UPDATE_INTERVAL;
    }

    /**
     * Whether the application reads conversation states through this store before each update and writes each
     * update's changes right after it (see <em>Read-through mode</em> above). Default false: memory is the truth and
     * the store is written every {@link #updateInterval()}. Must not change while the application exists (the
     * application reads it when built, conversation handlers before each update).
     */
    default boolean readThrough() {
        return false;
    }

    // ------------------------------------------------------------------------------------------------------ load

    /** Every stored user's data by user id (empty when none); called once by {@code initialize()}. */
    Map<Long, U> getUserData();

    /** Every stored chat's data by chat id. */
    Map<Long, C> getChatData();

    /** The stored bot data; empty when nothing was stored yet (the context types' supplier then makes it). */
    Optional<B> getBotData();

    /**
     * The stored states of one named conversation handler, by conversation key (PTB's {@code get_conversations}).
     * A state is what the handler stores: an {@code Integer}, a {@code String} or an enum constant's name.
     */
    Map<ConversationKey, Object> getConversations(String name);

    /**
     * The stored state of one conversation, or empty when none is stored; used in {@link #readThrough()} mode before
     * every update a persistent conversation handler sees. Default: looks the key up in
     * {@link #getConversations(String)} — correct but reads every state of the handler; a store shared by several
     * instances should read the one entry.
     */
    default Optional<Object> getConversation(String name, ConversationKey key) {
        Map<ConversationKey, Object> all = getConversations(name);
        return all == null ? Optional.empty() : Optional.ofNullable(all.get(key));
    }

    /**
     * The stored callback-data cache (PTB's {@code get_callback_data}), or empty when none was stored; called by
     * {@code initialize()} when {@link #storeData()} stores callback data and the bot has arbitrary callback data on
     * ({@code Bot.callbackDataCache()}), which is then restored from it ({@code CallbackDataCache.restore}). Return a new snapshot decoded from the store ({@link DataCodec#decodeCallbackData}).
     */
    Optional<CallbackDataSnapshot> getCallbackData();

    // ---------------------------------------------------------------------------------------------------- update

    /** Stores one user's data (serialise it now; do not keep the reference). */
    void updateUserData(long userId, U data);

    /** Stores one chat's data. */
    void updateChatData(long chatId, C data);

    /** Stores the bot data. */
    void updateBotData(B data);

    /**
     * Stores the state of one conversation; an empty state means the conversation ended (delete the key).
     */
    void updateConversation(String name, ConversationKey key, Optional<Object> newState);

    /**
     * Stores the callback-data cache (replacing what was stored); called on every run, like
     * {@link #updateBotData}, when callback data is stored and the bot has a cache. The snapshot is an immutable
     * value, but its button objects are the live ones the bot put on buttons: encode it during the call
     * ({@link DataCodec#encodeCallbackData}).
     */
    void updateCallbackData(CallbackDataSnapshot data);

    // ------------------------------------------------------------------------------------------------------ drop

    /** Deletes one user's stored data (dropped by the application). */
    void dropUserData(long userId);

    /** Deletes one chat's stored data (dropped, or moved away by a chat migration). */
    void dropChatData(long chatId);

    // --------------------------------------------------------------------------------------------------- refresh

    /**
     * Called before a handler or job uses this user's data, so a store shared by several instances can bring it up
     * to date: return the object to use from now on. Either update {@code data} in place and return it (mutable
     * classes, maps), or return a new object read from the store (immutable records); the application puts a
     * different object into its data store before the handler's context reads it. Return {@code data} itself to
     * keep it (also when the store has no entry for the id). Must not return null: the application refuses null
     * with a {@link PersistenceException} that reaches the error handlers. Default: returns {@code data}.
     */
    default U refreshUserData(long userId, U data) {
        return data;
    }

    /** As {@link #refreshUserData} for a chat's data. */
    default C refreshChatData(long chatId, C data) {
        return data;
    }

    /**
     * As {@link #refreshUserData} for the bot data. The bot data is shared by every running handler: a handler that
     * got the previous object keeps it for its update, so prefer updating in place when handlers change it.
     */
    default B refreshBotData(B data) {
        return data;
    }

    // ----------------------------------------------------------------------------------------------------- flush

    /** Called by {@code shutdown()} after the final write: make everything durable, release resources. */
    void flush();
}
