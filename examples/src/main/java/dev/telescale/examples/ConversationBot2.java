package dev.telescale.examples;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A conversation that collects facts in the user data (PTB's {@code conversationbot2.py}): {@code /start} shows a
 * one-time reply keyboard of categories ("Age", "Favourite colour", "Number of siblings", "Something else...",
 * "Done"); choosing one asks for the value ("Something else..." first asks for a category name), each answer lists
 * everything told so far, and "Done" lists the facts, removes the keyboard, forgets them and ends.
 *
 * <p>Facts are listed one per line as "category - value" in the order they were first told, as the original's
 * Python dict keeps them (the user data is an {@link InsertionOrderedMap}); a category told again keeps its place.
 * {@code text.lower()} is Java's {@code toLowerCase(Locale.ROOT)}. As the original reads {@code update.message}, an
 * edited message that a handler matches fails without a reply and leaves the state as it was.
 */
public final class ConversationBot2 {

    /** The steps of the conversation. */
    enum State { CHOOSING, TYPING_REPLY, TYPING_CHOICE }

    /** User data in maps that keep insertion order, as Python's dict. */
    private static final ContextTypes<DefaultContext> ORDERED_USER_DATA = ContextTypes.of(DefaultContext::new,
            InsertionOrderedMap::new, ConcurrentHashMap::new, ConcurrentHashMap::new);

    private ConversationBot2() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).contextTypes(ORDERED_USER_DATA).build();
        Filter answer = Filters.TEXT.and(Filters.COMMAND.or(Filters.regex("^Done$")).not());
        app.addHandler(ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("start", ConversationBot2::start))
                .state(State.CHOOSING,
                        MessageHandler.returning(Filters.regex("^(Age|Favourite colour|Number of siblings)$"),
                                ConversationBot2::regularChoice),
                        MessageHandler.returning(Filters.regex("^Something else...$"),
                                ConversationBot2::customChoice))
                .state(State.TYPING_CHOICE, MessageHandler.returning(answer, ConversationBot2::regularChoice))
                .state(State.TYPING_REPLY, MessageHandler.returning(answer, ConversationBot2::receivedInformation))
                .fallbacks(MessageHandler.returning(Filters.regex("^Done$"), ConversationBot2::done))
                .build());
        return app;
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

    private static ReplyKeyboardRemove keyboardRemoval() {
        return ReplyKeyboardRemove.builder().removeKeyboard(true).build();
    }

    private static State start(Update update, DefaultContext context) {
        update.message().orElseThrow();
        context.replyText("Hi! My name is Doctor Botter. I will hold a more complex conversation with you. "
                + "Why don't you tell me something about yourself?", b -> b.replyMarkup(categories()));
        return State.CHOOSING;
    }

    private static State regularChoice(Update update, DefaultContext context) {
        String text = update.message().orElseThrow().text().orElseThrow();
        context.userData().put("choice", text);
        context.replyText("Your " + text.toLowerCase(Locale.ROOT) + "? Yes, I would love to hear about that!");
        return State.TYPING_REPLY;
    }

    private static State customChoice(Update update, DefaultContext context) {
        update.message().orElseThrow();
        context.replyText("Alright, please send me the category first, for example \"Most impressive skill\"");
        return State.TYPING_CHOICE;
    }

    private static State receivedInformation(Update update, DefaultContext context) {
        Map<String, Object> userData = context.userData();
        String text = update.message().orElseThrow().text().orElseThrow();
        String category = (String) userData.get("choice");
        userData.put(category, text);
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
                b -> b.replyMarkup(keyboardRemoval()));
        userData.clear();
        return ConversationHandler.END;
    }

    private static KeyboardButton button(String text) {
        return KeyboardButton.builder().text(text).build();
    }
}
