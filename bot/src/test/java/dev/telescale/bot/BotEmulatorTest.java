package dev.telescale.bot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.ChatId;
import dev.telescale.api.InputFile;
import dev.telescale.api.errors.ChatMigrated;
import dev.telescale.api.errors.Conflict;
import dev.telescale.api.errors.InvalidResponse;
import dev.telescale.api.errors.NetworkError;
import dev.telescale.api.errors.RetryAfter;
import dev.telescale.api.errors.TimedOut;
import dev.telescale.api.errors.Unauthorized;
import dev.telescale.api.methods.SendMediaGroup;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.File;
import dev.telescale.api.types.InputMediaPhoto;
import dev.telescale.api.types.LinkPreviewOptions;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import dev.telescale.testkit.StoredFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bot with generated request classes against the testkit's Bot API emulator, over real HTTP. */
class BotEmulatorTest {

    BotApiEmulator emulator;
    EmulatedBot emulated;
    EmulatedUser alice;
    Bot bot;

    @BeforeEach
    void start() {
        emulator = BotApiEmulator.start();
        emulated = emulator.createBot("EchoBot");
        alice = emulator.user("alice");
        bot = build(Bot.builder());
    }

    Bot build(Bot.Builder b) {
        return b.token(emulated.token()).apiBaseUrl(emulator.serverUrl()).fileBaseUrl(emulator.serverUrl() + "file")
                .build();
    }

    @AfterEach
    void stop() {
        bot.shutdown();
        emulator.close();
    }

    @Test
    void getMeAndSendMessageRoundTrip() {
        assertEquals(emulated.id(), bot.getMe().id());
        assertTrue(bot.getMe().isBot());
        Message sent = bot.sendMessage(ChatId.of(alice.id()), "hello");
        assertEquals("hello", sent.text().orElseThrow());
        assertEquals("hello", emulator.awaitCall("sendMessage", Duration.ofSeconds(5)).string("text"));
    }

    @Test
    void getUpdatesLongPollReturnsWhatUsersSend() throws Exception {
        CompletableFuture<List<Update>> poll = bot.executeAsync(
                dev.telescale.api.methods.GetUpdates.builder().timeout(30L).build());
        emulated.awaitWaitingPoll(Duration.ofSeconds(20));   // the update then wakes the poll
        alice.sendText(emulated, "ping");
        List<Update> updates = poll.get(5, TimeUnit.SECONDS);
        assertEquals(1, updates.size());
        assertEquals("ping", updates.get(0).message().orElseThrow().text().orElseThrow());
    }

    @Test
    void secondPollerGetsConflict() throws Exception {
        CompletableFuture<List<Update>> first = bot.executeAsync(
                dev.telescale.api.methods.GetUpdates.builder().timeout(30L).build());
        emulated.awaitWaitingPoll(Duration.ofSeconds(20));   // the second poll then terminates the first
        Bot other = build(Bot.builder());
        try {
            CompletableFuture<List<Update>> second = other.executeAsync(
                    dev.telescale.api.methods.GetUpdates.builder().timeout(1L).build());
            Throwable failure = null;
            try {
                first.get(10, TimeUnit.SECONDS);
                second.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause();
            }
            Conflict c = assertInstanceOf(Conflict.class, failure);
            assertTrue(c.getMessage().contains("another getUpdates poller"), c.getMessage());
        } finally {
            other.shutdown();
        }
    }

    @Test
    void wrongTokenIsUnauthorizedAndNotShown() {
        Bot stranger = Bot.builder().token("42:AAnotTheRightTokenAtAll_-").apiBaseUrl(emulator.serverUrl()).build();
        try {
            Unauthorized e = assertThrows(Unauthorized.class, stranger::getMe);
            assertFalse(e.getMessage().contains("AAnotTheRightToken"), e.getMessage());
        } finally {
            stranger.shutdown();
        }
    }

    @Test
    void defaultsAreMergedIntoGeneratedRequestsTriState() {
        Defaults d = Defaults.builder().parseMode("HTML").protectContent(true)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).preferSmallMedia(true).build())
                .build();
        Bot withDefaults = build(Bot.builder().defaults(d));
        try {
            withDefaults.sendMessage(ChatId.of(alice.id()), "<b>x</b>");
            RecordedCall plain = emulator.awaitCall("sendMessage", Duration.ofSeconds(5));
            assertEquals("HTML", plain.string("parse_mode"));
            assertTrue(plain.param("protect_content").asBoolean());
            assertTrue(plain.param("link_preview_options").get("is_disabled").asBoolean());

            withDefaults.execute(SendMessage.builder().chatId(alice.id()).text("x").parseMode(null)
                    .protectContent(false)
                    .linkPreviewOptions(LinkPreviewOptions.builder().url("https://example.org").build()).build());
            RecordedCall explicit = emulator.awaitCall("sendMessage", Duration.ofSeconds(5));
            JsonNode parseMode = explicit.param("parse_mode");
            assertTrue(parseMode == null || parseMode.isNull() || parseMode.isMissingNode(),
                    "explicit null is 'none', not the default: " + parseMode);
            assertFalse(explicit.param("protect_content").asBoolean());
            JsonNode lpo = explicit.param("link_preview_options");
            assertEquals("https://example.org", lpo.get("url").asText());
            assertTrue(lpo.get("is_disabled").asBoolean(), "unset fields come from the default options: " + lpo);
            assertTrue(lpo.get("prefer_small_media").asBoolean(), lpo.toString());
        } finally {
            withDefaults.shutdown();
        }
    }

    @Test
    void uploadsReachTheEmulatorAsFiles() {
        byte[] photo = "fake-jpeg-bytes".getBytes(StandardCharsets.UTF_8);
        Message m = bot.sendPhoto(ChatId.of(alice.id()), InputFile.of(photo, "p.jpg"));
        assertFalse(m.photo().isEmpty());
        RecordedCall call = emulator.awaitCall("sendPhoto", Duration.ofSeconds(5));
        assertArrayEquals(photo, call.files().get("photo").bytes());

        byte[] a = "A".getBytes(StandardCharsets.UTF_8);
        byte[] b = "B".getBytes(StandardCharsets.UTF_8);
        List<Message> group = bot.execute(SendMediaGroup.builder().chatId(alice.id()).media(
                InputMediaPhoto.builder().media(InputFile.of(a, "a.jpg")).caption("one").build(),
                InputMediaPhoto.builder().media(InputFile.of(b, "b.jpg")).build()).build());
        assertEquals(2, group.size());
        RecordedCall mg = emulator.awaitCall("sendMediaGroup", Duration.ofSeconds(5));
        assertEquals(2, mg.files().size());
    }

    @Test
    void getFileThenDownload() {
        byte[] content = "the document".getBytes(StandardCharsets.UTF_8);
        StoredFile stored = emulator.registerFile(content, "doc.txt", "text/plain");
        File file = bot.getFile(stored.fileId());
        assertArrayEquals(content, bot.downloadFileBytes(file));
    }

    @Test
    void emulatorFaultsMapToExceptions() {
        ChatId chat = ChatId.of(alice.id());
        emulator.faults().next(1, "sendMessage").answer(502, "Bad Gateway");
        assertEquals(502, assertThrows(NetworkError.class, () -> bot.sendMessage(chat, "x")).errorCode());
        emulator.faults().next(1, "sendMessage").retryAfter(3);
        assertEquals(Duration.ofSeconds(3),
                assertThrows(RetryAfter.class, () -> bot.sendMessage(chat, "x")).retryAfter());
        emulator.faults().next(1, "sendMessage").migrateToChat(-1001234);
        assertEquals(-1001234L, assertThrows(ChatMigrated.class, () -> bot.sendMessage(chat, "x")).newChatId());
        emulator.faults().next(1, "sendMessage").raw(502, "text/html", "<html>bad gateway</html>");
        assertThrows(NetworkError.class, () -> bot.sendMessage(chat, "x"));
        emulator.faults().next(1, "sendMessage").raw(200, "text/html", "<html>portal</html>");
        assertThrows(InvalidResponse.class, () -> bot.sendMessage(chat, "x"));
        // A keep-alive connection closed before any answer byte: the retry rule sends once more on a new connection.
        emulator.faults().next(1, "sendMessage").closeConnection();
        assertEquals("retried", bot.sendMessage(chat, "retried").text().orElseThrow());
        // Closed again on the new connection: no second retry.
        emulator.faults().next(2, "sendMessage").closeConnection();
        NetworkError closed = assertThrows(NetworkError.class, () -> bot.sendMessage(chat, "x"));
        assertTrue(closed.getMessage().contains("closed the connection"), closed.getMessage());
        emulator.faults().next(1, "sendMessage").truncateBody();
        assertThrows(InvalidResponse.class, () -> bot.sendMessage(chat, "x"));
        Bot impatient = build(Bot.builder().readTimeout(Duration.ofMillis(300)));
        try {
            emulator.faults().next(1, "sendMessage").delay(Duration.ofSeconds(2));
            assertThrows(TimedOut.class, () -> impatient.sendMessage(chat, "x"));
        } finally {
            impatient.shutdown();
        }
        assertEquals("ok", bot.sendMessage(chat, "ok").text().orElseThrow(), "the bot recovers after faults");
    }
}
