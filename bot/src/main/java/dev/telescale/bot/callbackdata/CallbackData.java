package dev.telescale.bot.callbackdata;

import dev.telescale.api.types.InlineKeyboardButton;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts any Java object on an inline keyboard button, for bots with arbitrary callback data on
 * ({@code Bot.builder().arbitraryCallbackData(true)}):
 *
 * <pre>{@code
 * InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(
 *         CallbackData.button("Yes", new Vote(pollId, true)),
 *         CallbackData.button("No", new Vote(pollId, false))))).build();
 * bot.sendMessage(b -> b.chatId(chatId).text("Agreed?").replyMarkup(keyboard));
 * // later, in a CallbackQueryHandler: (Vote) bot.callbackData(query), or InvalidCallbackData when expired
 * }</pre>
 *
 * <p>The Bot API only carries strings of up to 64 bytes, so the object stays in the bot: when the request is sent the
 * Bot writes a 64-character key in the button's {@code callback_data} and caches the object under it
 * ({@link CallbackDataCache}). The button holds the object itself until then, as a field the generated
 * {@code InlineKeyboardButton} does not model, so the button is an ordinary value to put in any keyboard of any
 * method (messages, edits, copies, polls, inline query results). Sending such a button with arbitrary callback data
 * off fails with an error saying so. To be persisted with the cache, the object must be Jackson-serialisable
 * (see {@link CallbackDataSnapshot}).
 */
public final class CallbackData {

    private CallbackData() {
    }

    /** A button showing {@code text} whose callback data is {@code data}. */
    public static InlineKeyboardButton button(String text, Object data) {
        Objects.requireNonNull(text, "text");
        return withData(InlineKeyboardButton.builder().text(text).build(), data);
    }

    /**
     * A copy of {@code button} (with its style, icon and other fields) whose callback data is {@code data} instead
     * of what it had.
     */
    public static InlineKeyboardButton withData(InlineKeyboardButton button, Object data) {
        Objects.requireNonNull(button, "button");
        Objects.requireNonNull(data, "data: a button without callback data needs no CallbackData");
        return button.toBuilder().callbackData(null)
                .unknownField(CallbackDataNode.FIELD, new CallbackDataNode(data)).build();
    }

    /** The object put on a button with {@link #button} or {@link #withData}; empty for any other button. */
    public static Optional<Object> objectOf(InlineKeyboardButton button) {
        Objects.requireNonNull(button, "button");
        return button.unknownFields().get(CallbackDataNode.FIELD) instanceof CallbackDataNode node
                ? Optional.of(node.value()) : Optional.empty();
    }
}
