package dev.telescale.core.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty handler of a {@link WebhookServer}: routes each request by path to the health answer, a 404, a 503
 * for a route that is being removed, or a {@link WebhookExchange} for the route. Declared non-blocking, so Jetty
 * may call it on the thread that parsed the request: it and the exchange's checks and body reads never block;
 * what may (handing the update to a full application queue) runs on the server's virtual threads.
 */
final class WebhookHandler extends Handler.Abstract {

    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, RouteState> routes;
    private final String healthPath;
    private final Executor blocking;

    WebhookHandler(Map<String, RouteState> routes, String healthPath, Executor blocking) {
        super(InvocationType.NON_BLOCKING);
        this.routes = routes;
        this.healthPath = healthPath;
        this.blocking = blocking;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = WebhookRoute.normalisePath(request.getHttpURI().getPath());
        if (healthPath != null && path.equals(healthPath)) {
            health(request, response, callback);
            return true;
        }
        RouteState state = routes.get(path);
        if (state == null) {
            text(response, callback, 404, "Not Found");
            return true;
        }
        if (!state.enter()) {
            text(response, callback, 503, "This webhook is shutting down; retry later");
            return true;
        }
        new WebhookExchange(state, request, response, callback, blocking).start();
        return true;
    }

    private static void health(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            text(response, callback, 405, "Method Not Allowed");
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (method.equals("HEAD")) {
            response.setStatus(200);
            callback.succeeded();
            return;
        }
        send(response, callback, 200, OK);
    }

    static void text(Response response, Callback callback, int status, String message) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        send(response, callback, status, message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the whole response at once. A request body left unread (a 413, or a refusal before reading) is
     * discarded by Jetty afterwards, or the connection is closed when the client does not send it.
     */
    static void send(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
