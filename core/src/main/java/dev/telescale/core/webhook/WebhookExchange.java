package dev.telescale.core.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one HTTP request of a {@link WebhookServer}, on its own virtual thread: routing by path, the checks and
 * statuses of python-telegram-bot's webhook handler (with the differences {@link WebhookServer} lists), hand-over
 * to the route's sink, and the webhook reply.
 */
final class WebhookExchange implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookExchange.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final int READ_CHUNK = 8192;

    private final Map<String, RouteState> routes;
    private final String healthPath;

    WebhookExchange(Map<String, RouteState> routes, String healthPath) {
        this.routes = routes;
        this.healthPath = healthPath;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String path = WebhookRoute.normalisePath(exchange.getRequestURI().getRawPath());
            if (healthPath != null && path.equals(healthPath)) {
                health(exchange);
                return;
            }
            RouteState state = routes.get(path);
            if (state == null) {
                text(exchange, 404, "Not Found");
                return;
            }
            if (!state.enter()) {
                text(exchange, 503, "This webhook is shutting down; retry later");
                return;
            }
            try {
                update(exchange, state);
            } finally {
                state.exit();
            }
        } catch (IOException e) {
            LOG.debug("Webhook request from {} failed: {}", exchange.getRemoteAddress(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("Webhook request failed", e);
        }
    }

    private static void health(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            text(exchange, 405, "Method Not Allowed");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        send(exchange, 200, OK);
    }

    private void update(HttpExchange exchange, RouteState state) throws IOException {
        WebhookRoute route = state.route;
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            text(exchange, 405, "Method Not Allowed");
            return;
        }
        if (state.secret != null) {
            String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (given == null) {
                text(exchange, 403, "Request did not include the secret token");
                return;
            }
            if (!MessageDigest.isEqual(state.secret, given.getBytes(StandardCharsets.UTF_8))) {
                text(exchange, 403, "Request had the wrong secret token");
                return;
            }
        }
        if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            text(exchange, 403, "Content-Type must be application/json");
            return;
        }
        byte[] body = readBody(exchange, route.maxBodyBytes());
        if (body == null) {
            text(exchange, 413, "The body is larger than " + route.maxBodyBytes() + " bytes");
            return;
        }
        if (isNullLiteral(body)) {
            // Nothing to process, as python-telegram-bot does.
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        Update update;
        try {
            update = TelegramJson.parse(body, Update.class);
        } catch (RuntimeException e) {
            LOG.warn("Webhook {}: could not parse an update ({})", pathOf(route), e.getMessage());
            text(exchange, 400, "Update could not be processed: " + shorten(e.getMessage()));
            return;
        }
        if (update == null) {
            text(exchange, 400, "Update could not be processed: the body holds no update");
            return;
        }
        deliver(exchange, route, update);
    }

    private static void deliver(HttpExchange exchange, WebhookRoute route, Update update) throws IOException {
        if (route.replyWait().isZero()) {
            try {
                route.sink().submit(update);
            } catch (IllegalStateException refused) {
                refused(exchange, route, update);
                return;
            }
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        CompletableFuture<Optional<ApiMethod<?>>> future;
        try {
            future = route.sink().submitForReply(update);
        } catch (IllegalStateException refused) {
            refused(exchange, route, update);
            return;
        }
        Optional<ApiMethod<?>> reply = awaitReply(future, route.replyWait());
        if (reply.isEmpty()) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        ApiMethod<?> method = reply.get();
        Optional<byte[]> encoded;
        try {
            encoded = WebhookReply.encode(method, route.replyDefaults());
        } catch (RuntimeException e) {
            LOG.warn("Webhook {}: could not write the reply {} into the response ({}); sending it as a call",
                    pathOf(route), method.methodName(), e.getMessage());
            encoded = Optional.empty();
        }
        if (encoded.isEmpty()) {
            unsent(route, method);
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        byte[] json = encoded.get();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, json);
    }

    /**
     * Waits for the reply. When the wait ends first the future is cancelled, which tells the application to send
     * a later reply as a normal call; if cancelling fails, the reply arrived in that instant and is used.
     */
    private static Optional<ApiMethod<?>> awaitReply(CompletableFuture<Optional<ApiMethod<?>>> future,
                                                      Duration wait) {
        try {
            return future.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (future.cancel(false)) {
                return Optional.empty();
            }
            return future.isCompletedExceptionally() ? Optional.empty() : future.join();
        } catch (ExecutionException | CancellationException e) {
            // Processing failed; the application reported it. The update was taken, so it is confirmed.
            return Optional.empty();
        }
    }

    private static void unsent(WebhookRoute route, ApiMethod<?> method) {
        if (route.unsentReplies() == null) {
            LOG.warn("Webhook {}: the reply {} uploads files and cannot travel in the response, and the route has "
                    + "no unsentReplies consumer; it was dropped", pathOf(route), method.methodName());
            return;
        }
        try {
            route.unsentReplies().accept(method);
        } catch (RuntimeException e) {
            LOG.error("Webhook {}: sending the reply {} as a call failed", pathOf(route), method.methodName(), e);
        }
    }

    private static void refused(HttpExchange exchange, WebhookRoute route, Update update) throws IOException {
        // 503 makes Telegram deliver the update again later: it is not lost.
        LOG.warn("Webhook {}: the update sink refused update {} (stopped); answered 503 so Telegram redelivers it",
                pathOf(route), update.updateId());
        text(exchange, 503, "Not accepting updates now; retry later");
    }

    /**
     * {@code application/json}, optionally with {@code charset=utf-8}. python-telegram-bot accepts only the exact
     * string; a charset parameter naming UTF-8 is equally valid JSON, so it is accepted here too.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        if (!type.equalsIgnoreCase("application/json")) {
            return false;
        }
        if (semicolon < 0) {
            return true;
        }
        for (String parameter : contentType.substring(semicolon + 1).split(";")) {
            String p = parameter.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (!p.startsWith("charset=")) {
                return false;
            }
            String charset = p.substring("charset=".length()).replace("\"", "");
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                return false;
            }
        }
        return true;
    }

    /** The body, or null when it is larger than {@code max} (then it is not read further). */
    private static byte[] readBody(HttpExchange exchange, long max) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > max) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        InputStream in = exchange.getRequestBody();
        int limit = (int) Math.min(max, Integer.MAX_VALUE - 8);
        byte[] buffer = new byte[(int) Math.min(limit + 1L, READ_CHUNK)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > limit) {
                    return null;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1L, (long) length * 2));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
            if (length > limit) {
                return null;
            }
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a response with a body and closes the response stream at once: closing the exchange first drains an
     * unread request body, which would hold the answer back from a client that never sends the body it announced.
     */
    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static boolean isNullLiteral(byte[] body) {
        int start = 0;
        int end = body.length;
        while (start < end && Character.isWhitespace(body[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(body[end - 1])) {
            end--;
        }
        return end - start == 4 && body[start] == 'n' && body[start + 1] == 'u' && body[start + 2] == 'l'
                && body[start + 3] == 'l';
    }

    private static String pathOf(WebhookRoute route) {
        return route.path().isEmpty() ? "/" : route.path();
    }

    private static String shorten(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        return message.length() <= 300 ? message : message.substring(0, 300) + "...";
    }
}
