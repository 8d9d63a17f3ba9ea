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
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Plain-http webhooks (every local test receiver) are served by a lean HTTP/1.1 client of its own: kept-alive
 * sockets, at most one per delivery in flight (so at most max_connections), the request head precomputed per
 * webhook and the update's stored JSON bytes as the body; answers are read by Content-Length, chunked coding or
 * the end of the connection. A kept-alive connection that the receiver closed is replaced once, transparently.
 * https webhooks go through the JDK HttpClient.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /**
     * Delivery threads: platform threads, reused while deliveries keep coming (a delivery thread goes on with the
     * next update itself), since a platform thread blocked on a socket read costs no poller registration and
     * wake-up per answer as a virtual thread does. At most max_connections of a bot's deliveries run at once.
     */
    private final ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().daemon().name("telescale-emulator-webhook-delivery-", 0)
                    .factory());
    private HttpClient client;                    // for https webhooks only, created on first use
    private final int timeoutMillis;
    private final Set<Endpoint> endpoints = ConcurrentHashMap.newKeySet();
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
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, requestTimeout.toMillis()));
    }

    /** Starts delivering for a webhook just set; the loop ends when the webhook is replaced or deleted. */
    public void start(BotAccount bot, WebhookConfig webhook) {
        Thread.ofVirtual().name("telescale-emulator-webhook-" + bot.id()).start(() -> loop(bot, webhook));
    }

    private void loop(BotAccount bot, WebhookConfig webhook) {
        Endpoint endpoint = null;
        try {
            endpoint = Endpoint.of(webhook);
        } catch (IllegalArgumentException e) {
            LOG.debug("The webhook URL of bot {} is not plain http; using the JDK HttpClient", bot.id());
        }
        Endpoint target = endpoint;
        if (target != null) {
            endpoints.add(target);
        }
        try {
            PendingUpdate update;
            while ((update = bot.updates().nextDelivery(webhook.epoch())) != null) {
                PendingUpdate next = update;
                executor.execute(() -> deliver(bot, webhook, target, next));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("The webhook sender of bot {} stopped: {}", bot.id(), e.toString());
        } finally {
            if (target != null) {
                target.close();
                endpoints.remove(target);
            }
        }
    }

    /**
     * Delivers an update and, after a success, goes on with the next update that may go out at once (taken in
     * the same step as the confirmation), so a steady stream needs neither a new thread nor a wake-up of the
     * loop per update.
     */
    private void deliver(BotAccount bot, WebhookConfig webhook, Endpoint endpoint, PendingUpdate update) {
        PendingUpdate next = update;
        while (next != null) {
            next = deliverOne(bot, webhook, endpoint, next);
        }
    }

    /** Delivers one update; returns the next one to deliver (already marked in flight) or null. */
    private PendingUpdate deliverOne(BotAccount bot, WebhookConfig webhook, Endpoint endpoint, PendingUpdate update) {
        String error;
        try {
            int status;
            byte[] body;
            int length;
            if (endpoint != null) {
                WebhookConnection.Answer answer = endpoint.post(update.json(), timeoutMillis);
                status = answer.status();
                body = answer.body();
                length = answer.length();
            } else {
                HttpResponse<byte[]> response = sendWithJdkClient(webhook, update);
                status = response.statusCode();
                body = response.body();
                length = body.length;
            }
            if (status / 100 == 2) {
                try {
                    // the reply is executed before the chat's next update can go out: replies keep chat order
                    handleReply(bot, body, length);
                } catch (RuntimeException e) {
                    bot.updates().delivered(update);
                    throw e;
                }
                return bot.updates().deliveredAndNext(update, webhook.epoch());
            }
            error = "Wrong response from the webhook: " + status;
        } catch (ConnectException e) {
            error = "Connection refused";
        } catch (HttpTimeoutException | SocketTimeoutException e) {
            error = "Read timeout expired";
        } catch (IOException | IllegalArgumentException e) {
            error = "Failed to deliver the update: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        bot.webhookFailed(epochSeconds.getAsLong(), error);
        long delay = Math.min(maxRetryDelay.toNanos(), retryDelay.toNanos() << Math.min(update.attempts(), 20));
        bot.updates().failed(update, System.nanoTime() + delay);
        return null;
    }

    private HttpResponse<byte[]> sendWithJdkClient(WebhookConfig webhook, PendingUpdate update)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(update.json()));
        if (webhook.secretToken() != null) {
            request.header(SECRET_HEADER, webhook.secretToken());
        }
        return jdkClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private synchronized HttpClient jdkClient() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(requestTimeout)
                    .executor(executor)
                    .build();
        }
        return client;
    }

    private void handleReply(BotAccount bot, byte[] body, int length) {
        int start = 0;
        while (start < length && body[start] <= ' ') {
            start++;
        }
        if (start == length || body[start] != '{') {
            return;                                   // empty or not an object: nothing to execute
        }
        try {
            JsonNode reply = Json.MAPPER.readTree(body, start, length - start);
            if (reply != null && reply.isObject() && reply.hasNonNull("method")) {
                webhookReply.accept(bot, (ObjectNode) reply);
            }
        } catch (IOException e) {
            LOG.debug("Ignoring a webhook answer that is not JSON");
        }
    }

    /**
     * A plain-http webhook: its address, the request head bytes up to "Content-Length: " (request line, Host,
     * Content-Type, the secret header) and the idle kept-alive connections; at most max_connections exist since
     * no more deliveries are in flight at once.
     */
    private static final class Endpoint {

        private final InetSocketAddress address;
        private final byte[] head;
        private final ConcurrentLinkedDeque<WebhookConnection> idle = new ConcurrentLinkedDeque<>();
        /** Every open connection, idle or busy, so that closing the sender ends deliveries blocked on a read. */
        private final Set<WebhookConnection> open = ConcurrentHashMap.newKeySet();
        private volatile boolean closed;

        private Endpoint(InetSocketAddress address, byte[] head) {
            this.address = address;
            this.head = head;
        }

        /** @throws IllegalArgumentException when the URL is not plain http */
        static Endpoint of(WebhookConfig webhook) {
            URI uri = URI.create(webhook.url());
            if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http URL");
            }
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            StringBuilder head = new StringBuilder(256)
                    .append("POST ").append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append("\r\n")
                    .append("User-Agent: telescale-emulator\r\n")
                    .append("Content-Type: application/json\r\n");
            if (webhook.secretToken() != null) {
                head.append(SECRET_HEADER).append(": ").append(webhook.secretToken()).append("\r\n");
            }
            head.append("Content-Length: ");
            String hostName = uri.getHost();
            if (hostName.startsWith("[") && hostName.endsWith("]")) {
                hostName = hostName.substring(1, hostName.length() - 1);
            }
            return new Endpoint(new InetSocketAddress(hostName, port),
                    head.toString().getBytes(StandardCharsets.UTF_8));
        }

        WebhookConnection.Answer post(byte[] body, int timeoutMillis) throws IOException {
            WebhookConnection connection = idle.pollFirst();
            if (connection != null) {
                try {
                    return finish(connection, connection.post(head, body));
                } catch (WebhookConnection.NoAnswerException e) {
                    close(connection);            // a kept-alive connection the receiver closed: once more, fresh
                } catch (IOException | RuntimeException e) {
                    close(connection);
                    throw e;
                }
            }
            connection = new WebhookConnection(address, timeoutMillis);
            open.add(connection);
            try {
                return finish(connection, connection.post(head, body));
            } catch (IOException | RuntimeException e) {
                close(connection);
                throw e;
            }
        }

        private void close(WebhookConnection connection) {
            connection.close();
            open.remove(connection);
        }

        private WebhookConnection.Answer finish(WebhookConnection connection, WebhookConnection.Answer answer) {
            if (connection.reusable() && !closed) {
                idle.addFirst(connection);
                if (closed && idle.remove(connection)) {
                    close(connection);
                }
            } else {
                close(connection);
            }
            return answer;
        }

        /** Closes the idle connections; deliveries in flight finish on theirs, which are closed afterwards. */
        void close() {
            closed = true;
            WebhookConnection connection;
            while ((connection = idle.pollFirst()) != null) {
                close(connection);
            }
        }

        /** Closes every connection, also those of deliveries in flight (their reads fail at once). */
        void closeAll() {
            close();
            for (WebhookConnection connection : open) {
                close(connection);
            }
        }
    }

    /** Stops the HTTP clients; delivery loops end when the bots' queues close. */
    @Override
    public void close() {
        HttpClient jdk;
        synchronized (this) {
            jdk = client;
        }
        if (jdk != null) {
            jdk.shutdownNow();
        }
        for (Endpoint endpoint : endpoints) {
            endpoint.closeAll();
        }
        executor.shutdownNow();
    }
}
