package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomWebhookBotTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private BotApiEmulator emulator;
    private EmulatedBot emulated;
    private EmulatedChat adminChat;
    private CustomWebhookBot bot;
    private String url;

    @BeforeEach
    void start() throws IOException {
        emulator = BotApiEmulator.start();
        emulated = emulator.createBot("HookBot");
        adminChat = emulator.user("admin").chatWith(emulated);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        bot = CustomWebhookBot.start(emulated.token(), emulator.apiBaseUrl(), url, adminChat.id(),
                new InetSocketAddress("127.0.0.1", port));
    }

    @AfterEach
    void stop() {
        try {
            bot.close();
        } finally {
            emulator.close();
        }
    }

    @Test
    void setsTheWebhookAndExplainsTheUrlsOnStart() {
        assertEquals(url + "/telegram", emulated.webhookUrl().orElseThrow());
        EmulatedUser alice = emulator.user("alice");
        var start = alice.sendText(emulated, "/start");
        alice.chatWith(emulated).awaitBotMessageAfter(start, WAIT);
        RecordedCall reply = emulator.awaitCall("sendMessage", WAIT);
        assertEquals("To check if the bot is still running, call <code>" + url + "/healthcheck</code>.\n\n"
                + "To post a custom update, call <code>" + url
                + "/submitpayload?user_id=&lt;your user id&gt;&amp;payload=&lt;payload&gt;</code>.", reply.text());
        assertEquals("HTML", reply.string("parse_mode"));
    }

    @Test
    void forwardsEachUsersPayloadsToTheAdmin() throws Exception {
        EmulatedUser alice = emulator.user("alice");
        alice.chatWith(emulated);
        assertAnswer(200, "Thank you for the submission! It's being forwarded.",
                get("/submitpayload?user_id=" + alice.id() + "&payload=hello"));
        RecordedCall first = emulator.awaitCall("sendMessage", WAIT);
        assertEquals(Long.toString(adminChat.id()), first.chatId());
        assertEquals("HTML", first.string("parse_mode"));
        String mention = "<a href=\"tg://user?id=" + alice.id() + "\">alice</a>";
        assertEquals("The user " + mention + " has sent a new payload. So far they have sent the following payloads: "
                + "\n\n• <code>hello</code>", first.text());

        assertAnswer(200, "Thank you for the submission! It's being forwarded.", send("POST",
                "/submitpayload?user_id=" + alice.id() + "&payload=second+one"));
        assertEquals("The user " + mention + " has sent a new payload. So far they have sent the following payloads: "
                + "\n\n• <code>hello</code>\n• <code>second one</code>", emulator.awaitCall("sendMessage", WAIT).text());
    }

    @Test
    void answersTheOtherRoutesAsTheOriginal() throws Exception {
        assertAnswer(200, "The bot is still running fine :)", get("/healthcheck"));
        assertAnswer(400, "Please pass both `user_id` and `payload` as query parameters.", get("/submitpayload"));
        assertAnswer(400, "Please pass both `user_id` and `payload` as query parameters.",
                get("/submitpayload?user_id=1"));
        assertAnswer(400, "The `user_id` must be a string!", get("/submitpayload?user_id=abc&payload=x"));
        assertAnswer(400, "The `user_id` must be a string!", get("/submitpayload?user_id=1__2&payload=x"));
        assertAnswer(404, "Not Found", get("/elsewhere"));
        assertAnswer(405, "Method Not Allowed", send("POST", "/healthcheck"));
        assertAnswer(405, "Method Not Allowed", get("/telegram"));
        HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(URI.create(url + "/telegram"))
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, garbage.statusCode());
        assertEquals(0, emulator.calls("sendMessage").size(), "nothing reached the handlers");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).method(method,
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswer(int status, String body, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
    }
}
