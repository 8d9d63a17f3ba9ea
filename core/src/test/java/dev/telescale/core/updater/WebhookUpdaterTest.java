package dev.telescale.core.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.InputFile;
import dev.telescale.api.errors.NetworkError;
import dev.telescale.api.methods.GetWebhookInfo;
import dev.telescale.api.methods.SendDocument;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.WebhookInfo;
import dev.telescale.bot.Bot;
import dev.telescale.core.webhook.RecordingSink;
import dev.telescale.core.webhook.WebhookServer;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook through the Updater: the emulator's setWebhook and its real deliveries to the server. */
class WebhookUpdaterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private BotApiEmulator emulator;
    private EmulatedBot emulated;
    private Bot bot;
    private final List<Updater> updaters = new ArrayList<>();
    private final List<Bot> bots = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = BotApiEmulator.builder().webhookRetryDelay(Duration.ofMillis(20), Duration.ofMillis(200)).start();
        emulated = emulator.createBot("HookBot");
        bot = bot(emulated);
    }

    @AfterEach
    void close() {
        for (Updater updater : updaters) {
            if (updater.isRunning()) {
                updater.stop();
            }
        }
        bots.forEach(Bot::shutdown);
        emulator.close();
    }

    private Bot bot(EmulatedBot account) {
        Bot b = Bot.builder().token(account.token()).apiBaseUrl(emulator.apiBaseUrl()).build();
        bots.add(b);
        return b;
    }

    private Updater updater(Bot b, RecordingSink sink) {
        Updater updater = new Updater(b, sink, new RecordingSleeper());
        updaters.add(updater);
        return updater;
    }

    private static WebhookOptions.Builder options() {
        return WebhookOptions.builder().port(0).urlPath("/telegram/hook").secretToken("hook_secret");
    }

    private long inject(EmulatedBot account, int n) {
        return emulator.injectUpdate(account, "{\"message\":{\"message_id\":" + n + ",\"date\":1700000000,\"chat\":"
                + "{\"id\":" + (500 + n) + ",\"type\":\"private\"},\"text\":\"m" + n + "\"}}");
    }

    @Test
    void setsTheWebhookAndReceivesTelegramsDeliveriesOnce() {
        RecordingSink sink = new RecordingSink();
        Updater updater = updater(bot, sink);
        updater.startWebhook(options().maxConnections(7).ipAddress("10.0.0.1")
                .allowedUpdates(List.of("message")).build());
        int port = updater.webhookServer().orElseThrow().port();

        RecordedCall set = emulator.awaitCall("setWebhook", WAIT);
        assertEquals("http://127.0.0.1:" + port + "/telegram/hook", set.string("url"));
        assertEquals("hook_secret", set.string("secret_token"));
        assertEquals(7, set.param("max_connections").asInt());
        assertEquals("10.0.0.1", set.string("ip_address"));
        assertEquals("[\"message\"]", set.param("allowed_updates").toString());
        assertFalse(set.string("url").contains(emulated.token()), "the token is not in the webhook URL");

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(inject(emulated, i));
        }
        sink.awaitCount(20, WAIT);
        assertEquals(ids.stream().sorted().toList(), sink.updates().stream().map(Update::updateId).sorted().toList());
        sink.counts().forEach((id, count) -> assertEquals(1, count, "update " + id));
        awaitNoPendingUpdates();
        WebhookInfo info = bot.execute(new GetWebhookInfo());
        assertTrue(info.lastErrorMessage().isEmpty(), info.toString());
    }

    @Test
    void aReplyInTheResponseIsExecutedByTelegram() {
        EmulatedUser alice = emulator.user("alice");
        RecordingSink sink = new RecordingSink().replyWith(update -> Optional.of(SendMessage.builder()
                .chatId(update.message().orElseThrow().chat().id())
                .text("echo: " + update.message().orElseThrow().text().orElseThrow()).build()));
        updater(bot, sink).startWebhook(options().build());
        alice.sendText(emulated, "hello");
        RecordedCall reply = emulator.awaitCall("sendMessage", WAIT);
        assertEquals("echo: hello", reply.text());
        assertEquals(String.valueOf(alice.chatWith(emulated).id()), reply.chatId());
    }

    @Test
    void aReplyThatUploadsAFileIsSentAsANormalCall() {
        EmulatedUser bob = emulator.user("bob");
        RecordingSink sink = new RecordingSink().replyWith(update -> Optional.of(SendDocument.builder()
                .chatId(update.message().orElseThrow().chat().id())
                .document(InputFile.of("report".getBytes(), "report.txt")).build()));
        updater(bot, sink).startWebhook(options().build());
        bob.sendText(emulated, "send me the report");
        RecordedCall call = emulator.awaitCall("sendDocument", WAIT);
        assertTrue(call.files().containsKey("document"), "uploaded as multipart by the Bot: " + call);
    }

    @Test
    void dropPendingUpdatesDeletesThemBeforeSettingTheWebhook() {
        inject(emulated, 1);
        inject(emulated, 2);
        RecordingSink sink = new RecordingSink();
        updater(bot, sink).startWebhook(options().dropPendingUpdates(true).build());
        RecordedCall delete = emulator.awaitCall("deleteWebhook", WAIT);
        assertTrue(delete.param("drop_pending_updates").asBoolean());
        assertTrue(emulator.awaitCall("setWebhook", WAIT).param("drop_pending_updates").asBoolean());
        long id = inject(emulated, 3);
        assertEquals(id, sink.awaitCount(1, WAIT).getFirst().updateId());
        assertEquals(1, sink.updates().size());
    }

    @Test
    void setWebhookIsRetriedPerBootstrapRetries() {
        emulator.faults().next(2, "setWebhook").answer(502, "Bad Gateway");
        RecordingSink sink = new RecordingSink();
        updater(bot, sink).startWebhook(options().bootstrapRetries(2).build());
        assertEquals(3, emulator.calls("setWebhook").size());
        long id = inject(emulated, 1);
        assertEquals(id, sink.awaitCount(1, WAIT).getFirst().updateId());
    }

    @Test
    void aFailedBootstrapFreesThePathOnASharedServerAndClosesAnOwnServer() {
        emulator.faults().next(1, "setWebhook").answer(502, "Bad Gateway");
        WebhookServer shared = WebhookServer.builder().port(0).build().start();
        try {
            Updater updater = updater(bot, new RecordingSink());
            assertThrows(NetworkError.class, () -> updater.startWebhook(options().server(shared).build()));
            assertFalse(updater.isRunning());
            assertTrue(shared.isRunning(), "a shared server belongs to its owner");
            updater.startWebhook(options().server(shared).build());
            assertTrue(updater.isRunning(), "the path was freed");
            updater.stop();
        } finally {
            shared.stop(Duration.ZERO);
        }
        emulator.faults().next(1, "setWebhook").answer(502, "Bad Gateway");
        Updater owning = updater(bot, new RecordingSink());
        assertThrows(NetworkError.class, () -> owning.startWebhook(options().build()));
        assertFalse(owning.isRunning());
        assertTrue(owning.webhookServer().isEmpty());
    }

    @Test
    void updatesSentWhileStoppedAreDeliveredOnceAfterARestart() {
        RecordingSink sink = new RecordingSink();
        Updater first = updater(bot, sink);
        first.startWebhook(options().build());
        long a = inject(emulated, 1);
        sink.awaitCount(1, WAIT);
        int oldPort = first.webhookServer().orElseThrow().port();
        first.stop();
        assertThrows(ConnectException.class, () -> {
            try (HttpClient client = HttpClient.newHttpClient()) {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + oldPort + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        });
        long b = inject(emulated, 2);
        long c = inject(emulated, 3);
        Updater second = updater(bot, sink);
        second.startWebhook(options().build());
        sink.awaitCount(3, WAIT);
        assertEquals(List.of(a, b, c), sink.updates().stream().map(Update::updateId).sorted().toList());
        sink.counts().forEach((id, count) -> assertEquals(1, count, "update " + id));
    }

    @Test
    void twoBotsShareOneServerOnDifferentPathsWithTheirOwnSecrets() {
        EmulatedBot otherAccount = emulator.createBot("OtherBot");
        Bot other = bot(otherAccount);
        WebhookServer shared = WebhookServer.builder().port(0).build().start();
        try {
            RecordingSink first = new RecordingSink();
            RecordingSink second = new RecordingSink();
            updater(bot, first).startWebhook(options().server(shared).urlPath("/one").secretToken("one_1").build());
            updater(other, second).startWebhook(options().server(shared).urlPath("/two").secretToken("two_2").build());
            IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                    () -> updater(other, second).startWebhook(options().server(shared).urlPath("/one").build()));
            assertTrue(taken.getMessage().contains("already taken"), taken.getMessage());

            long x = inject(emulated, 1);
            long y = inject(otherAccount, 2);
            long z = inject(otherAccount, 3);
            assertEquals(List.of(x), first.awaitCount(1, WAIT).stream().map(Update::updateId).toList());
            assertEquals(List.of(y, z), second.awaitCount(2, WAIT).stream().map(Update::updateId).sorted().toList());
            assertEquals(1, first.updates().size());
        } finally {
            shared.stop(Duration.ZERO);
        }
    }

    @Test
    void withoutAGivenSecretARandomOneIsSet() {
        updater(bot, new RecordingSink()).startWebhook(WebhookOptions.builder().port(0).urlPath("hook").build());
        RecordedCall set = emulator.awaitCall("setWebhook", WAIT);
        String secret = set.string("secret_token");
        assertTrue(secret.matches("[A-Za-z0-9_-]{32}"), secret);
        assertTrue(set.string("url").endsWith("/hook"));
    }

    @Test
    void httpsUploadsTheCertificateAndServesTls() throws Exception {
        Path cert = resource("webhook-cert.pem");
        Path key = resource("webhook-key.pem");
        RecordingSink sink = new RecordingSink();
        Updater updater = updater(bot, sink);
        // Telegram cannot reach this server over TLS in the test (the emulator does not trust the certificate),
        // so the URL points elsewhere and the test posts itself.
        updater.startWebhook(options().tls(cert, key).webhookUrl("https://example.invalid/hook").build());
        RecordedCall set = emulator.awaitCall("setWebhook", WAIT);
        assertTrue(set.files().containsKey("certificate"), set.toString());
        assertTrue(bot.execute(new GetWebhookInfo()).hasCustomCertificate());

        int port = updater.webhookServer().orElseThrow().port();
        try (HttpClient client = dev.telescale.core.webhook.TlsClients.trusting(cert)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port + "/telegram/hook"))
                    .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", "hook_secret")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"update_id\":99}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        }
        assertEquals(99, sink.awaitCount(1, WAIT).getFirst().updateId());
    }

    @Test
    void optionsValidateAndNeverShowTheSecret() {
        assertThrows(IllegalArgumentException.class, () -> options().secretToken("has space").build());
        assertThrows(IllegalArgumentException.class, () -> options().maxConnections(0).build());
        assertThrows(IllegalArgumentException.class, () -> options().maxBodyBytes(0).build());
        assertThrows(IllegalArgumentException.class, () -> options().tls(Path.of("cert.pem"), null).build());
        assertThrows(IllegalArgumentException.class, () -> options().port(70000).build());
        WebhookOptions o = options().secretToken("the_secret_value").build();
        assertFalse(o.toString().contains("the_secret_value"));
        assertEquals("/telegram/hook", o.urlPath());
        assertEquals("/x", options().urlPath("x/").build().urlPath());
    }

    /** Telegram marks an update delivered when the 200 arrives, a moment after the sink took it. */
    private void awaitNoPendingUpdates() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (emulated.pendingUpdateCount() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(emulated.pendingUpdateCount() + " updates still pending after " + WAIT);
            }
            Thread.yield();
        }
    }

    private static Path resource(String name) throws Exception {
        return Path.of(WebhookUpdaterTest.class.getResource("/dev/telescale/core/webhook/" + name).toURI());
    }
}
