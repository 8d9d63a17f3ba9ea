package dev.telescale.examples;

import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.ContextSeed;
import dev.telescale.core.ContextTypes;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.TypeHandler;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * A context class and chat data class of one's own (PTB's {@code contexttypesbot.py}): {@code /start} sends a
 * button that counts its clicks per message in the chat's {@link ChatData}; a handler in group -1 records every
 * user in the bot data, and {@code /print_users} lists them through the {@link CustomContext#botUserIds()}
 * shortcut.
 *
 * <p>The user ids are a sorted set, so {@code /print_users} lists them in ascending order where Python prints its
 * set in hash order (for small ids the same, for large ones arbitrary).
 */
public final class ContextTypesBot {

    private static final String CLICKED = "This button was clicked <i>%d</i> times.";

    private ContextTypesBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** Chat data: clicks per message id. */
    public static final class ChatData {

        private final Map<Long, Integer> clicksPerMessage = new ConcurrentHashMap<>();

        /** The clicks counted for a message, 0 when none. */
        public int clicks(long messageId) {
            return clicksPerMessage.getOrDefault(messageId, 0);
        }

        void setClicks(long messageId, int clicks) {
            clicksPerMessage.put(messageId, clicks);
        }
    }

    /**
     * The context handlers get here: the default user and bot maps, {@link ChatData} per chat, a shortcut to the
     * set of user ids in the bot data, and the click count of the update's message.
     */
    public static final class CustomContext extends CallbackContext<Map<String, Object>, ChatData, Map<String, Object>> {

        /** Builds the context for an update. */
        public CustomContext(ContextSeed<Map<String, Object>, ChatData, Map<String, Object>> seed) {
            super(seed);
        }

        /** The ids of the users who used the bot, kept in the bot data under "user_ids". */
        @SuppressWarnings("unchecked") // only this class puts "user_ids", always a Set<Long>
        public Set<Long> botUserIds() {
            return (Set<Long>) botData().computeIfAbsent("user_ids", key -> new ConcurrentSkipListSet<Long>());
        }

        /** The clicks of the message this context was made for; empty when the update has no chat or message. */
        public OptionalInt messageClicks() {
            return messageId() == 0 ? OptionalInt.empty()
                    : OptionalInt.of(chatData().clicks(messageId()));
        }

        /**
         * Sets the clicks of the update's message.
         *
         * @throws IllegalStateException when the update has no message
         */
        public void setMessageClicks(int clicks) {
            if (messageId() == 0) {
                throw new IllegalStateException("There is no message associated with this context object.");
            }
            chatData().setClicks(messageId(), clicks);
        }

        /** The effective message's id when the update has a chat (PTB's {@code _message_id}), else 0. */
        private long messageId() {
            return chatId().isPresent() && update().orElse(null) instanceof Update
                    ? effectiveMessage().map(m -> m.messageId()).orElse(0L) : 0L;
        }
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<CustomContext> build(String token, String apiBaseUrl) {
        ContextTypes<CustomContext> types = ContextTypes.of(CustomContext::new, ConcurrentHashMap::new, ChatData::new,
                ConcurrentHashMap::new);
        Application<CustomContext> app = Environment.builder(token, apiBaseUrl).contextTypes(types).build();
        // In its own group, so it runs for every update without keeping the handlers of group 0 from matching.
        app.addHandler(new TypeHandler<Update, CustomContext>(Update.class, (update, context) ->
                context.effectiveUser().ifPresent(user -> context.botUserIds().add(user.id()))), -1);
        app.addHandler(new CommandHandler<CustomContext>("start", (update, context) ->
                context.replyHtml(CLICKED.formatted(0), b -> b.replyMarkup(clickMe()))));
        app.addHandler(new CallbackQueryHandler<CustomContext>((update, context) -> {
            context.setMessageClicks(context.messageClicks().orElse(0) + 1);
            context.answer();
            context.editMessageText(CLICKED.formatted(context.messageClicks().orElseThrow()),
                    b -> b.replyMarkup(clickMe()).parseMode("HTML"));
        }));
        app.addHandler(new CommandHandler<CustomContext>("print_users", (update, context) ->
                context.replyText("The following user IDs have used this bot: " + context.botUserIds().stream()
                        .map(String::valueOf).collect(Collectors.joining(", ")))));
        return app;
    }

    private static InlineKeyboardMarkup clickMe() {
        return InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(
                InlineKeyboardButton.builder().text("Click me!").callbackData("button").build()))).build();
    }
}
