package dev.telescale.examples;

import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.conversation.ConversationHandler;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.Handler;
import dev.telescale.core.handler.HandlerFunction;
import dev.telescale.core.handler.MessageHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Three conversations nested in each other (PTB's {@code nestedconversationbot.py}), gathering facts about the user's
 * family with inline menus: the top level offers "Add family member", "Add yourself", "Show data" and "Done"; adding a
 * member is a second-level conversation (parent or child, then father/mother or brother/sister); describing a person
 * is a third-level one (Name, Age, Done) used by both. {@code /stop} ends everything from any level ("Okay, bye.").
 *
 * <p>The callback data are the original's, control characters included: its states and constants are
 * {@code chr(0)}...{@code chr(21)} and the buttons carry {@code str(...)} of them ("\u0001" for "Add family member",
 * "\t" for "Show data", "\n" for "Add parent", "\u000e" for a male person...), and "Done"/"Back" carry
 * {@code str(ConversationHandler.END)}, "-1". The conversation states are enums here; user data keys are names.
 *
 * <p>Behaviours of the original kept on purpose: after "Show data" the user data says "starting over", so
 * {@code /stop} there followed by {@code /start} fails in {@code start} (it answers a callback query the command does
 * not have) and the bot stays silent to {@code /start} from then on; {@code /start} while a conversation runs is
 * ignored except after a {@code /stop} inside "Add yourself", which leaves the top level waiting for {@code /start}.
 */
public final class NestedConversationBot {

    /** The states of the three levels, and the meta states returned to parents. */
    enum State {
        SELECTING_ACTION, DESCRIBING_SELF,
        SELECTING_LEVEL, SELECTING_GENDER,
        SELECTING_FEATURE, TYPING,
        STOPPING, SHOWING
    }

    // The callback data: the original's str(chr(n)) and str(ConversationHandler.END).
    private static final String ADDING_MEMBER = "\u0001";
    private static final String ADDING_SELF = "\u0002";
    private static final String SHOWING = "\t";
    private static final String END = "-1";
    private static final String PARENTS = "\n";
    private static final String CHILDREN = "\u000b";
    private static final String SELF = "\u000c";
    private static final String MALE = "\u000e";
    private static final String FEMALE = "\u000f";
    private static final String AGE = "\u0010";
    private static final String NAME = "\u0011";

    // User data keys.
    private static final String START_OVER = "start over";
    private static final String FEATURES = "features";
    private static final String CURRENT_FEATURE = "current feature";
    private static final String CURRENT_LEVEL = "current level";
    /** The person's key for the gender button pressed (the original's GENDER, chr(13)). */
    private static final String GENDER = "\r";

    private NestedConversationBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();

        ConversationHandler<DefaultContext> description = ConversationHandler.<DefaultContext>builder()
                .entryPoints(button("^" + MALE + "$|^" + FEMALE + "$", NestedConversationBot::selectFeature))
                .state(State.SELECTING_FEATURE, button("^(?!" + END + ").*$", NestedConversationBot::askForInput))
                .state(State.TYPING, MessageHandler.returning(Filters.TEXT.and(Filters.COMMAND.not()),
                        NestedConversationBot::saveInput))
                .fallbacks(button("^" + END + "$", NestedConversationBot::endDescribing),
                        CommandHandler.returning("stop", NestedConversationBot::stopNested))
                .mapToParent(ConversationHandler.END, State.SELECTING_LEVEL)
                .mapToParent(State.STOPPING, State.STOPPING)
                .build();

        ConversationHandler<DefaultContext> addMember = ConversationHandler.<DefaultContext>builder()
                .entryPoints(button("^" + ADDING_MEMBER + "$", NestedConversationBot::selectLevel))
                .state(State.SELECTING_LEVEL,
                        button("^" + PARENTS + "$|^" + CHILDREN + "$", NestedConversationBot::selectGender))
                .state(State.SELECTING_GENDER, description)
                .fallbacks(button("^" + SHOWING + "$", NestedConversationBot::showData),
                        button("^" + END + "$", NestedConversationBot::endSecondLevel),
                        CommandHandler.returning("stop", NestedConversationBot::stopNested))
                .mapToParent(State.SHOWING, State.SHOWING)
                .mapToParent(ConversationHandler.END, State.SELECTING_ACTION)
                .mapToParent(State.STOPPING, ConversationHandler.END)
                .build();

        // The second level's states map to the top level's, so those must handle the same selections.
        List<Handler<? super DefaultContext>> selection = List.of(
                addMember,
                button("^" + SHOWING + "$", NestedConversationBot::showData),
                button("^" + ADDING_SELF + "$", NestedConversationBot::addingSelf),
                button("^" + END + "$", NestedConversationBot::end));
        app.addHandler(ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("start", NestedConversationBot::start))
                .state(State.SHOWING, button("^" + END + "$", NestedConversationBot::start))
                .state(State.SELECTING_ACTION, selection)
                .state(State.SELECTING_LEVEL, selection)
                .state(State.DESCRIBING_SELF, description)
                .state(State.STOPPING, CommandHandler.returning("start", NestedConversationBot::start))
                .fallbacks(CommandHandler.returning("stop", NestedConversationBot::stop))
                .build());
        return app;
    }

    // ------------------------------------------------------------------------------------------------ top level

    /** The main menu: sent with a greeting, or edited into the pressed message when starting over. */
    private static State start(Update update, DefaultContext context) {
        String text = "You may choose to add a family member, yourself, show the gathered data, or end the "
                + "conversation. To abort, simply type /stop.";
        InlineKeyboardMarkup keyboard = keyboard(
                List.of(data("Add family member", ADDING_MEMBER), data("Add yourself", ADDING_SELF)),
                List.of(data("Show data", SHOWING), data("Done", END)));
        if (Boolean.TRUE.equals(context.userData().get(START_OVER))) {
            context.answer();
            context.editMessageText(text, b -> b.replyMarkup(keyboard));
        } else {
            update.message().orElseThrow();
            context.replyText("Hi, I'm Family Bot and I'm here to help you gather information about your family.");
            context.replyText(text, b -> b.replyMarkup(keyboard));
        }
        context.userData().put(START_OVER, false);
        return State.SELECTING_ACTION;
    }

    private static State addingSelf(Update update, DefaultContext context) {
        context.userData().put(CURRENT_LEVEL, SELF);
        context.answer();
        context.editMessageText("Okay, please tell me about yourself.",
                b -> b.replyMarkup(keyboard(List.of(data("Add info", MALE)))));
        return State.DESCRIBING_SELF;
    }

    private static State showData(Update update, DefaultContext context) {
        Map<String, Object> userData = context.userData();
        String text = "Yourself:" + prettyPrint(userData, SELF)
                + "\n\nParents:" + prettyPrint(userData, PARENTS)
                + "\n\nChildren:" + prettyPrint(userData, CHILDREN);
        context.answer();
        context.editMessageText(text, b -> b.replyMarkup(keyboard(List.of(data("Back", END)))));
        userData.put(START_OVER, true);
        return State.SHOWING;
    }

    @SuppressWarnings("unchecked") // the people of a level are only ever put as lists of person maps
    private static String prettyPrint(Map<String, Object> userData, String level) {
        List<Map<String, String>> people = (List<Map<String, String>>) userData.get(level);
        if (people == null || people.isEmpty()) {
            return "\nNo information yet.";
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, String> person : people) {
            String details = "Name: " + person.getOrDefault(NAME, "-") + ", Age: " + person.getOrDefault(AGE, "-");
            if (level.equals(SELF)) {
                text.append('\n').append(details);
            } else {
                String[] names = namesOf(level);
                text.append('\n').append(FEMALE.equals(person.get(GENDER)) ? names[1] : names[0]).append(": ")
                        .append(details);
            }
        }
        return text.toString();
    }

    private static Object stop(Update update, DefaultContext context) {
        update.message().orElseThrow();
        context.replyText("Okay, bye.");
        return ConversationHandler.END;
    }

    private static Object end(Update update, DefaultContext context) {
        context.answer();
        context.editMessageText("See you around!");
        return ConversationHandler.END;
    }

    // --------------------------------------------------------------------------------------------- second level

    private static State selectLevel(Update update, DefaultContext context) {
        InlineKeyboardMarkup keyboard = keyboard(
                List.of(data("Add parent", PARENTS), data("Add child", CHILDREN)),
                List.of(data("Show data", SHOWING), data("Back", END)));
        context.answer();
        context.editMessageText("You may add a parent or a child. Also you can show the gathered data or go back.",
                b -> b.replyMarkup(keyboard));
        return State.SELECTING_LEVEL;
    }

    private static State selectGender(Update update, DefaultContext context) {
        String level = update.callbackQuery().orElseThrow().data().orElseThrow();
        context.userData().put(CURRENT_LEVEL, level);
        String[] names = namesOf(level);
        InlineKeyboardMarkup keyboard = keyboard(
                List.of(data("Add " + names[0], MALE), data("Add " + names[1], FEMALE)),
                List.of(data("Show data", SHOWING), data("Back", END)));
        context.answer();
        context.editMessageText("Please choose, whom to add.", b -> b.replyMarkup(keyboard));
        return State.SELECTING_GENDER;
    }

    private static Object endSecondLevel(Update update, DefaultContext context) {
        context.userData().put(START_OVER, true);
        start(update, context);
        return ConversationHandler.END;
    }

    // ---------------------------------------------------------------------------------------------- third level

    private static State selectFeature(Update update, DefaultContext context) {
        InlineKeyboardMarkup keyboard = keyboard(List.of(data("Name", NAME), data("Age", AGE), data("Done", END)));
        Map<String, Object> userData = context.userData();
        if (!Boolean.TRUE.equals(userData.get(START_OVER))) {
            // A new person: forget the previous one's features and keep the gender button pressed.
            Map<String, String> features = new LinkedHashMap<>();
            features.put(GENDER, update.callbackQuery().orElseThrow().data().orElseThrow());
            userData.put(FEATURES, features);
            context.answer();
            context.editMessageText("Please select a feature to update.", b -> b.replyMarkup(keyboard));
        } else {
            update.message().orElseThrow();
            context.replyText("Got it! Please select a feature to update.", b -> b.replyMarkup(keyboard));
        }
        userData.put(START_OVER, false);
        return State.SELECTING_FEATURE;
    }

    private static State askForInput(Update update, DefaultContext context) {
        context.userData().put(CURRENT_FEATURE, update.callbackQuery().orElseThrow().data().orElseThrow());
        context.answer();
        context.editMessageText("Okay, tell me.");
        return State.TYPING;
    }

    @SuppressWarnings("unchecked") // FEATURES is only ever put as a map of strings
    private static State saveInput(Update update, DefaultContext context) {
        Map<String, Object> userData = context.userData();
        String text = update.message().orElseThrow().text().orElseThrow();
        ((Map<String, String>) userData.get(FEATURES)).put((String) userData.get(CURRENT_FEATURE), text);
        userData.put(START_OVER, true);
        return selectFeature(update, context);
    }

    @SuppressWarnings("unchecked") // the people of a level are only ever put as lists of person maps
    private static Object endDescribing(Update update, DefaultContext context) {
        Map<String, Object> userData = context.userData();
        String level = (String) userData.get(CURRENT_LEVEL);
        List<Map<String, String>> people = (List<Map<String, String>>) userData.computeIfAbsent(level,
                l -> new ArrayList<Map<String, String>>());
        people.add((Map<String, String>) userData.get(FEATURES));
        if (level.equals(SELF)) {
            userData.put(START_OVER, true);
            start(update, context);
        } else {
            selectLevel(update, context);
        }
        return ConversationHandler.END;
    }

    private static State stopNested(Update update, DefaultContext context) {
        update.message().orElseThrow();
        context.replyText("Okay, bye.");
        return State.STOPPING;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** The male and female names of a level: parents, or (any other level) children. */
    private static String[] namesOf(String level) {
        return level.equals(PARENTS) ? new String[] {"Father", "Mother"} : new String[] {"Brother", "Sister"};
    }

    private static CallbackQueryHandler<DefaultContext> button(String pattern,
                                                               HandlerFunction<Update, DefaultContext> callback) {
        return CallbackQueryHandler.returning(callback).pattern(pattern);
    }

    private static InlineKeyboardButton data(String text, String callbackData) {
        return InlineKeyboardButton.builder().text(text).callbackData(callbackData).build();
    }

    @SafeVarargs
    private static InlineKeyboardMarkup keyboard(List<InlineKeyboardButton>... rows) {
        return InlineKeyboardMarkup.builder().inlineKeyboard(List.of(rows)).build();
    }
}
