package dev.telescale.bot.callbackdata;

import java.util.Objects;

/**
 * What {@code Bot.callbackData(query)} gives instead of the button's object when arbitrary callback data is on and
 * the query's {@code callback_data} does not lead to a cached object: the keyboard was evicted from the bounded
 * cache or dropped, the bot restarted without persisting the cache, or a client sent data the bot never put on a
 * button. Match it with {@code CallbackQueryHandler.pattern(InvalidCallbackData.class)} to tell the user the button
 * has expired.
 *
 * <p>A value, not an exception as in python-telegram-bot: nothing went wrong in the bot, a user pressed an old
 * button. {@link #message()} is PTB's text for it.
 *
 * @param callbackData the raw {@code callback_data} string of the query, exactly as received
 */
public record InvalidCallbackData(String callbackData) {

    /** PTB's message for this case. */
    public static final String MESSAGE =
            "The object belonging to this callback_data was deleted or the callback_data was manipulated.";

    public InvalidCallbackData {
        Objects.requireNonNull(callbackData, "callbackData");
    }

    /** {@value #MESSAGE} */
    public String message() {
        return MESSAGE;
    }

    @Override
    public String toString() {
        return "InvalidCallbackData[callbackData=" + callbackData + "]: " + MESSAGE;
    }
}
