package dev.telescale.testkit.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.PendingUpdate;
import dev.telescale.testkit.state.WebhookConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a bot's updates to its webhook like Telegram: HTTP POST of the Update JSON with the
 * X-Telegram-Bot-Api-Secret-Token header, one update per chat at a time and in order, at most max_connections
 * in flight, failed deliveries retried with exponential backoff (recorded for getWebhookInfo's last_error_*).
 * A 2xx answer confirms the update; when its body is a method call ({"method":"sendMessage",...}) that call is
 * executed for the bot, as Telegram does with webhook replies.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration retryDelay;
    private final Duration maxRetryDelay;
    private final BiConsumer<BotAccount, ObjectNode> webhookReply;
    private final LongSupplier epochSeconds;

    /**
     * @param requestTimeout how long one delivery may take
     * @param retryDelay     the delay before the first retry; it doubles per failure
     * @param maxRetryDelay  the longest delay between retries
     * @param webhookReply   executes a method call found in a webhook answer
     * @param epochSeconds   the clock for last_error_date
     */
    public WebhookSender(Duration requestTimeout, Duration retryDelay, Duration maxRetryDelay,
                         BiConsumer<BotAccount, ObjectNode> webhookReply, LongSupplier epochSeconds) {
        this.requestTimeout = requestTimeout;
        this.retryDelay = retryDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.webhookReply = webhookReply;
        this.epochSeconds = epochSeconds;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .executor(executor)
                .build();
    }

    /** Starts delivering for a webhook just set; the loop ends when the webhook is replaced or deleted. */
    public void start(BotAccount bot, WebhookConfig webhook) {
        Thread.ofVirtual().name("telescale-emulator-webhook-" + bot.id()).start(() -> loop(bot, webhook));
    }

    private void loop(BotAccount bot, WebhookConfig webhook) {
        try {
            PendingUpdate update;
            while ((update = bot.updates().nextDelivery(webhook.epoch())) != null) {
                PendingUpdate next = update;
                executor.execute(() -> deliver(bot, webhook, next));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("The webhook sender of bot {} stopped: {}", bot.id(), e.toString());
        }
    }

    private void deliver(BotAccount bot, WebhookConfig webhook, PendingUpdate update) {
        String error;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.url()))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(update.update())));
            if (webhook.secretToken() != null) {
                request.header(SECRET_HEADER, webhook.secretToken());
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 == 2) {
                bot.updates().delivered(update);
                handleReply(bot, response);
                return;
            }
            error = "Wrong response from the webhook: " + response.statusCode();
        } catch (ConnectException e) {
            error = "Connection refused";
        } catch (HttpTimeoutException e) {
            error = "Read timeout expired";
        } catch (IOException | IllegalArgumentException e) {
            error = "Failed to deliver the update: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        bot.webhookFailed(epochSeconds.getAsLong(), error);
        long delay = Math.min(maxRetryDelay.toNanos(), retryDelay.toNanos() << Math.min(update.attempts(), 20));
        bot.updates().failed(update, System.nanoTime() + delay);
    }

    private void handleReply(BotAccount bot, HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return;
        }
        try {
            JsonNode reply = Json.MAPPER.readTree(body);
            if (reply != null && reply.isObject() && reply.hasNonNull("method")) {
                webhookReply.accept(bot, (ObjectNode) reply);
            }
        } catch (IOException e) {
            LOG.debug("Ignoring a webhook answer that is not JSON");
        }
    }

    /** Stops the HTTP client; delivery loops end when the bots' queues close. */
    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }
}
