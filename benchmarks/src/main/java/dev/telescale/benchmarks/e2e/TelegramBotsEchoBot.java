package dev.telescale.benchmarks.e2e;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The TelegramBots 10.2.0 echo bot, as its README writes one: {@code TelegramBotsLongPollingApplication} (OkHttp,
 * getUpdates limit 100, timeout 50 s from {@code DefaultGetUpdatesGenerator}) and an
 * {@code OkHttpTelegramClient(token, TelegramUrl)} pointed at the emulator; echo by
 * {@code client.execute(SendMessage)}.
 *
 * <p>Args: {@code <consumer> <apiBaseUrl> <token> <sleepMs>}. Consumer {@code single}: the library's
 * {@code LongPollingSingleThreadUpdateConsumer} (all updates on one executor thread, in order) — TelegramBots 10
 * offers no multi-threaded consumer (its {@code DefaultLongPollingUpdateConsumer} is a single-thread executor too).
 * Consumer {@code virtual}: a hand-written {@code LongPollingUpdateConsumer} that runs each update on its own
 * virtual thread (what a user adds for concurrency; no ordering).
 */
public final class TelegramBotsEchoBot {

    private TelegramBotsEchoBot() {
    }

    public static void main(String[] args) throws Exception {
        String consumerKind = args[0];
        URI root = URI.create(args[1]);
        String token = args[2];
        long sleepMs = Long.parseLong(args[3]);
        TelegramUrl url = new TelegramUrl(root.getScheme(), root.getHost(), root.getPort(), false);
        TelegramClient client = new OkHttpTelegramClient(token, url);
        LongPollingUpdateConsumer consumer;
        if (consumerKind.equals("virtual")) {
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            consumer = (List<Update> updates) -> {
                for (Update update : updates) {
                    executor.execute(() -> echo(client, update, sleepMs));
                }
            };
        } else {
            consumer = (LongPollingSingleThreadUpdateConsumer) update -> echo(client, update, sleepMs);
        }
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication();
        app.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(), consumer);
        Handlers.parkForever();
    }

    private static void echo(TelegramClient client, Update update, long sleepMs) {
        if (update.hasMessage() && update.getMessage().hasText()) {
            String text = update.getMessage().getText();
            Handlers.simulatedIo(text, sleepMs);
            try {
                client.execute(SendMessage.builder().chatId(update.getMessage().getChatId()).text(text).build());
            } catch (TelegramApiException e) {
                System.err.println("TelegramBots echo failed: " + e);
            }
        }
    }
}
