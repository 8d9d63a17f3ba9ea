package dev.telescale.core.persistence;

/**
 * Which kinds of data a {@link Persistence} stores (PTB's {@code PersistenceInput}). The Application loads, writes
 * and refreshes only the kinds switched on here; conversations are chosen per conversation handler instead.
 *
 * @param userData     each user's data
 * @param chatData     each chat's data
 * @param botData      the bot-wide data
 * @param callbackData the cache of arbitrary callback data (when the bot has it on)
 */
public record StoreData(boolean userData, boolean chatData, boolean botData, boolean callbackData) {

    /** Every kind (the default). */
    public static final StoreData ALL = new StoreData(true, true, true, true);

    /** No kind of data (a persistence used for conversations only). */
    public static final StoreData NONE = new StoreData(false, false, false, false);

    /** This selection with user data switched on or off. */
    public StoreData withUserData(boolean on) {
        return new StoreData(on, chatData, botData, callbackData);
    }

    /** This selection with chat data switched on or off. */
    public StoreData withChatData(boolean on) {
        return new StoreData(userData, on, botData, callbackData);
    }

    /** This selection with bot data switched on or off. */
    public StoreData withBotData(boolean on) {
        return new StoreData(userData, chatData, on, callbackData);
    }

    /** This selection with callback data switched on or off. */
    public StoreData withCallbackData(boolean on) {
        return new StoreData(userData, chatData, botData, on);
    }
}
