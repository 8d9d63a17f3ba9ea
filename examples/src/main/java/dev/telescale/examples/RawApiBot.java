package dev.telescale.examples;

import dev.telescale.api.errors.Forbidden;
import dev.telescale.api.errors.NetworkError;
import dev.telescale.api.methods.GetUpdates;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.ReplyParameters;
import dev.telescale.api.types.Update;
import dev.telescale.bot.Bot;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The echo bot on the Bot client alone, without an Application (PTB's {@code rawapibot.py}): it polls
 * {@code getUpdates} itself and answers each text message with the same text. Like the original it handles one
 * update per poll (the rest of a batch comes again with the next poll), waits a second after a network error, and
 * skips an update whose answer is {@code Forbidden} (the user blocked the bot). It replies as PTB's
 * {@code reply_text}: quoting the message in groups, not in private chats.
 *
 * <p>As in the original, a {@code Forbidden} before any update id is known ends the program.
 */
public final class RawApiBot {

    private static final Logger log = LoggerFactory.getLogger(RawApiBot.class);

    private RawApiBot() {
    }

    public static void main(String[] args) throws InterruptedException {
        var builder = Bot.builder().token(Environment.botToken());
        String apiBase = Environment.apiBaseUrl();
        if (apiBase != null) {
            builder.apiBaseUrl(apiBase);
        }
        Bot bot = builder.build();
        try {
            run(bot);
        } finally {
            bot.shutdown();
        }
    }

    /** Echoes messages until the thread is interrupted. */
    public static void run(Bot bot) throws InterruptedException {
        // The first pending update, so that an update whose answer is Forbidden can be skipped.
        List<Update> pending = bot.getUpdates(GetUpdates.builder().build());
        Long updateId = pending.isEmpty() ? null : pending.getFirst().updateId();
        log.info("listening for new messages...");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                updateId = echo(bot, updateId);
            } catch (NetworkError e) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                Thread.sleep(1000);
            } catch (Forbidden e) {
                // The user removed or blocked the bot.
                if (updateId == null) {
                    throw e;
                }
                updateId++;
            }
        }
    }

    /** Answers the first of the updates after {@code updateId}; the id to poll from next. */
    private static Long echo(Bot bot, Long updateId) {
        GetUpdates.Builder poll = GetUpdates.builder().timeout(10L);
        if (updateId != null) {
            poll.offset(updateId);
        }
        for (Update update : bot.getUpdates(poll.build())) {
            long next = update.updateId() + 1;
            // Not every update has a message, and not every message has a text.
            Message message = update.message().orElse(null);
            if (message != null && message.text().isPresent()) {
                String text = message.text().get();
                log.info("Found message {}!", text);
                SendMessage.Builder reply = SendMessage.builder().chatId(message.chat().id()).text(text);
                if (!"private".equals(message.chat().type())) {
                    reply.replyParameters(ReplyParameters.builder().messageId(message.messageId()).build());
                }
                bot.execute(reply.build());
            }
            return next;
        }
        return updateId;
    }
}
