package dev.telescale.core.updater;

import dev.telescale.api.InputFile;
import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.api.methods.DeleteWebhook;
import dev.telescale.api.methods.SetWebhook;
import dev.telescale.bot.Bot;
import dev.telescale.core.update.UpdateSink;
import dev.telescale.core.webhook.WebhookRoute;
import dev.telescale.core.webhook.WebhookServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a bot's updates and hands them to an {@link UpdateSink} (the Application's queue): by long polling
 * ({@link #startPolling}) or as a webhook server ({@link #startWebhook}), one at a time. python-telegram-bot's
 * {@code Updater}, with its bootstrap, back-off and shutdown behaviour.
 *
 * <p>Nothing is lost or handled twice: polling confirms an update to Telegram only after the sink took it (and
 * confirms on {@link #stop}); the webhook answers 200 only after the sink took the update and 503 when it refused.
 * Thread-safe; an updater can be started again after it was stopped.
 */
public final class Updater {

    private static final Logger LOG = LoggerFactory.getLogger(Updater.class);
    /** How long stop() gives webhook requests beyond their reply wait to finish. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Bot bot;
    private final UpdateSink sink;
    private final Sleeper sleeper;
    private final AtomicReference<State> state = new AtomicReference<>(State.Idle.INSTANCE);

    /** What the updater is doing; transitions are compare-and-set, so no lock is held across network calls. */
    private sealed interface State {
        enum Idle implements State { INSTANCE }

        enum Starting implements State { INSTANCE }

        enum Stopping implements State { INSTANCE }

        record Polling(LongPolling loop) implements State {
        }

        record Webhook(WebhookServer server, boolean ownsServer, String path, Duration grace) implements State {
        }
    }

    public Updater(Bot bot, UpdateSink sink) {
        this(bot, sink, Sleeper.THREAD);
    }

    Updater(Bot bot, UpdateSink sink, Sleeper sleeper) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.sleeper = sleeper;
    }

    /**
     * Deletes any webhook (dropping pending updates if asked), retried per {@code bootstrapRetries}, then polls on
     * a virtual thread of its own. Returns once the loop runs.
     *
     * @throws IllegalStateException when already running
     * @throws TelegramApiException  when the bootstrap failed for good ({@code Unauthorized} for a rejected token)
     */
    public void startPolling(PollingOptions options) {
        Objects.requireNonNull(options, "options");
        begin("startPolling");
        try {
            LongPolling loop = new LongPolling(bot, sink, options, sleeper);
            loop.start();
            state.set(new State.Polling(loop));
        } catch (RuntimeException e) {
            state.set(State.Idle.INSTANCE);
            throw e;
        }
    }

    /**
     * Starts serving the webhook (or registers on the shared server), then tells Telegram: {@code deleteWebhook}
     * when dropping pending updates, and {@code setWebhook} with the URL, the secret token and the certificate, each
     * retried per {@code bootstrapRetries}. Listening before {@code setWebhook} means no early delivery is refused.
     *
     * @throws IllegalStateException    when already running
     * @throws IllegalArgumentException for unreadable TLS files or a url path taken on the shared server
     * @throws TelegramApiException     when the bootstrap failed for good
     */
    public void startWebhook(WebhookOptions options) {
        Objects.requireNonNull(options, "options");
        begin("startWebhook");
        WebhookServer server = null;
        boolean owns = options.server() == null;
        boolean registered = false;
        try {
            server = owns ? WebhookServer.builder().listen(options.listen()).port(options.port())
                    .tls(options.tlsCert(), options.tlsKey()).healthPath(options.healthPath()).build()
                    : options.server();
            String secret = options.secretToken() != null ? options.secretToken() : randomSecret();
            server.register(WebhookRoute.builder()
                    .path(options.urlPath())
                    .secretToken(secret)
                    .sink(sink)
                    .replyWait(options.replyWait())
                    .maxBodyBytes(options.maxBodyBytes())
                    .replyDefaults(bot.defaults().orElse(null))
                    .replyCallbackData(bot.callbackDataCache().orElse(null))
                    .unsentReplies(method -> bot.executeAsync(method).whenComplete((result, error) -> {
                        if (error != null) {
                            reportReplyFailure(options, method.methodName(), error);
                        }
                    }))
                    .build());
            registered = true;
            server.start();
            String url = options.webhookUrl() != null ? options.webhookUrl() : defaultUrl(server, options.urlPath());
            bootstrapWebhook(options, url, secret);
            state.set(new State.Webhook(server, owns, options.urlPath(), options.replyWait().plus(STOP_GRACE)));
        } catch (RuntimeException e) {
            if (registered) {
                server.unregister(options.urlPath(), Duration.ZERO);
            }
            if (owns && server != null) {
                server.stop(Duration.ZERO);
            }
            state.set(State.Idle.INSTANCE);
            throw e;
        }
    }

    /**
     * Stops. Polling: interrupts the waiting long poll, lets the loop finish handing over its batch, and confirms
     * every handed-over update with {@code getUpdates(offset, timeout = 0)}. Webhook: the path refuses new requests
     * (Telegram redelivers them), requests in flight get their reply wait plus 2 s, and a server this updater
     * created is closed (the webhook stays set at Telegram, as in python-telegram-bot).
     *
     * @throws IllegalStateException when not running
     */
    public void stop() {
        State current = state.get();
        if (!(current instanceof State.Polling || current instanceof State.Webhook)
                || !state.compareAndSet(current, State.Stopping.INSTANCE)) {
            throw new IllegalStateException("This Updater is not running" + (current == State.Starting.INSTANCE
                    ? " yet (it is still starting)" : current == State.Stopping.INSTANCE ? " (it is stopping)" : ""));
        }
        try {
            switch (current) {
                case State.Polling polling -> polling.loop().stop();
                case State.Webhook webhook -> {
                    webhook.server().unregister(webhook.path(), webhook.grace());
                    if (webhook.ownsServer()) {
                        webhook.server().stop(Duration.ZERO);
                    }
                }
                default -> throw new AssertionError(current);
            }
        } finally {
            state.set(State.Idle.INSTANCE);
        }
    }

    /** Whether polling or the webhook is running (started and not stopped). */
    public boolean isRunning() {
        State current = state.get();
        return current instanceof State.Polling || current instanceof State.Webhook;
    }

    /** The webhook server while the webhook runs, for its bound {@link WebhookServer#port()}; else empty. */
    public Optional<WebhookServer> webhookServer() {
        return state.get() instanceof State.Webhook webhook ? Optional.of(webhook.server()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Updater[" + bot + ", " + switch (state.get()) {
            case State.Polling p -> "polling";
            case State.Webhook w -> "webhook on " + w.server();
            default -> "not running";
        } + "]";
    }

    private void begin(String what) {
        if (!state.compareAndSet(State.Idle.INSTANCE, State.Starting.INSTANCE)) {
            throw new IllegalStateException(what + ": this Updater is already running; stop() it first");
        }
    }

    private void bootstrapWebhook(WebhookOptions options, String url, String secret) {
        if (options.dropPendingUpdates()) {
            DeleteWebhook delete = DeleteWebhook.builder().dropPendingUpdates(true).build();
            Bootstrap.run("deleteWebhook (webhook bootstrap)", options.bootstrapRetries(), sleeper,
                    () -> bot.execute(delete));
        }
        SetWebhook.Builder set = SetWebhook.builder()
                .url(url)
                .secretToken(secret)
                .maxConnections(options.maxConnections())
                .dropPendingUpdates(options.dropPendingUpdates());
        if (options.tlsCert() != null) {
            set.certificate(InputFile.of(options.tlsCert()));
        }
        if (options.ipAddress() != null) {
            set.ipAddress(options.ipAddress());
        }
        if (options.allowedUpdates() != null) {
            set.allowedUpdates(options.allowedUpdates());
        }
        SetWebhook request = set.build();
        Bootstrap.run("setWebhook (webhook bootstrap)", options.bootstrapRetries(), sleeper,
                () -> bot.execute(request));
    }

    private static String defaultUrl(WebhookServer server, String path) {
        String host = server.listen().contains(":") ? "[" + server.listen() + "]" : server.listen();
        return (server.isTls() ? "https" : "http") + "://" + host + ":" + server.port()
                + (path.isEmpty() ? "/" : path);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void reportReplyFailure(WebhookOptions options, String method, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof TelegramApiException api && options.errorCallback() != null) {
            options.errorCallback().accept(api);
        } else {
            LOG.error("A webhook reply ({}) sent as a normal call failed: {}", method, cause.toString());
        }
    }
}
