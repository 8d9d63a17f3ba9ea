package dev.telescale.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.telescale.api.ApiParseException;
import dev.telescale.api.ChatId;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.ChatMember;
import dev.telescale.api.types.Update;
import dev.telescale.bot.text.Html;
import dev.telescale.core.Application;
import dev.telescale.core.ContextSeed;
import dev.telescale.core.ContextTypes;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.TypeHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A web server of one's own that feeds the application (PTB's {@code customwebhookbot.py}, there on Starlette; here
 * the JDK's {@code HttpServer}): Telegram posts updates to {@code /telegram}; {@code GET /healthcheck} says the bot
 * runs; {@code GET|POST /submitpayload?user_id=..&payload=..} queues a custom {@link WebhookUpdate}, which a
 * {@code TypeHandler} handles by telling the admin chat about the user's payloads so far (kept in that user's data,
 * which the {@link CustomContext} makes available for custom updates). {@code /start} explains the URLs.
 *
 * <p>The application is built with {@code noUpdater()} and gets its updates by {@code submit}. Answers of the server
 * as the original's: 200 with an empty body for updates, plain-text 200/400 for the custom routes, 404 "Not Found" for
 * other paths and 405 "Method Not Allowed" for other methods; a body that is not an update is answered 400 here
 * (Starlette answers 500).
 *
 * <p>Environment: {@code BOT_TOKEN}, {@code TELEGRAM_API_BASE}, {@code WEBHOOK_URL} (required: the public base
 * URL of this server, e.g. {@code https://domain.tld}), {@code ADMIN_CHAT_ID} (required), {@code PORT} (8000); the
 * server listens on 127.0.0.1, behind your reverse proxy.
 */
public final class CustomWebhookBot implements AutoCloseable {

    /** A custom update: a payload a user submitted through {@code /submitpayload}. */
    public record WebhookUpdate(long userId, String payload) {
    }

    /** The default context, with the user data of the submitting user for {@link WebhookUpdate}s. */
    public static final class CustomContext extends DefaultContext {

        /** Builds the context for an update. */
        public CustomContext(ContextSeed<Map<String, Object>, Map<String, Object>, Map<String, Object>> seed) {
            super(seed);
        }

        @Override
        public Map<String, Object> userData() {
            if (update().orElse(null) instanceof WebhookUpdate custom) {
                // The Application derives the user only from Telegram updates; a custom one names its user itself.
                dataStore().markUser(custom.userId());
                return dataStore().userData(custom.userId());
            }
            return super.userData();
        }
    }

    private final Application<CustomContext> application;
    private final HttpServer server;

    private CustomWebhookBot(Application<CustomContext> application, HttpServer server) {
        this.application = application;
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        String url = Environment.require("WEBHOOK_URL", "the public base URL of this server, e.g. https://domain.tld");
        long adminChatId = Long.parseLong(Environment.require("ADMIN_CHAT_ID", "the chat id that gets the payloads"));
        String port = Environment.optional("PORT");
        CountDownLatch stopped = new CountDownLatch(1);
        try (CustomWebhookBot bot = start(Environment.botToken(), Environment.apiBaseUrl(), url, adminChatId,
                new InetSocketAddress("127.0.0.1", port == null ? 8000 : Integer.parseInt(port)))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
    }

    /**
     * Builds and starts the application, sets the webhook to {@code url + "/telegram"} and starts the server on
     * {@code listen}; {@link #close()} stops both.
     */
    public static CustomWebhookBot start(String token, String apiBaseUrl, String url, long adminChatId,
                                         InetSocketAddress listen) throws IOException {
        Application<CustomContext> app = Environment.builder(token, apiBaseUrl).noUpdater()
                .contextTypes(ContextTypes.of(CustomContext::new)).build();
        // Kept in the bot data, where the callbacks find them.
        @SuppressWarnings("unchecked")
        Map<String, Object> botData = (Map<String, Object>) app.data().botData();
        botData.put("url", url);
        botData.put("admin_chat_id", adminChatId);

        app.addHandler(new CommandHandler<CustomContext>("start", (update, context) -> {
            String base = (String) context.botData().get("url");
            String payloadUrl = Html.escape(base + "/submitpayload?user_id=<your user id>&payload=<payload>");
            context.replyHtml("To check if the bot is still running, call <code>" + base + "/healthcheck</code>.\n\n"
                    + "To post a custom update, call <code>" + payloadUrl + "</code>.");
        }));
        app.addHandler(new TypeHandler<WebhookUpdate, CustomContext>(WebhookUpdate.class, (update, context) -> {
            ChatMember member = context.bot().getChatMember(ChatId.of(update.userId()), update.userId());
            @SuppressWarnings("unchecked")
            List<String> payloads = (List<String>) context.userData()
                    .computeIfAbsent("payloads", key -> new CopyOnWriteArrayList<String>());
            payloads.add(update.payload());
            String text = "The user " + Html.mention(member.user()) + " has sent a new payload. "
                    + "So far they have sent the following payloads: \n\n• <code>"
                    + String.join("</code>\n• <code>", payloads) + "</code>";
            context.bot().sendMessage(b -> b.chatId(ChatId.of((Long) context.botData().get("admin_chat_id")))
                    .text(text).parseMode("HTML"));
        }));

        app.initialize();
        try {
            app.bot().setWebhook(b -> b.url(url + "/telegram"));
            app.start();
            HttpServer server = HttpServer.create(listen, 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> route(app, exchange));
            server.start();
            return new CustomWebhookBot(app, server);
        } catch (RuntimeException | IOException e) {
            app.shutdown();
            throw e;
        }
    }

    /** The address the server listens on (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The application the server feeds. */
    public Application<CustomContext> application() {
        return application;
    }

    /** Stops the server, then the application (handling what it already took), then shuts it down. */
    @Override
    public void close() {
        server.stop(1);
        application.stop();
        application.shutdown();
    }

    private static void route(Application<CustomContext> app, HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            switch (exchange.getRequestURI().getPath()) {
                case "/telegram" -> {
                    if (!method.equals("POST")) {
                        answer(exchange, 405, "Method Not Allowed");
                        return;
                    }
                    Update update;
                    try {
                        update = TelegramJson.parse(exchange.getRequestBody().readAllBytes(), Update.class);
                    } catch (ApiParseException e) {
                        answer(exchange, 400, "Not an update");
                        return;
                    }
                    app.submit(update);
                    exchange.sendResponseHeaders(200, -1);
                }
                case "/healthcheck" -> {
                    if (!method.equals("GET") && !method.equals("HEAD")) {
                        answer(exchange, 405, "Method Not Allowed");
                        return;
                    }
                    answer(exchange, 200, "The bot is still running fine :)");
                }
                case "/submitpayload" -> {
                    if (!Set.of("GET", "HEAD", "POST").contains(method)) {
                        answer(exchange, 405, "Method Not Allowed");
                        return;
                    }
                    submitPayload(app, exchange);
                }
                default -> answer(exchange, 404, "Not Found");
            }
        }
    }

    private static void submitPayload(Application<CustomContext> app, HttpExchange exchange) throws IOException {
        Map<String, String> query = queryParameters(exchange.getRequestURI().getRawQuery());
        String userId = query.get("user_id");
        String payload = query.get("payload");
        if (userId == null || payload == null) {
            answer(exchange, 400, "Please pass both `user_id` and `payload` as query parameters.");
            return;
        }
        long id;
        try {
            // Python's int(): surrounding blanks and single '_' between digits allowed.
            String digits = userId.strip();
            if (!digits.matches("[+-]?\\d(?:_?\\d)*")) {
                throw new NumberFormatException(digits);
            }
            id = Long.parseLong(digits.replace("_", ""));
        } catch (NumberFormatException e) {
            // The original's words, though it means "a number".
            answer(exchange, 400, "The `user_id` must be a string!");
            return;
        }
        app.submit(new WebhookUpdate(id, payload));
        answer(exchange, 200, "Thank you for the submission! It's being forwarded.");
    }

    /** Query parameters, the last value winning as in Starlette; blank values kept. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
