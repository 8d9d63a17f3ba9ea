package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import java.util.Optional;
import java.util.function.Function;

/**
 * PTB's {@code filters.UpdateType}: which kind of message update it is. Exposed as {@link Filters.UpdateType}.
 */
class UpdateTypeFilters {

    /** New messages. */
    public static final Filter MESSAGE = kind("MESSAGE", Update::message);
    /** Edited messages. */
    public static final Filter EDITED_MESSAGE = kind("EDITED_MESSAGE", Update::editedMessage);
    /** New or edited messages: the default filter of {@code CommandHandler}. */
    public static final Filter MESSAGES = kinds("MESSAGES", Update::message, Update::editedMessage);
    /** New channel posts. */
    public static final Filter CHANNEL_POST = kind("CHANNEL_POST", Update::channelPost);
    /** Edited channel posts. */
    public static final Filter EDITED_CHANNEL_POST = kind("EDITED_CHANNEL_POST", Update::editedChannelPost);
    /** New or edited channel posts. */
    public static final Filter CHANNEL_POSTS = kinds("CHANNEL_POSTS", Update::channelPost,
            Update::editedChannelPost);
    /** Edited messages, edited channel posts and edited business messages. */
    public static final Filter EDITED = kinds("EDITED", Update::editedMessage, Update::editedChannelPost,
            Update::editedBusinessMessage);
    /** New business messages (sent to a business account the bot is connected to). */
    public static final Filter BUSINESS_MESSAGE = kind("BUSINESS_MESSAGE", Update::businessMessage);
    /** Edited business messages. */
    public static final Filter EDITED_BUSINESS_MESSAGE = kind("EDITED_BUSINESS_MESSAGE",
            Update::editedBusinessMessage);
    /** New or edited business messages. */
    public static final Filter BUSINESS_MESSAGES = kinds("BUSINESS_MESSAGES", Update::businessMessage,
            Update::editedBusinessMessage);
    /** Guest messages (Bot API 10.1; PTB 22.8's {@code UpdateType.GUEST_MESSAGE}). */
    public static final Filter GUEST_MESSAGE = kind("GUEST_MESSAGE", Update::guestMessage);

    UpdateTypeFilters() {
    }

    private static Filter kind(String constant, Function<Update, Optional<Message>> part) {
        return Filter.update("Filters.UpdateType." + constant, u -> part.apply(u).isPresent());
    }

    @SafeVarargs
    private static Filter kinds(String constant, Function<Update, Optional<Message>>... parts) {
        return Filter.update("Filters.UpdateType." + constant, u -> {
            for (Function<Update, Optional<Message>> part : parts) {
                if (part.apply(u).isPresent()) {
                    return true;
                }
            }
            return false;
        });
    }
}
