package dev.telescale.benchmarks;

import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import java.io.IOException;
import java.io.InputStream;

/**
 * The Bot API emulator of the round-trip benchmark, run in a JVM of its own so that the benchmark's allocation figure
 * ({@code gc.alloc.rate.norm}) counts the client only, not the server answering it.
 *
 * <p>It creates one bot and one user, prints {@code READY <serverUrl> <token> <chatId>} on one line, and from then on
 * keeps the bot's update queue filled: whenever fewer than {@link #LOW_WATER} updates are pending, the user sends
 * {@link #REFILL} more text messages ("/start ..." with its bot_command entity, like the parse fixture), through the
 * emulator's own user-facing API. Every library therefore finds the same kind of update waiting and pays the same
 * (zero) injection cost on its own thread. The process ends when its standard input closes, i.e. when the benchmark
 * JVM that started it ends or closes the pipe.
 */
public final class EmulatorProcess {

    static final String READY = "READY";
    static final String MESSAGE_TEXT = "/start Hello from the rabbit hole";
    private static final int LOW_WATER = 2_000;
    private static final int REFILL = 2_000;

    private EmulatorProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (BotApiEmulator emulator = BotApiEmulator.builder().recordCalls(false).messageHistoryLimit(1_000).start()) {
            EmulatedBot bot = emulator.createBot("BenchBot");
            EmulatedUser alice = emulator.user("alice");
            EmulatedChat chat = alice.chatWith(bot);
            Thread refill = Thread.ofPlatform().daemon().name("refill").start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        if (bot.pendingUpdateCount() < LOW_WATER) {
                            for (int i = 0; i < REFILL; i++) {
                                alice.sendText(chat, MESSAGE_TEXT);
                            }
                        } else {
                            Thread.sleep(2);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // Fill before announcing, so the first measured call already finds updates.
            while (bot.pendingUpdateCount() < LOW_WATER) {
                Thread.sleep(1);
            }
            System.out.println(READY + " " + emulator.serverUrl() + " " + bot.token() + " " + chat.id());
            System.out.flush();
            awaitEndOfInput(System.in);
            refill.interrupt();
        }
    }

    private static void awaitEndOfInput(InputStream in) throws IOException {
        byte[] sink = new byte[64];
        while (in.read(sink) >= 0) {
            // Nothing is sent on the pipe; it only tells this process when its parent is gone.
        }
    }
}
