package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A query the emulator sent to a bot that waits for the bot's answer: an inline query, a shipping query or a
 * pre-checkout query. Telegram accepts one answer, within a deadline; {@code onAnswered} runs once with the answer's
 * parameters (e.g. an approved pre-checkout query posts the successful_payment message).
 */
public final class PendingQuery {

    private final String kind;
    private final ObjectNode query;
    private final long createdMillis;
    private final Consumer<ObjectNode> onAnswered;
    private final CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
    /** Taken by the first answer; the future completes only after its effect ran. */
    private final AtomicBoolean claimed = new AtomicBoolean();

    /**
     * @param kind          the update type, e.g. "inline_query"
     * @param query         the query JSON sent to the bot
     * @param createdMillis when it was sent, by the world's clock
     * @param onAnswered    run with the answer's parameters once answered (may be null)
     */
    public PendingQuery(String kind, ObjectNode query, long createdMillis, Consumer<ObjectNode> onAnswered) {
        this.kind = kind;
        this.query = query;
        this.createdMillis = createdMillis;
        this.onAnswered = onAnswered;
    }

    public String kind() {
        return kind;
    }

    /** The query JSON; do not modify. */
    public ObjectNode query() {
        return query;
    }

    public String id() {
        return query.path("id").asText();
    }

    public long createdMillis() {
        return createdMillis;
    }

    /**
     * Stores the answer; false when it was answered before. {@code onAnswered} runs before the answer is published,
     * so whoever sees the answer also sees its effect (an approved payment's successful_payment message).
     */
    public boolean answer(ObjectNode params) {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        try {
            if (onAnswered != null) {
                onAnswered.accept(params);
            }
        } finally {
            answer.complete(params);
        }
        return true;
    }

    /** The answer (completes once answered, after its effect). */
    public CompletableFuture<ObjectNode> answer() {
        return answer;
    }
}
