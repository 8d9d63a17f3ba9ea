package dev.telescale.core.webhook;

import dev.telescale.api.ApiMethod;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One update request to a route, from the checks to the answer: the checks and statuses of python-telegram-bot's
 * webhook handler (with the differences {@link WebhookServer} lists), the body read without blocking a thread
 * while it arrives, then parsing and hand-over to the route's sink without blocking (on a virtual thread only when
 * the sink's queue is full and the hand-over has to wait), and the webhook reply
 * written when the reply future completes (or the route's reply wait ends), from whichever thread completes it. The route counts the request in flight
 * until the response has been written.
 */
final class WebhookExchange {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookExchange.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final byte[] EMPTY = new byte[0];
    private static final int FIRST_BUFFER = 8192;

    private final RouteState state;
    private final WebhookRoute route;
    private final Request request;
    private final Response response;
    private final Callback done;
    private final Executor blocking;
    private byte[] body = EMPTY;
    private int length;
    private int limit;

    WebhookExchange(RouteState state, Request request, Response response, Callback callback, Executor blocking) {
        this.state = state;
        this.route = state.route;
        this.request = request;
        this.response = response;
        this.done = Callback.from(callback, state::exit);
        this.blocking = blocking;
    }

    /** Checks the head, then reads the body; the route was entered by the caller and is exited with the answer. */
    void start() {
        try {
            if (!request.getMethod().equals("POST")) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
                text(405, "Method Not Allowed");
                return;
            }
            if (state.secret != null) {
                String given = request.getHeaders().get(SECRET_HEADER);
                if (given == null) {
                    text(403, "Request did not include the secret token");
                    return;
                }
                if (!MessageDigest.isEqual(state.secret, given.getBytes(StandardCharsets.UTF_8))) {
                    text(403, "Request had the wrong secret token");
                    return;
                }
            }
            if (!isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
                text(403, "Content-Type must be application/json");
                return;
            }
            long declared = request.getLength();
            if (declared > route.maxBodyBytes()) {
                tooLarge();
                return;
            }
            limit = (int) Math.min(route.maxBodyBytes(), Integer.MAX_VALUE - 8);
            body = new byte[declared >= 0 ? (int) declared : Math.min(limit, FIRST_BUFFER)];
            read();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Reads what has arrived; when nothing has, asks Jetty to call again once more does (no thread waits). */
    private void read() {
        try {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(Invocable.from(Invocable.InvocationType.NON_BLOCKING, this::read));
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    readFailed(chunk.getFailure(), !chunk.isLast());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                if (n > 0) {
                    if ((long) length + n > limit) {
                        chunk.release();
                        tooLarge();
                        return;
                    }
                    if (length + n > body.length) {
                        body = Arrays.copyOf(body, (int) Math.min(limit, Math.max(2L * body.length, length + n)));
                    }
                    bytes.get(body, length, n);
                    length += n;
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    byte[] json = length == body.length ? body : Arrays.copyOf(body, length);
                    // Parsed here, and handed over here when the sink takes it without blocking; only a full
                    // queue moves the hand-over to a virtual thread (see deliver).
                    received(json);
                    return;
                }
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void readFailed(Throwable failure, boolean idleTimeout) {
        if (idleTimeout || failure instanceof TimeoutException) {
            // The client announced a body and stopped sending it: answer, and Jetty closes the connection
            // (the rest of the body will not come).
            LOG.debug("Webhook {}: the body from {} did not arrive within the idle timeout", pathOf(route),
                    request.getConnectionMetaData().getRemoteSocketAddress());
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            text(408, "The request body did not arrive in time");
            return;
        }
        LOG.debug("Webhook {}: reading the body from {} failed: {}", pathOf(route),
                request.getConnectionMetaData().getRemoteSocketAddress(), failure.toString());
        done.failed(failure);
    }

    private void received(byte[] json) {
        try {
            process(json);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void process(byte[] json) {
        if (isNullLiteral(json)) {
            // Nothing to process, as python-telegram-bot does.
            empty();
            return;
        }
        Update update;
        try {
            update = TelegramJson.parse(json, Update.class);
        } catch (RuntimeException e) {
            LOG.warn("Webhook {}: could not parse an update ({})", pathOf(route), e.getMessage());
            text(400, "Update could not be processed: " + shorten(e.getMessage()));
            return;
        }
        if (update == null) {
            text(400, "Update could not be processed: the body holds no update");
            return;
        }
        deliver(update);
    }

    /**
     * Hands the update over without blocking when the sink can (the usual case: the queue has room), on the
     * calling Jetty thread; otherwise on a virtual thread, where a full queue may block.
     */
    private void deliver(Update update) {
        boolean forReply = !route.replyWait().isZero();
        CompletableFuture<Optional<ApiMethod<?>>> future = null;
        try {
            if (forReply) {
                future = route.sink().trySubmitForReply(update);
            } else if (route.sink().trySubmit(update)) {
                empty();
                return;
            }
        } catch (IllegalStateException refused) {
            refused(update);
            return;
        }
        if (future != null) {
            awaitReply(future);
            return;
        }
        blocking.execute(() -> {
            try {
                submitBlocking(update, forReply);
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    private void submitBlocking(Update update, boolean forReply) {
        CompletableFuture<Optional<ApiMethod<?>>> future;
        try {
            if (!forReply) {
                route.sink().submit(update);
                empty();
                return;
            }
            future = route.sink().submitForReply(update);
        } catch (IllegalStateException refused) {
            refused(update);
            return;
        }
        awaitReply(future);
    }

    private void awaitReply(CompletableFuture<Optional<ApiMethod<?>>> future) {
        if (future.isDone()) {
            answer(future);
            return;
        }
        // The wait is bounded by replyWait, not by the connection's idle timeout.
        request.addIdleTimeoutListener(timeout -> false);
        // When the wait ends first the future is cancelled, which tells the application to send a later reply as
        // a normal call; if cancelling fails, the reply arrived in that instant and is used.
        state.cancelAfterReplyWait(future, request.getComponents().getScheduler());
        future.whenComplete((reply, error) -> answer(future));
    }

    /** Answers with the completed future's reply; a future failed or cancelled answers 200 empty (update taken). */
    private void answer(CompletableFuture<Optional<ApiMethod<?>>> future) {
        try {
            Optional<ApiMethod<?>> reply = future.isCompletedExceptionally() ? Optional.empty() : future.join();
            if (reply == null || reply.isEmpty()) {
                empty();
                return;
            }
            ApiMethod<?> method = reply.get();
            Optional<byte[]> encoded;
            try {
                encoded = WebhookReplyEncoder.encode(method, route.replyDefaults(), route.replyCallbackData());
            } catch (RuntimeException e) {
                LOG.warn("Webhook {}: could not write the reply {} into the response ({}); sending it as a call",
                        pathOf(route), method.methodName(), e.getMessage());
                encoded = Optional.empty();
            }
            if (encoded.isEmpty()) {
                unsent(route, method);
                empty();
                return;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            WebhookHandler.send(response, done, 200, encoded.get());
        } catch (RuntimeException e) {
            fail(e);
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

    private void refused(Update update) {
        // 503 makes Telegram deliver the update again later: it is not lost.
        LOG.warn("Webhook {}: the update sink refused update {} (stopped); answered 503 so Telegram redelivers it",
                pathOf(route), update.updateId());
        text(503, "Not accepting updates now; retry later");
    }

    private void tooLarge() {
        text(413, "The body is larger than " + route.maxBodyBytes() + " bytes");
    }

    private void empty() {
        WebhookHandler.send(response, done, 200, EMPTY);
    }

    private void text(int status, String message) {
        WebhookHandler.text(response, done, status, message);
    }

    private void fail(RuntimeException e) {
        LOG.error("Webhook request failed", e);
        done.failed(e);
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
