package dev.telescale.benchmarks;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import com.pengrad.telegrambot.response.SendResponse;
import dev.telescale.api.ChatId;
import dev.telescale.bot.Bot;
import dev.telescale.bot.transport.JdkHttpTransport;
import dev.telescale.bot.transport.SocketTransport;
import dev.telescale.bot.transport.Transport;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * One bot round against the Bot API emulator over real HTTP on loopback, through each library's own client: one
 * {@code getUpdates(offset, limit=1, timeout=5)} that returns the next user message, then one
 * {@code sendMessage(chat id of that message, "Echo: " + its text)}; the next op confirms the update through the
 * offset, as a long-polling bot does.
 *
 * <p>The emulator ({@link EmulatorProcess}) runs in a child JVM started in the trial setup, with one bot and one user
 * who keeps a backlog of text messages queued, so every getUpdates finds one update at once and no library pays for
 * producing it. ns/op is the latency of the two calls including the emulator's work; B/op counts the client side
 * only (the benchmark JVM's allocations). {@code controlRawSocket} ({@link RawHttpControl}) makes the same two calls
 * with fixed bytes on a raw socket: the floor under every client. The emulator JVM warms up along with the client,
 * hence the longer warmup of this class.
 *
 * <p>Telescale runs twice, once per transport in {@code dev.telescale.bot.transport}: {@link SocketTransport} (the
 * built-in default, a raw-socket HTTP/1.1 client) and {@link JdkHttpTransport} ({@code java.net.http.HttpClient}).
 * TelegramBots uses {@code OkHttpTelegramClient} with its default {@code OkHttpClient}, pengrad its
 * {@code TelegramBot} built with its defaults and the emulator's base URL.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoundTripBenchmark {

    static final int POLL_TIMEOUT_SECONDS = 5;
    static final String ECHO = "Echo: ";

    /** A Telescale {@link Bot} on one transport. */
    public abstract static class TelescaleClient {
        RemoteEmulator emulator;
        Transport transport;
        Bot bot;
        long offset;

        abstract Transport transport();

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            emulator = RemoteEmulator.start();
            transport = transport();
            // The Bot takes the server root, like https://api.telegram.org, and appends "/bot<token>/<method>".
            bot = Bot.builder().token(emulator.token()).apiBaseUrl(emulator.root()).transport(transport).build();
            Checks.same("Telescale echo", ECHO + EmulatorProcess.MESSAGE_TEXT, round(this).text().orElseThrow());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            bot.shutdown();
            transport.close();
            emulator.close();
        }
    }

    /** Telescale over its default transport. */
    @State(Scope.Benchmark)
    public static class TelescaleSocket extends TelescaleClient {
        @Override
        Transport transport() {
            return SocketTransport.create();
        }
    }

    /** Telescale over {@code java.net.http.HttpClient}. */
    @State(Scope.Benchmark)
    public static class TelescaleJdkHttp extends TelescaleClient {
        @Override
        Transport transport() {
            return JdkHttpTransport.create();
        }
    }

    /** TelegramBots' OkHttp client with its defaults, pointed at the emulator. */
    @State(Scope.Benchmark)
    public static class TelegramBotsClient {
        RemoteEmulator emulator;
        OkHttpClient http;
        OkHttpTelegramClient client;
        int offset;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException, TelegramApiException {
            emulator = RemoteEmulator.start();
            http = new OkHttpClient();
            client = new OkHttpTelegramClient(http, emulator.token(),
                    new TelegramUrl("http", emulator.host(), emulator.port(), false));
            Checks.same("TelegramBots echo", ECHO + EmulatorProcess.MESSAGE_TEXT, round(this).getText());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            emulator.close();
        }
    }

    /** pengrad's TelegramBot with its defaults, pointed at the emulator. */
    @State(Scope.Benchmark)
    public static class PengradClient {
        RemoteEmulator emulator;
        TelegramBot bot;
        long offset;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            emulator = RemoteEmulator.start();
            bot = new TelegramBot.Builder(emulator.token()).apiUrl(emulator.root() + "/bot").build();
            Checks.same("pengrad echo", ECHO + EmulatorProcess.MESSAGE_TEXT, round(this).text());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            bot.shutdown();
            emulator.close();
        }
    }

    /** The raw-socket control: the floor set by the emulator, the kernel and loopback TCP. */
    @State(Scope.Benchmark)
    public static class Control {
        RemoteEmulator emulator;
        RawHttpControl client;

        @Setup(Level.Trial)
        public void setUp() throws IOException, InterruptedException {
            emulator = RemoteEmulator.start();
            client = new RawHttpControl(emulator.host(), emulator.port(), emulator.token());
            client.round(emulator.chatId(), ECHO + EmulatorProcess.MESSAGE_TEXT);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            client.close();
            emulator.close();
        }
    }

    @Benchmark
    public int controlRawSocket(Control s) throws IOException {
        return s.client.round(s.emulator.chatId(), ECHO + EmulatorProcess.MESSAGE_TEXT);
    }

    @Benchmark
    public dev.telescale.api.types.Message telescaleSocket(TelescaleSocket s) {
        return round(s);
    }

    @Benchmark
    public dev.telescale.api.types.Message telescaleJdkHttp(TelescaleJdkHttp s) {
        return round(s);
    }

    @Benchmark
    public org.telegram.telegrambots.meta.api.objects.message.Message telegramBots(TelegramBotsClient s)
            throws TelegramApiException {
        return round(s);
    }

    @Benchmark
    public com.pengrad.telegrambot.model.Message pengrad(PengradClient s) {
        return round(s);
    }

    static dev.telescale.api.types.Message round(TelescaleClient s) {
        while (true) {
            long offset = s.offset;
            List<dev.telescale.api.types.Update> updates = s.bot.getUpdates(b -> b.offset(offset).limit(1)
                    .timeout(POLL_TIMEOUT_SECONDS));
            if (updates.isEmpty()) {
                continue;
            }
            dev.telescale.api.types.Update update = updates.get(0);
            s.offset = update.updateId() + 1;
            dev.telescale.api.types.Message message = update.message().orElseThrow();
            return s.bot.sendMessage(ChatId.of(message.chat().id()), ECHO + message.text().orElse(""));
        }
    }

    static org.telegram.telegrambots.meta.api.objects.message.Message round(TelegramBotsClient s)
            throws TelegramApiException {
        while (true) {
            List<org.telegram.telegrambots.meta.api.objects.Update> updates = s.client.execute(
                    org.telegram.telegrambots.meta.api.methods.updates.GetUpdates.builder()
                            .offset(s.offset).limit(1).timeout(POLL_TIMEOUT_SECONDS).build());
            if (updates.isEmpty()) {
                continue;
            }
            org.telegram.telegrambots.meta.api.objects.Update update = updates.get(0);
            s.offset = update.getUpdateId() + 1;
            org.telegram.telegrambots.meta.api.objects.message.Message message = update.getMessage();
            return s.client.execute(org.telegram.telegrambots.meta.api.methods.send.SendMessage.builder()
                    .chatId(message.getChatId()).text(ECHO + message.getText()).build());
        }
    }

    static com.pengrad.telegrambot.model.Message round(PengradClient s) {
        while (true) {
            GetUpdatesResponse response = s.bot.execute(new com.pengrad.telegrambot.request.GetUpdates()
                    .offset((int) s.offset).limit(1).timeout(POLL_TIMEOUT_SECONDS));
            if (!response.isOk()) {
                throw new IllegalStateException("pengrad getUpdates failed: " + response.description());
            }
            List<com.pengrad.telegrambot.model.Update> updates = response.updates();
            if (updates.isEmpty()) {
                continue;
            }
            com.pengrad.telegrambot.model.Update update = updates.get(0);
            s.offset = update.updateId() + 1L;
            com.pengrad.telegrambot.model.Message message = update.message();
            SendResponse sent = s.bot.execute(new com.pengrad.telegrambot.request.SendMessage(message.chat().id().longValue(),
                    ECHO + message.text()));
            if (!sent.isOk()) {
                throw new IllegalStateException("pengrad sendMessage failed: " + sent.description());
            }
            return sent.message();
        }
    }
}
