package dev.telescale.benchmarks.e2e;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.UpdatesListener;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendMessage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The pengrad 10.1.0 echo bot, as its README writes one: {@code new TelegramBot.Builder(token).apiUrl(root +
 * "/bot").build()}, {@code setUpdatesListener} (its SleepUpdatesHandler: the listener is called with each batch
 * on OkHttp's callback thread, the next getUpdates goes out after it returns), echo by the synchronous
 * {@code bot.execute(new SendMessage(chatId, text))}, {@code CONFIRMED_UPDATES_ALL}. getUpdates limit 100 and
 * timeout 10 s (long polling like the other bots; pengrad's default request has timeout 0, i.e. short polling).
 *
 * <p>Args: {@code <listener> <apiBaseUrl> <token> <sleepMs>}. Listener {@code single}: updates handled one after
 * the other in the listener (out of the box). Listener {@code virtual}: a hand-written listener that runs each
 * update on its own virtual thread and confirms the batch at once (no ordering).
 */
public final class PengradEchoBot {

    private PengradEchoBot() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        long sleepMs = Long.parseLong(args[3]);
        TelegramBot bot = new TelegramBot.Builder(args[2]).apiUrl(args[1] + "/bot").build();
        GetUpdates request = new GetUpdates().limit(100).timeout(10);
        if (kind.equals("virtual")) {
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            bot.setUpdatesListener(updates -> {
                for (Update update : updates) {
                    executor.execute(() -> echo(bot, update, sleepMs));
                }
                return UpdatesListener.CONFIRMED_UPDATES_ALL;
            }, request);
        } else {
            bot.setUpdatesListener(updates -> {
                for (Update update : updates) {
                    echo(bot, update, sleepMs);
                }
                return UpdatesListener.CONFIRMED_UPDATES_ALL;
            }, request);
        }
        Handlers.parkForever();
    }

    private static void echo(TelegramBot bot, Update update, long sleepMs) {
        if (update.message() != null && update.message().text() != null) {
            String text = update.message().text();
            Handlers.simulatedIo(text, sleepMs);
            bot.execute(new SendMessage(update.message().chat().id(), text));
        }
    }
}
