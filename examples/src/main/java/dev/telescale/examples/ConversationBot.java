package dev.telescale.examples;

import dev.telescale.api.types.KeyboardButton;
import dev.telescale.api.types.Location;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.PhotoSize;
import dev.telescale.api.types.ReplyKeyboardMarkup;
import dev.telescale.api.types.ReplyKeyboardRemove;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.conversation.ConversationHandler;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A conversation with a state per step (PTB's {@code conversationbot.py}): {@code /start} asks for the gender with a
 * one-time reply keyboard ("Boy", "Girl", "Other", placeholder "Boy or Girl?"), then asks for a photo (the keyboard
 * removed; {@code /skip} skips), a location ({@code /skip} skips) and a short bio, and says goodbye.
 * {@code /cancel} ends the conversation at any step. What does not fit the current step is ignored.
 *
 * <p>The photo is downloaded to {@code user_photo.jpg} in the working directory, as in the original, and what the
 * user answers is logged at INFO. Locations are logged with six decimals, as Python's {@code %f}. As the original
 * reads {@code update.message}, an edited message that a handler matches fails without a reply and leaves the state
 * as it was.
 */
public final class ConversationBot {

    private static final Logger log = LoggerFactory.getLogger(ConversationBot.class);

    /** The steps of the conversation. */
    enum State { GENDER, PHOTO, LOCATION, BIO }

    private ConversationBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        return build(token, apiBaseUrl, Path.of("user_photo.jpg"));
    }

    /** The same, downloading users' photos to {@code photoFile} instead of {@code user_photo.jpg}. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl, Path photoFile) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("start", ConversationBot::start))
                .state(State.GENDER, MessageHandler.returning(Filters.regex("^(Boy|Girl|Other)$"),
                        (update, context) -> gender(update, context)))
                .state(State.PHOTO,
                        MessageHandler.returning(Filters.PHOTO, (update, context) -> photo(update, context, photoFile)),
                        CommandHandler.returning("skip", (update, context) -> skipPhoto(update, context)))
                .state(State.LOCATION,
                        MessageHandler.returning(Filters.LOCATION, (update, context) -> location(update, context)),
                        CommandHandler.returning("skip", (update, context) -> skipLocation(update, context)))
                .state(State.BIO, MessageHandler.returning(Filters.TEXT.and(Filters.COMMAND.not()),
                        (update, context) -> bio(update, context)))
                .fallbacks(CommandHandler.returning("cancel", (update, context) -> cancel(update, context)))
                .build());
        return app;
    }

    private static State start(Update update, DefaultContext context) {
        update.message().orElseThrow();
        ReplyKeyboardMarkup genders = ReplyKeyboardMarkup.builder()
                .keyboard(List.of(List.of(button("Boy"), button("Girl"), button("Other"))))
                .oneTimeKeyboard(true)
                .inputFieldPlaceholder("Boy or Girl?")
                .build();
        context.replyText("Hi! My name is Professor Bot. I will hold a conversation with you. "
                + "Send /cancel to stop talking to me.\n\n"
                + "Are you a boy or a girl?", b -> b.replyMarkup(genders));
        return State.GENDER;
    }

    private static State gender(Update update, DefaultContext context) {
        Message message = update.message().orElseThrow();
        log.info("Gender of {}: {}", firstName(message), message.text().orElse(""));
        context.replyText("I see! Please send me a photo of yourself, "
                + "so I know what you look like, or send /skip if you don't want to.", b -> b.replyMarkup(removal()));
        return State.PHOTO;
    }

    private static State photo(Update update, DefaultContext context, Path photoFile) {
        Message message = update.message().orElseThrow();
        // Telegram lists a photo's sizes smallest first: the last is the original.
        PhotoSize largest = message.photo().getLast();
        context.bot().downloadFile(context.bot().getFile(largest.fileId()), photoFile);
        log.info("Photo of {}: {}", firstName(message), photoFile);
        context.replyText("Gorgeous! Now, send me your location please, or send /skip if you don't want to.");
        return State.LOCATION;
    }

    private static State skipPhoto(Update update, DefaultContext context) {
        Message message = update.message().orElseThrow();
        log.info("User {} did not send a photo.", firstName(message));
        context.replyText("I bet you look great! Now, send me your location please, or send /skip.");
        return State.LOCATION;
    }

    private static State location(Update update, DefaultContext context) {
        Message message = update.message().orElseThrow();
        Location where = message.location().orElseThrow();
        log.info("Location of {}: {}", firstName(message),
                String.format(Locale.ROOT, "%f / %f", where.latitude(), where.longitude()));
        context.replyText("Maybe I can visit you sometime! At last, tell me something about yourself.");
        return State.BIO;
    }

    private static State skipLocation(Update update, DefaultContext context) {
        Message message = update.message().orElseThrow();
        log.info("User {} did not send a location.", firstName(message));
        context.replyText("You seem a bit paranoid! At last, tell me something about yourself.");
        return State.BIO;
    }

    private static Object bio(Update update, DefaultContext context) {
        Message message = update.message().orElseThrow();
        log.info("Bio of {}: {}", firstName(message), message.text().orElse(""));
        context.replyText("Thank you! I hope we can talk again some day.");
        return ConversationHandler.END;
    }

    private static Object cancel(Update update, DefaultContext context) {
        Message message = update.message().orElseThrow();
        log.info("User {} canceled the conversation.", firstName(message));
        context.replyText("Bye! I hope we can talk again some day.", b -> b.replyMarkup(removal()));
        return ConversationHandler.END;
    }

    private static KeyboardButton button(String text) {
        return KeyboardButton.builder().text(text).build();
    }

    private static ReplyKeyboardRemove removal() {
        return ReplyKeyboardRemove.builder().removeKeyboard(true).build();
    }

    private static String firstName(Message message) {
        return message.from().map(User::firstName).orElse("");
    }
}
