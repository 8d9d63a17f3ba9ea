package dev.telescale.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pengrad.telegrambot.impl.TelegramBotClient;
import com.pengrad.telegrambot.request.BaseRequest;
import com.pengrad.telegrambot.utility.BotUtils;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.ChatId;
import dev.telescale.api.json.ParameterDefaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Building a sendMessage request (chat id, text, an inline keyboard with one callback button) and encoding it into the
 * HTTP body its client sends, through each client's own encoding code.
 *
 * <ul>
 *   <li>Telescale: the Bot's request encoder itself ({@code dev.telescale.bot.RequestEncoder.encode}, package-private,
 *       reached through a method handle): an {@code ApiWriter} over a Jackson {@code JsonGenerator} into a buffer
 *       that goes to the socket as is.</li>
 *   <li>TelegramBots 10.2: what {@code OkHttpTelegramClient.executeAsync(BotApiMethod)} does before building the
 *       HTTP request, reproduced line for line (it is inline in that method): {@code method.validate()},
 *       {@code objectMapper.writeValueAsString(method)} on its default {@code new ObjectMapper()},
 *       {@code RequestBody.create(json, MediaType.parse("application/json"))}.</li>
 *   <li>pengrad 10.1: {@code TelegramBotClient.createRequestBody(request)} itself (private, reached through a method
 *       handle): a form body whose object-valued parameters are Gson JSON; the body is then written out to bytes,
 *       since an OkHttp {@code FormBody} only holds encoded strings until it is written.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SerializeSendMessageBenchmark {

    private static final MethodHandle TELESCALE_ENCODE;
    private static final MethodHandle PENGRAD_CREATE_REQUEST_BODY;

    static {
        try {
            Class<?> encoder = Class.forName("dev.telescale.bot.RequestEncoder");
            Class<?> encoded = Class.forName("dev.telescale.bot.RequestEncoder$Encoded");
            MethodHandle encode = MethodHandles.privateLookupIn(encoder, MethodHandles.lookup()).findStatic(encoder,
                    "encode", MethodType.methodType(encoded, ApiMethod.class, ParameterDefaults.class));
            MethodHandle body = MethodHandles.privateLookupIn(encoded, MethodHandles.lookup()).findVirtual(encoded,
                    "body", MethodType.methodType(dev.telescale.bot.transport.RequestBody.class));
            TELESCALE_ENCODE = MethodHandles.filterReturnValue(encode, body);
            PENGRAD_CREATE_REQUEST_BODY = MethodHandles.privateLookupIn(TelegramBotClient.class,
                    MethodHandles.lookup()).findVirtual(TelegramBotClient.class, "createRequestBody",
                    MethodType.methodType(okhttp3.RequestBody.class, BaseRequest.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(new IllegalStateException(
                    "A client's request encoding is no longer where this benchmark expects it", e));
        }
    }

    private ObjectMapper telegramBotsMapper;
    private OkHttpClient pengradHttp;
    private TelegramBotClient pengradClient;

    @Setup
    public void setUp() throws Throwable {
        telegramBotsMapper = new ObjectMapper();
        pengradHttp = new OkHttpClient();
        pengradClient = new TelegramBotClient(pengradHttp, BotUtils.GSON, "http://127.0.0.1:9/bot");
        Checks.sendMessageBody("Telescale", bytes(telescale()), false);
        Checks.sendMessageBody("TelegramBots", bytes(telegramBots()), false);
        Checks.sendMessageBody("pengrad", pengrad(), true);
    }

    @TearDown
    public void tearDown() {
        pengradHttp.dispatcher().executorService().shutdown();
        pengradHttp.connectionPool().evictAll();
    }

    @Benchmark
    public dev.telescale.bot.transport.RequestBody telescale() throws Throwable {
        var request = dev.telescale.api.methods.SendMessage.builder()
                .chatId(ChatId.of(Fixtures.CHAT_ID))
                .text(Fixtures.TEXT)
                .replyMarkup(dev.telescale.api.types.InlineKeyboardMarkup.builder()
                        .inlineKeyboard(List.of(List.of(dev.telescale.api.types.InlineKeyboardButton.builder()
                                .text(Fixtures.BUTTON_TEXT)
                                .callbackData(Fixtures.BUTTON_DATA)
                                .build())))
                        .build())
                .build();
        // The Bot passes null defaults when none are configured, as here.
        return (dev.telescale.bot.transport.RequestBody) TELESCALE_ENCODE.invoke((ApiMethod<?>) request,
                (ParameterDefaults) null);
    }

    @Benchmark
    public okhttp3.RequestBody telegramBots() throws IOException, TelegramApiValidationException {
        var request = org.telegram.telegrambots.meta.api.methods.send.SendMessage.builder()
                .chatId(Fixtures.CHAT_ID)
                .text(Fixtures.TEXT)
                .replyMarkup(org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup.builder()
                        .keyboardRow(new org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons
                                .InlineKeyboardRow(org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons
                                .InlineKeyboardButton.builder()
                                .text(Fixtures.BUTTON_TEXT)
                                .callbackData(Fixtures.BUTTON_DATA)
                                .build()))
                        .build())
                .build();
        request.validate();
        String json = telegramBotsMapper.writeValueAsString(request);
        return okhttp3.RequestBody.create(json, MediaType.parse("application/json"));
    }

    @Benchmark
    public byte[] pengrad() throws Throwable {
        var request = new com.pengrad.telegrambot.request.SendMessage(Fixtures.CHAT_ID, Fixtures.TEXT)
                .replyMarkup(new com.pengrad.telegrambot.model.request.InlineKeyboardMarkup(
                        new com.pengrad.telegrambot.model.request.InlineKeyboardButton(Fixtures.BUTTON_TEXT)
                                .callbackData(Fixtures.BUTTON_DATA)));
        okhttp3.RequestBody body = (okhttp3.RequestBody) PENGRAD_CREATE_REQUEST_BODY.invoke(pengradClient,
                (BaseRequest<?, ?>) request);
        Buffer sink = new Buffer();
        body.writeTo(sink);
        return sink.readByteArray();
    }

    private static byte[] bytes(dev.telescale.bot.transport.RequestBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] bytes(okhttp3.RequestBody body) throws IOException {
        Buffer sink = new Buffer();
        body.writeTo(sink);
        return sink.readByteArray();
    }
}
