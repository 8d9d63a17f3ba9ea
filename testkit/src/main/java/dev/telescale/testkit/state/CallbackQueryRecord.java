package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A callback query the emulator sent to a bot, and the bot's answer once answerCallbackQuery came (Telegram
 * rejects a second answer).
 */
public final class CallbackQueryRecord {

    private final ObjectNode query;
    private final AtomicReference<ObjectNode> answer = new AtomicReference<>();

    public CallbackQueryRecord(ObjectNode query) {
        this.query = query;
    }

    /** The CallbackQuery JSON. */
    public ObjectNode query() {
        return query;
    }

    /** Stores the answer's parameters; false when it was answered before. */
    public boolean answer(ObjectNode params) {
        return answer.compareAndSet(null, params);
    }

    /** The answerCallbackQuery parameters, or null while unanswered. */
    public ObjectNode answer() {
        return answer.get();
    }
}
