package dev.telescale.examples;

import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.conversation.ConversationHandler;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CommandHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inline-keyboard menu driven by a conversation (PTB's {@code inlinekeyboard2.py}): {@code /start} sends "Start
 * handler, Choose a route" with buttons 1 and 2 (callback data "0" and "1"); each press answers the query and edits
 * the message into the next menu; button 3 (data "2") asks "Do want to start over?", where "Yes, let's do it
 * again!" shows the first menu again and "Nah, I've had enough ..." ends with "See you next time!". {@code /start}
 * during the conversation sends a new first menu. Presses that do not fit the current menu are not answered.
 */
public final class InlineKeyboard2Bot {

    private static final Logger log = LoggerFactory.getLogger(InlineKeyboard2Bot.class);

    /** The two menus: routes, and the question whether to start over. */
    enum Stage { START_ROUTES, END_ROUTES }

    /** The callback data of the buttons: the original's {@code str(ONE)} ... {@code str(FOUR)}. */
    private static final String ONE = "0";
    private static final String TWO = "1";
    private static final String THREE = "2";
    private static final String FOUR = "3";

    private InlineKeyboard2Bot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        CommandHandler<DefaultContext> start = CommandHandler.returning("start", InlineKeyboard2Bot::start);
        app.addHandler(ConversationHandler.<DefaultContext>builder()
                .entryPoints(start)
                .state(Stage.START_ROUTES,
                        route(ONE, "First CallbackQueryHandler, Choose a route", Stage.START_ROUTES,
                                keyboard(button("3", THREE), button("4", FOUR))),
                        route(TWO, "Second CallbackQueryHandler, Choose a route", Stage.START_ROUTES,
                                keyboard(button("1", ONE), button("3", THREE))),
                        route(THREE, "Third CallbackQueryHandler. Do want to start over?", Stage.END_ROUTES,
                                keyboard(button("Yes, let's do it again!", ONE),
                                        button("Nah, I've had enough ...", TWO))),
                        route(FOUR, "Fourth CallbackQueryHandler, Choose a route", Stage.START_ROUTES,
                                keyboard(button("2", TWO), button("3", THREE))))
                .state(Stage.END_ROUTES,
                        route(ONE, "Start handler, Choose a route", Stage.START_ROUTES, firstMenu()),
                        CallbackQueryHandler.<DefaultContext>returning((update, context) -> {
                            context.answer();
                            context.editMessageText("See you next time!");
                            return ConversationHandler.END;
                        }).pattern("^" + TWO + "$"))
                .fallbacks(start)
                .build());
        return app;
    }

    private static Stage start(Update update, DefaultContext context) {
        Message message = update.message().orElseThrow();
        log.info("User {} started the conversation.", message.from().map(User::firstName).orElse(""));
        context.replyText("Start handler, Choose a route", b -> b.replyMarkup(firstMenu()));
        return Stage.START_ROUTES;
    }

    /** A press of the button with {@code data}: answered, and the message edited into the next menu. */
    private static CallbackQueryHandler<DefaultContext> route(String data, String text, Stage next,
                                                              InlineKeyboardMarkup menu) {
        return CallbackQueryHandler.<DefaultContext>returning((update, context) -> {
            // Every callback query must be answered, even without a notification: some clients wait for it.
            context.answer();
            context.editMessageText(text, b -> b.replyMarkup(menu));
            return next;
        }).pattern("^" + data + "$");
    }

    private static InlineKeyboardMarkup firstMenu() {
        return keyboard(button("1", ONE), button("2", TWO));
    }

    private static InlineKeyboardMarkup keyboard(InlineKeyboardButton... row) {
        return InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(row))).build();
    }

    private static InlineKeyboardButton button(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }
}
