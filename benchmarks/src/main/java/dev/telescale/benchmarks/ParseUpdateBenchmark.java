package dev.telescale.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pengrad.telegrambot.utility.BotUtils;
import dev.telescale.api.TelegramJson;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one typical text-message Update into each library's Update object, through the entry point its own client
 * uses.
 *
 * <ul>
 *   <li>Telescale: {@code TelegramJson.parse(byte[], Update.class)} on the bytes as they arrive.</li>
 *   <li>TelegramBots 10.2: Jackson {@code readValue(String, Update.class)} on a plain {@code new ObjectMapper()}, the
 *       configuration of {@code PartialBotApiMethod.OBJECT_MAPPER} that its {@code deserializeResponse} uses; its
 *       OkHttp client hands it the body as a String.</li>
 *   <li>pengrad 10.1: {@code BotUtils.parseUpdate(String)}, i.e. its Gson with its type adapters; its client too
 *       hands Gson a String.</li>
 * </ul>
 * The peers get the String ready-made (their clients decode the body before parsing), so the UTF-8 decoding they need
 * is not counted against them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseUpdateBenchmark {

    private byte[] updateBytes;
    private String updateString;
    private ObjectMapper telegramBotsMapper;

    @Setup
    public void setUp() throws IOException {
        updateBytes = Fixtures.updateBytes();
        updateString = Fixtures.updateString();
        telegramBotsMapper = new ObjectMapper();
        Checks.sameUpdate(telescale(), telegramBots(), pengrad());
    }

    @Benchmark
    public dev.telescale.api.types.Update telescale() {
        return TelegramJson.parse(updateBytes, dev.telescale.api.types.Update.class);
    }

    @Benchmark
    public org.telegram.telegrambots.meta.api.objects.Update telegramBots() throws IOException {
        return telegramBotsMapper.readValue(updateString, org.telegram.telegrambots.meta.api.objects.Update.class);
    }

    @Benchmark
    public com.pengrad.telegrambot.model.Update pengrad() {
        return BotUtils.parseUpdate(updateString);
    }
}
