package dev.telescale.core.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.errors.Conflict;
import dev.telescale.api.errors.NetworkError;
import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.api.errors.Unauthorized;
import dev.telescale.api.methods.DeleteWebhook;
import dev.telescale.api.methods.SetWebhook;
import dev.telescale.api.types.Update;
import dev.telescale.bot.Bot;
import dev.telescale.core.webhook.RecordingSink;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long polling against the emulator over real HTTP, with injected faults. */
class LongPollingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private BotApiEmulator emulator;
    private EmulatedBot emulated;
    private Bot bot;
    private final List<Updater> updaters = new ArrayList<>();
    private final List<TelegramApiException> errors = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<TelegramApiException> errorQueue = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        emulator = BotApiEmulator.start();
        emulated = emulator.createBot("PollBot");
        // A short extra read timeout so a delayed answer becomes TimedOut quickly.
        bot = Bot.builder().token(emulated.token()).apiBaseUrl(emulator.apiBaseUrl())
                .getUpdatesReadTimeout(Duration.ofMillis(300)).build();
    }

    @AfterEach
    void close() {
        for (Updater updater : updaters) {
            if (updater.isRunning()) {
                updater.stop();
            }
        }
        bot.shutdown();
        emulator.close();
    }

    private Updater updater(RecordingSink sink, Sleeper sleeper) {
        Updater updater = new Updater(bot, sink, sleeper);
        updaters.add(updater);
        return updater;
    }

    private PollingOptions.Builder options() {
        return PollingOptions.builder().timeout(Duration.ofSeconds(1)).errorCallback(e -> {
            errors.add(e);
            errorQueue.add(e);
        });
    }

    private long inject(int n) {
        return emulator.injectUpdate(emulated, "{\"message\":{\"message_id\":" + n
                + ",\"date\":1700000000,\"chat\":{\"id\":" + (1000 + n % 7) + ",\"type\":\"private\"},\"text\":\"m"
                + n + "\"}}");
    }

    private List<Long> injectMany(int from, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ids.add(inject(i));
        }
        return ids;
    }

    private static List<Long> ids(List<Update> updates) {
        return updates.stream().map(Update::updateId).toList();
    }

    private TelegramApiException nextError() throws InterruptedException {
        TelegramApiException e = errorQueue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no polling error reported within " + WAIT);
        }
        return e;
    }

    @Test
    void handsEveryUpdateOverOnceInOrderAndConfirmsThemOnStop() {
        List<Long> expected = new ArrayList<>(injectMany(1, 3));
        RecordingSink sink = new RecordingSink();
        Updater updater = updater(sink, Sleeper.THREAD);
        updater.startPolling(options().build());
        assertTrue(updater.isRunning());
        sink.awaitCount(3, WAIT);
        expected.addAll(injectMany(4, 2));
        sink.awaitCount(5, WAIT);
        updater.stop();

        assertFalse(updater.isRunning());
        assertEquals(expected, ids(sink.updates()));
        List<RecordedCall> polls = emulator.calls("getUpdates");
        assertEquals(0, polls.getFirst().param("offset").asLong(), "the first offset is 0");
        // The confirming call; the interrupted long poll may reach the emulator after it, so it is not always last.
        RecordedCall confirm = polls.stream().filter(call -> call.param("timeout").asLong() == 0).findFirst()
                .orElseThrow(() -> new AssertionError("no confirming getUpdates with timeout 0: " + polls));
        assertEquals(expected.getLast() + 1, confirm.param("offset").asLong(), "stop confirms up to the last update");
        assertEquals(0, emulated.pendingUpdateCount(), "nothing is left unconfirmed at Telegram");
    }

    @Test
    void everyUpdateReachesTheSinkExactlyOnceAcrossNetworkFaultsAndRestarts() {
        RecordingSink sink = new RecordingSink();
        List<Long> injected = new ArrayList<>();
        Updater first = updater(sink, new RecordingSleeper());
        first.startPolling(options().build());

        int n = 0;
        for (int round = 0; round < 7; round++) {
            injectFault(round);
            injected.addAll(injectMany(n, 5));
            n += 5;
            sink.awaitCount(injected.size(), WAIT);
        }
        first.stop();
        // Updates that arrive while no updater runs come with the next one, once.
        injected.addAll(injectMany(n, 6));
        n += 6;
        Updater second = updater(sink, new RecordingSleeper());
        second.startPolling(options().build());
        for (int round = 7; round < 14; round++) {
            injectFault(round);
            injected.addAll(injectMany(n, 5));
            n += 5;
            sink.awaitCount(injected.size(), WAIT);
        }
        second.stop();
        injected.addAll(injectMany(n, 3));
        Updater third = updater(sink, new RecordingSleeper());
        third.startPolling(options().build());
        sink.awaitCount(injected.size(), WAIT);
        third.stop();

        assertEquals(0, emulator.faults().remaining(), "every fault was hit");
        assertEquals(injected, ids(sink.updates()), "each update once, in order");
        sink.counts().forEach((id, count) -> assertEquals(1, count, "update " + id + " handled " + count + " times"));
        assertEquals(0, emulated.pendingUpdateCount());
    }

    /** One fault on the next getUpdates, a different kind per round. */
    private void injectFault(int round) {
        var next = emulator.faults().next(1, "getUpdates");
        switch (round % 7) {
            case 0 -> next.answer(502, "Bad Gateway");
            case 1 -> next.closeConnection();
            case 2 -> next.truncateBody();
            case 3 -> next.delay(Duration.ofSeconds(3)); // beyond 1 s poll + 0.3 s read timeout
            case 4 -> next.answer(409, "Conflict: terminated by other getUpdates request; make sure that only one "
                    + "bot instance is running");
            case 5 -> next.retryAfter(1);
            default -> next.raw(502, "text/html", "<html><body>502 Bad Gateway</body></html>");
        }
    }

    @Test
    void backOffFollowsTheReferenceSequenceAndReportsOnlyOtherErrors() throws Exception {
        emulator.faults().next(3, "getUpdates").answer(502, "Bad Gateway");
        emulator.faults().next(1, "getUpdates").retryAfter(2);
        emulator.faults().next(1, "getUpdates").answer(502, "Bad Gateway");
        emulator.faults().next(1, "getUpdates").delay(Duration.ofSeconds(3));
        emulator.faults().next(1, "getUpdates").answer(502, "Bad Gateway");
        RecordingSink sink = new RecordingSink();
        RecordingSleeper sleeper = new RecordingSleeper();
        Updater updater = updater(sink, sleeper);
        updater.startPolling(options().build());
        long id = inject(1);
        sink.awaitCount(1, WAIT);
        updater.stop();

        List<Duration> expected = List.of(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250),
                Duration.ofMillis(2500), Duration.ofMillis(3750), Duration.ZERO, Duration.ofMillis(1000));
        assertEquals(expected, sleeper.all().subList(0, expected.size()));
        assertEquals(List.of(id), ids(sink.updates()));
        for (int i = 0; i < 5; i++) {
            TelegramApiException e = errors.get(i);
            assertInstanceOf(NetworkError.class, e, "error " + i + ": " + e);
            assertEquals(502, e.errorCode());
        }
    }

    @Test
    void pollIntervalIsThePauseAfterEachSuccessfulPoll() {
        RecordingSink sink = new RecordingSink();
        RecordingSleeper sleeper = new RecordingSleeper();
        Updater updater = updater(sink, sleeper);
        updater.startPolling(options().pollInterval(Duration.ofMillis(700)).build());
        inject(1);
        sink.awaitCount(1, WAIT);
        inject(2);
        sink.awaitCount(2, WAIT); // the loop paused after the first batch before it could poll the second
        updater.stop();
        assertTrue(sleeper.all().contains(Duration.ofMillis(700)), sleeper.all().toString());
        assertTrue(sleeper.all().stream().allMatch(d -> d.equals(Duration.ofMillis(700))), sleeper.all().toString());
    }

    @Test
    void conflictFromASecondPollerIsReportedWithAClearMessageAndPollingContinues() throws Exception {
        emulator.faults().next(1, "getUpdates").answer(409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        RecordingSink sink = new RecordingSink();
        Updater updater = updater(sink, new RecordingSleeper());
        updater.startPolling(options().build());

        Conflict conflict = assertInstanceOf(Conflict.class, nextError());
        assertTrue(conflict.getMessage().contains("Terminated by other getUpdates request"), conflict.getMessage());
        assertTrue(conflict.getMessage().contains("Only one getUpdates poller may run per bot token"));
        assertTrue(conflict.getMessage().contains("webhook"));
        long id = inject(1);
        assertEquals(List.of(id), ids(sink.awaitCount(1, WAIT)));
    }

    @Test
    void aWebhookSetWhilePollingGivesConflictsUntilItIsDeleted() throws Exception {
        RecordingSink sink = new RecordingSink();
        Updater updater = updater(sink, new RecordingSleeper(Duration.ofMillis(20)));
        updater.startPolling(options().build());
        emulated.awaitWaitingPoll(WAIT);

        bot.execute(SetWebhook.builder().url("http://127.0.0.1:9/elsewhere").build());
        Conflict conflict = assertInstanceOf(Conflict.class, nextError());
        assertTrue(conflict.getMessage().contains("webhook is active"), conflict.getMessage());
        bot.execute(DeleteWebhook.builder().build());
        long id = inject(1);
        assertEquals(List.of(id), ids(sink.awaitCount(1, WAIT)));
        assertEquals(1, sink.counts().get(id));
    }

    @Test
    void stopInterruptsAWaitingLongPoll() {
        RecordingSink sink = new RecordingSink();
        Updater updater = updater(sink, Sleeper.THREAD);
        updater.startPolling(options().timeout(Duration.ofSeconds(50)).build());
        emulated.awaitWaitingPoll(WAIT);
        // Without the interrupt stop() would wait out the 50 s poll; the deadline only keeps a failure from hanging.
        assertTimeoutPreemptively(Duration.ofSeconds(30), updater::stop);
        assertFalse(updater.isRunning());
        long id = inject(1);
        Updater next = updater(sink, Sleeper.THREAD);
        next.startPolling(options().build());
        assertEquals(List.of(id), ids(sink.awaitCount(1, WAIT)));
    }

    @Test
    void startDeletesTheWebhookAndDropsPendingUpdatesWhenAsked() {
        injectMany(1, 3);
        RecordingSink sink = new RecordingSink();
        Updater updater = updater(sink, Sleeper.THREAD);
        updater.startPolling(options().dropPendingUpdates(true).allowedUpdates(List.of("message", "callback_query"))
                .build());
        RecordedCall delete = emulator.awaitCall("deleteWebhook", WAIT);
        assertTrue(delete.param("drop_pending_updates").asBoolean());
        long id = inject(10);
        assertEquals(List.of(id), ids(sink.awaitCount(1, WAIT)));
        RecordedCall poll = emulator.awaitCall("getUpdates", WAIT);
        assertEquals("[\"message\",\"callback_query\"]", poll.param("allowed_updates").toString());
    }

    @Test
    void bootstrapIsRetriedWithBackOffAndThenPolls() {
        emulator.faults().next(2, "deleteWebhook").answer(502, "Bad Gateway");
        RecordingSink sink = new RecordingSink();
        RecordingSleeper sleeper = new RecordingSleeper();
        Updater updater = updater(sink, sleeper);
        updater.startPolling(options().bootstrapRetries(2).build());
        assertEquals(List.of(Duration.ofMillis(1500), Duration.ofMillis(2250)), sleeper.all().subList(0, 2));
        assertEquals(3, emulator.calls("deleteWebhook").size());
        long id = inject(1);
        assertEquals(List.of(id), ids(sink.awaitCount(1, WAIT)));
    }

    @Test
    void bootstrapGivesUpWhenRetriesAreUsedUp() {
        emulator.faults().next(3, "deleteWebhook").answer(502, "Bad Gateway");
        Updater updater = updater(new RecordingSink(), new RecordingSleeper());
        NetworkError e = assertThrows(NetworkError.class,
                () -> updater.startPolling(options().bootstrapRetries(1).build()));
        assertEquals(502, e.errorCode());
        assertEquals(2, emulator.calls("deleteWebhook").size());
        assertFalse(updater.isRunning());
        assertTrue(emulator.calls("getUpdates").isEmpty());
    }

    @Test
    void aRejectedTokenFailsTheStartAtOnceWithoutRetries() {
        Bot stranger = Bot.builder().token("123456:AAunknownTokenUnknownTokenUnknown123")
                .apiBaseUrl(emulator.apiBaseUrl()).build();
        try {
            Updater updater = new Updater(stranger, new RecordingSink(), new RecordingSleeper());
            Unauthorized e = assertThrows(Unauthorized.class,
                    () -> updater.startPolling(options().bootstrapRetries(-1).build()));
            assertFalse(e.getMessage().contains("AAunknownToken"), "the token never appears in messages");
            assertFalse(updater.isRunning());
        } finally {
            stranger.shutdown();
        }
    }

    @Test
    void unauthorizedWhilePollingEndsTheLoopAndIsReported() throws Exception {
        RecordingSink sink = new RecordingSink();
        Updater updater = updater(sink, new RecordingSleeper());
        updater.startPolling(options().build());
        emulator.faults().next(1, "getUpdates").answer(401, "Unauthorized");
        inject(1); // wakes the waiting poll; the next one gets the 401
        TelegramApiException e = nextError();
        if (!(e instanceof Unauthorized)) {
            throw new AssertionError("expected Unauthorized, got " + e);
        }
        int pollsAfter401 = emulator.calls("getUpdates").size();
        updater.stop();
        // The update taken before the 401 is confirmed by stop; no poll followed the 401 but that confirmation.
        List<RecordedCall> polls = emulator.calls("getUpdates");
        assertTrue(polls.size() <= pollsAfter401 + 1, polls.toString());
        assertTrue(errorQueue.isEmpty(), "nothing after the 401: " + errorQueue);
    }

    @Test
    void anUpdateTheSinkRefusesStaysAtTelegramForTheNextStart() {
        long id = inject(1);
        RecordingSink refusing = new RecordingSink().refusing(true);
        Updater updater = updater(refusing, Sleeper.THREAD);
        updater.startPolling(options().build());
        emulator.awaitCall("getUpdates", WAIT);
        updater.stop();
        assertTrue(refusing.updates().isEmpty());
        assertEquals(1, emulated.pendingUpdateCount());

        RecordingSink accepting = new RecordingSink();
        Updater next = updater(accepting, Sleeper.THREAD);
        next.startPolling(options().build());
        assertEquals(List.of(id), ids(accepting.awaitCount(1, WAIT)));
    }

    @Test
    void startingTwiceAndStoppingWhenNotRunningNameTheProblem() {
        Updater updater = updater(new RecordingSink(), Sleeper.THREAD);
        IllegalStateException notRunning = assertThrows(IllegalStateException.class, updater::stop);
        assertTrue(notRunning.getMessage().contains("not running"), notRunning.getMessage());
        updater.startPolling(options().build());
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> updater.startPolling(options().build()));
        assertTrue(twice.getMessage().contains("already running"), twice.getMessage());
        assertThrows(IllegalStateException.class,
                () -> updater.startWebhook(WebhookOptions.builder().port(0).build()));
        updater.stop();
        assertThrows(IllegalStateException.class, updater::stop);
        assertFalse(updater.toString().contains(emulated.token()));
    }

    @Test
    void optionsRejectNegativeDurations() {
        assertThrows(IllegalArgumentException.class,
                () -> PollingOptions.builder().pollInterval(Duration.ofSeconds(-1)).build());
        assertThrows(IllegalArgumentException.class,
                () -> PollingOptions.builder().timeout(Duration.ofSeconds(-1)).build());
        assertEquals(Duration.ofSeconds(10), PollingOptions.defaults().timeout());
        assertEquals(0, PollingOptions.defaults().bootstrapRetries());
    }
}
