package dev.telescale.testkit.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.testkit.AcceptedMessage;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.FloodLimits;
import dev.telescale.testkit.TestApi;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodLimitTest {

    private static String text(long chatId) {
        return "{\"chat_id\":" + chatId + ",\"text\":\"x\"}";
    }

    @Test
    void offByDefault() {
        try (BotApiEmulator emulator = TestApi.startEmulator()) {
            EmulatedBot bot = emulator.createBot("Fast");
            BotSide side = new BotSide(emulator, bot);
            long user = emulator.user("alice").id();
            for (int i = 0; i < 40; i++) {
                side.call("sendMessage", text(user));
            }
            assertEquals(0, emulator.floodLimitHits());
            assertTrue(emulator.acceptedMessages().isEmpty());
        }
    }

    @Test
    void aGroupTakesItsLimitPerMinuteThen429WithRetryAfter() {
        try (BotApiEmulator emulator = TestApi.builder()
                .enforceFloodLimits(FloodLimits.telegramDefaults().withPerMinutePerGroup(3)).start()) {
            EmulatedBot bot = emulator.createBot("Fast");
            EmulatedChat group = emulator.group("G", emulator.user("alice")).add(bot);
            BotSide side = new BotSide(emulator, bot);
            for (int i = 0; i < 3; i++) {
                side.call("sendMessage", text(group.id()));
            }
            TestApi.Answer refused = side.answer("sendMessage", text(group.id()));
            assertEquals(429, refused.status());
            int retryAfter = refused.json().path("parameters").path("retry_after").asInt();
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "retry_after " + retryAfter);
            assertEquals("Too Many Requests: retry after " + retryAfter, refused.description());
            assertEquals(1, emulator.floodLimitHits());
            List<AcceptedMessage> accepted = emulator.acceptedMessages();
            assertEquals(3, accepted.size());
            assertEquals(group.id(), accepted.getFirst().chatId());
            assertEquals(3, group.botMessages().size(), "the refused message was not sent");
            side.call("sendChatAction", "{\"chat_id\":" + group.id() + ",\"action\":\"typing\"}");
        }
    }

    @Test
    void theOverallLimitCountsEveryChatOfTheBot() {
        try (BotApiEmulator emulator = TestApi.builder().enforceFloodLimits(new FloodLimits(2, 0, 0, 1000)).start()) {
            EmulatedBot bot = emulator.createBot("Fast");
            BotSide side = new BotSide(emulator, bot);
            side.call("sendMessage", text(emulator.user("a").id()));
            side.call("sendMessage", text(emulator.user("b").id()));
            TestApi.Answer third = side.answer("sendMessage", text(emulator.user("c").id()));
            // Sent back to back, the third is refused unless a whole second passed since the first.
            AcceptedMessage first = emulator.acceptedMessages().getFirst();
            if (System.nanoTime() - first.nanoTime() < 900_000_000L) {
                assertEquals(429, third.status());
                assertEquals(1, third.json().path("parameters").path("retry_after").asInt());
            }
            assertEquals(200, side.answer("sendMessage", "{\"chat_id\":" + emulator.user("d").id()
                    + ",\"text\":\"x\",\"allow_paid_broadcast\":true}").status(), "paid broadcasts have their own limit");
        }
    }

    @Test
    void privateChatsTakeOneMessagePerSecond() {
        try (BotApiEmulator emulator = TestApi.builder().enforceFloodLimits(FloodLimits.telegramDefaults()
                .withPerSecondPerPrivateChat(1)).start()) {
            EmulatedBot bot = emulator.createBot("Fast");
            BotSide side = new BotSide(emulator, bot);
            long alice = emulator.user("alice").id();
            side.call("sendMessage", text(alice));
            long sentAt = emulator.acceptedMessages().getFirst().nanoTime();
            TestApi.Answer second = side.answer("sendMessage", text(alice));
            if (System.nanoTime() - sentAt < 900_000_000L) {
                assertEquals(429, second.status());
            }
            side.call("sendMessage", text(emulator.user("bob").id()));
        }
    }
}
