package dev.telescale.examples;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.telescale.api.types.KeyboardButton;
import dev.telescale.api.types.ReplyKeyboardMarkup;
import dev.telescale.api.types.ReplyKeyboardRemove;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.ContextTypes;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.conversation.ConversationHandler;
import dev.telescale.core.filter.Filter;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.persistence.DataCodec;
import dev.telescale.core.persistence.JsonFilePersistence;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@link ConversationBot2}'s conversation, remembered across restarts (PTB's {@code persistentconversationbot.py}): the
 * conversation (named "my_conversation") and the user data are stored in a JSON file, so a restarted bot continues
 * where the user was and still knows the facts. {@code /start} says what it already knows, choosing a known category
 * shows its value, values are stored in lower case, "Done" ends without forgetting, and {@code /show_data} lists the
 * facts at any time.
 *
 * <p>The original uses a {@code PicklePersistence} in the file "conversationbot"; this one uses a
 * {@link JsonFilePersistence} in the file named by the environment variable {@code PERSISTENCE_FILE}, by default
 * {@code conversationbot.json} in the working directory. Facts are listed in the order they were first told, as the
 * original's dict keeps them (the user data is an {@link InsertionOrderedMap}, and the file keeps that order); a
 * choice the user has not answered yet is in the user data too and is listed last, as "choice - ...", as in the
 * original. Known categories are joined with ", " as Python's {@code ', '.join}. As the original reads
 * {@code update.message}, an edited message that a handler matches fails without a reply.
 */
public final class PersistentConversationBot {

    /** The steps of the conversation (stored by name). */
    enum State { CHOOSING, TYPING_REPLY, TYPING_CHOICE }

    private PersistentConversationBot() {
    }

    public static void main(String[] args) {
        String file = Environment.optional("PERSISTENCE_FILE");
        build(Environment.botToken(), Environment.apiBaseUrl(), Path.of(file == null ? "conversationbot.json" : file))
                .runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers, storing its state in {@code file}. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl, Path file) {
        TypeReference<Map<String, Object>> map = new TypeReference<>() { };
        // Read maps as Jackson's LinkedHashMap, so the user data keeps the file's (insertion) order when it is
        // copied into the InsertionOrderedMap of the context types.
        JsonFilePersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> persistence =
                JsonFilePersistence.builder(file, DataCodec.of(map, map, map)).build();
        ContextTypes<DefaultContext> types = ContextTypes.of(DefaultContext::new,
                InsertionOrderedMap::new, ConcurrentHashMap::new, ConcurrentHashMap::new);
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).contextTypes(types, persistence)
                .build();
        Filter answer = Filters.TEXT.and(Filters.COMMAND.or(Filters.regex("^Done$")).not());
        app.addHandler(ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("start", PersistentConversationBot::start))
                .state(State.CHOOSING,
                        MessageHandler.returning(Filters.regex("^(Age|Favourite colour|Number of siblings)$"),
                                PersistentConversationBot::regularChoice),
                        MessageHandler.returning(Filters.regex("^Something else...$"),
                                PersistentConversationBot::customChoice))
                .state(State.TYPING_CHOICE, MessageHandler.returning(answer, PersistentConversationBot::regularChoice))
                .state(State.TYPING_REPLY,
                        MessageHandler.returning(answer, PersistentConversationBot::receivedInformation))
                .fallbacks(MessageHandler.returning(Filters.regex("^Done$"), PersistentConversationBot::done))
                .name("my_conversation")
                .persistent(true)
                .build());
        app.addHandler(new CommandHandler<>("show_data", (update, context) -> {
            update.message().orElseThrow();
            context.replyText("This is what you already told me: " + factsToString(context.userData()));
        }));
        return app;
    }

    private static State start(Update update, DefaultContext context) {
        update.message().orElseThrow();
        Map<String, Object> userData = context.userData();
        String text = "Hi! My name is Doctor Botter.";
        if (userData.isEmpty()) {
            text += " I will hold a more complex conversation with you. Why don't you tell me something about yourself?";
        } else {
            text += " You already told me your " + String.join(", ", userData.keySet()) + ". Why don't you tell me "
                    + "something more about yourself? Or change anything I already know.";
        }
        context.replyText(text, b -> b.replyMarkup(categories()));
        return State.CHOOSING;
    }

    private static State regularChoice(Update update, DefaultContext context) {
        String text = update.message().orElseThrow().text().orElseThrow().toLowerCase(Locale.ROOT);
        Map<String, Object> userData = context.userData();
        userData.put("choice", text);
        Object known = userData.get(text);
        context.replyText(known == null
                ? "Your " + text + "? Yes, I would love to hear about that!"
                : "Your " + text + "? I already know the following about that: " + known);
        return State.TYPING_REPLY;
    }

    private static State customChoice(Update update, DefaultContext context) {
        update.message().orElseThrow();
        context.replyText("Alright, please send me the category first, for example \"Most impressive skill\"");
        return State.TYPING_CHOICE;
    }

    private static State receivedInformation(Update update, DefaultContext context) {
        String text = update.message().orElseThrow().text().orElseThrow();
        Map<String, Object> userData = context.userData();
        String category = (String) userData.get("choice");
        userData.put(category, text.toLowerCase(Locale.ROOT));
        userData.remove("choice");
        context.replyText("Neat! Just so you know, this is what you already told me:" + factsToString(userData)
                + "You can tell me more, or change your opinion on something.", b -> b.replyMarkup(categories()));
        return State.CHOOSING;
    }

    private static Object done(Update update, DefaultContext context) {
        update.message().orElseThrow();
        Map<String, Object> userData = context.userData();
        userData.remove("choice");
        context.replyText("I learned these facts about you: " + factsToString(userData) + "Until next time!",
                b -> b.replyMarkup(ReplyKeyboardRemove.builder().removeKeyboard(true).build()));
        return ConversationHandler.END;
    }

    /** The categories keyboard, shown once (it hides after a press). */
    private static ReplyKeyboardMarkup categories() {
        return ReplyKeyboardMarkup.builder()
                .keyboard(List.of(
                        List.of(button("Age"), button("Favourite colour")),
                        List.of(button("Number of siblings"), button("Something else...")),
                        List.of(button("Done"))))
                .oneTimeKeyboard(true)
                .build();
    }

    /** The facts one per line, with a line break before and after (PTB's {@code facts_to_str}). */
    private static String factsToString(Map<String, Object> userData) {
        return userData.entrySet().stream()
                .map(fact -> fact.getKey() + " - " + fact.getValue())
                .collect(Collectors.joining("\n", "\n", "\n"));
    }

    private static KeyboardButton button(String text) {
        return KeyboardButton.builder().text(text).build();
    }
}
