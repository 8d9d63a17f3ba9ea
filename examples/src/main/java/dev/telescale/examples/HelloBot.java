package dev.telescale.examples;

import dev.telescale.api.ChatId;
import dev.telescale.api.methods.GetUpdates;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import dev.telescale.bot.Bot;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The smallest useful program on the Bot client: it says who the bot is ({@code getMe}) and sends a message
 * ({@code sendMessage}). With {@code CHAT_ID} set it greets that chat; without it, it waits for the first
 * message anyone sends the bot and answers it, so a newcomer needs nothing but a token to see it work.
 *
 * <p>Environment: {@code BOT_TOKEN} (required), {@code TELEGRAM_API_BASE} (default Telegram's, e.g. the
 * emulator's or a local Bot API server's base URL), {@code CHAT_ID} (optional).
 */
public final class HelloBot {

    static final String GREETING = "Hello from Telescale!";

    private HelloBot() {}

    public static void main(String[] args) {
        String token = System.getenv("BOT_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set BOT_TOKEN to your bot's token (from @BotFather), e.g. BOT_TOKEN=123:abc");
            System.exit(2);
        }
        run(System.getenv(), System.out);
    }

    /** Runs the program with the given environment, reporting to {@code out}. */
    static void run(Map<String, String> env, PrintStream out) {
        var builder = Bot.builder().token(env.get("BOT_TOKEN"));
        String apiBase = env.get("TELEGRAM_API_BASE");
        if (apiBase != null && !apiBase.isBlank()) {
            builder.apiBaseUrl(apiBase);
        }
        Bot bot = builder.build();
        try {
            User me = bot.getMe();
            out.println("Logged in as @" + me.username().orElse(me.firstName()) + " (id " + me.id() + ")");
            String chatId = env.get("CHAT_ID");
            if (chatId != null && !chatId.isBlank()) {
                Message sent = bot.sendMessage(parseChatId(chatId), GREETING);
                out.println("Sent message " + sent.messageId() + " to chat " + sent.chat().id());
            } else {
                answerFirstMessage(bot, out);
            }
        } finally {
            bot.shutdown();
        }
    }

    private static ChatId parseChatId(String value) {
        try {
            return ChatId.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException notNumeric) {
            return ChatId.of(value.trim());
        }
    }

    private static void answerFirstMessage(Bot bot, PrintStream out) {
        out.println("Waiting for a message to the bot (Ctrl+C to stop)...");
        long offset = 0;
        while (true) {
            List<Update> updates = bot.getUpdates(GetUpdates.builder().offset(offset).timeout(30L).build());
            for (Update update : updates) {
                offset = update.updateId() + 1;
                var message = update.message();
                if (message.isPresent()) {
                    long chat = message.get().chat().id();
                    bot.sendMessage(ChatId.of(chat), GREETING);
                    out.println("Answered chat " + chat);
                    // Confirm the update so it is not delivered again on the next start.
                    bot.getUpdates(GetUpdates.builder().offset(offset).timeout(0L).build());
                    return;
                }
            }
        }
    }
}
