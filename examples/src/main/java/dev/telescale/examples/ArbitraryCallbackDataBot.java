package dev.telescale.examples;

import dev.telescale.api.types.CallbackQuery;
import dev.telescale.api.types.InlineKeyboardButton;
import dev.telescale.api.types.InlineKeyboardMarkup;
import dev.telescale.bot.callbackdata.CallbackData;
import dev.telescale.bot.callbackdata.InvalidCallbackData;
import dev.telescale.core.Application;
import dev.telescale.core.ContextTypes;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.persistence.JsonFilePersistence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Arbitrary callback data (PTB's {@code arbitrarycallbackdatabot.py}): the buttons carry Java objects instead of
 * strings. {@code /start} sends "Please choose:" with buttons 1 to 5, one per row, each carrying a {@link Choice} (its
 * number and the numbers chosen so far); a press edits the message to "So far you've selected [3, 1]. Choose the
 * next item:" with new buttons and drops the old keyboard's data. {@code /clear} empties the bot's callback data
 * cache ("All clear!"), after which a press on an old keyboard gets "Sorry, I could not process this button click 😕
 * Please send /start to get a new keyboard." ({@link InvalidCallbackData}). {@code /help} explains.
 *
 * <p>The chosen numbers print as a Java {@code List} ({@code [3, 1]}), which reads as the original's Python list. The
 * original's button data is a tuple {@code (number, list)} whose list it appends to in place; here it is an
 * immutable record and the new keyboard gets a new list, which shows the same (the old keyboard is dropped). Like
 * the original, the application has a persistence — a {@link JsonFilePersistence} in the file named by
 * {@code PERSISTENCE_FILE}, by default {@code arbitrarycallbackdatabot.json} — which stores the callback data cache
 * too, so buttons keep working after a restart.
 */
public final class ArbitraryCallbackDataBot {

    /**
     * What a number button carries.
     *
     * @param number   the button's number
     * @param selected the numbers chosen before on this message
     */
    public record Choice(int number, List<Integer> selected) {

        /** Copies the list. */
        public Choice {
            selected = List.copyOf(selected);
        }
    }

    private ArbitraryCallbackDataBot() {
    }

    public static void main(String[] args) {
        String file = Environment.optional("PERSISTENCE_FILE");
        build(Environment.botToken(), Environment.apiBaseUrl(),
                Path.of(file == null ? "arbitrarycallbackdatabot.json" : file)).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers, storing its data in {@code file}. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl, Path file) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl)
                .botOptions(bot -> bot.arbitraryCallbackData(true))
                .contextTypes(ContextTypes.defaults(), JsonFilePersistence.builder(file).build())
                .build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> {
            update.message().orElseThrow();
            context.replyText("Please choose:", b -> b.replyMarkup(keyboard(List.of())));
        }));
        app.addHandler(new CommandHandler<>("help", (update, context) -> {
            update.message().orElseThrow();
            context.replyText("Use /start to test this bot. Use /clear to clear the stored data so that you can see "
                    + "what happens, if the button data is not available. ");
        }));
        app.addHandler(new CommandHandler<>("clear", (update, context) -> {
            context.bot().clearCallbackData();
            context.bot().clearCallbackQueries();
            context.replyText("All clear!");
        }));
        app.addHandler(new CallbackQueryHandler<DefaultContext>((update, context) -> {
            context.answer();
            context.editMessageText("Sorry, I could not process this button click 😕 Please send /start to get a new "
                    + "keyboard.");
        }).pattern(InvalidCallbackData.class));
        app.addHandler(new CallbackQueryHandler<>((update, context) -> {
            CallbackQuery query = update.callbackQuery().orElseThrow();
            context.answer();
            Choice choice = (Choice) context.callbackData().orElseThrow();
            List<Integer> selected = new ArrayList<>(choice.selected());
            selected.add(choice.number());
            context.editMessageText("So far you've selected " + selected + ". Choose the next item:",
                    b -> b.replyMarkup(keyboard(selected)));
            // The message shows new buttons now: the old keyboard's data is no longer needed.
            context.bot().dropCallbackData(query);
        }));
        return app;
    }

    /** Buttons 1 to 5 in a column, each carrying its number and the numbers selected so far. */
    private static InlineKeyboardMarkup keyboard(List<Integer> selected) {
        List<List<InlineKeyboardButton>> rows = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> List.of(CallbackData.button(Integer.toString(i), new Choice(i, selected))))
                .toList();
        return InlineKeyboardMarkup.builder().inlineKeyboard(rows).build();
    }
}
