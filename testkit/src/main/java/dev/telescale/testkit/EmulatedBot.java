package dev.telescale.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.CallbackQueryRecord;
import dev.telescale.testkit.state.WebhookConfig;
import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.testkit.state.PendingQuery;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A bot registered with the emulator: its token (give it to the bot under test), id, username and User JSON,
 * plus a view of its update queue and webhook. {@code toString} never shows the token.
 */
public final class EmulatedBot {

    private final BotAccount account;

    EmulatedBot(BotAccount account) {
        this.account = account;
    }

    /** The token, "id:secret". */
    public String token() {
        return account.token();
    }

    public long id() {
        return account.id();
    }

    public String username() {
        return account.username();
    }

    /** The User object getMe returns (a copy). */
    public ObjectNode user() {
        return account.user().deepCopy();
    }

    /** How many updates wait for the bot to confirm them. */
    public int pendingUpdateCount() {
        return account.updates().pendingCount();
    }

    /**
     * Waits until the bot has a getUpdates long poll waiting for updates. Recorded calls appear once they have run,
     * so a waiting poll is not among them yet: this is how a test knows the bot is polling.
     *
     * @throws AssertionError when no poll waits within the timeout
     */
    public void awaitWaitingPoll(Duration timeout) {
        try {
            if (!account.updates().awaitWaitingPoll(timeout.toNanos())) {
                throw new AssertionError("No getUpdates long poll of " + account.username() + " waited within "
                        + timeout + " (pending updates: " + pendingUpdateCount() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a long poll", e);
        }
    }

    /** The webhook URL set by the bot, if any. */
    public Optional<String> webhookUrl() {
        return Optional.ofNullable(account.updates().webhook()).map(WebhookConfig::url);
    }

    /** The bot's answer (answerCallbackQuery parameters) to a callback query, if it answered. */
    public Optional<ObjectNode> callbackAnswer(String callbackQueryId) {
        CallbackQueryRecord query = account.callbackQueries().get(callbackQueryId);
        return query == null ? Optional.empty() : Optional.ofNullable(query.answer());
    }

    /**
     * The bot's answer to an inline, shipping or pre-checkout query sent by a user action, as the call it made
     * (answerInlineQuery, answerShippingQuery or answerPreCheckoutQuery; type it with {@link RecordedCall#as}).
     */
    public Optional<RecordedCall> answerTo(JsonNode query) {
        PendingQuery pending = pending(query);
        ObjectNode answer = pending.answer().getNow(null);
        return answer == null ? Optional.empty() : Optional.of(call(pending, answer));
    }

    /**
     * Waits for the bot's answer to an inline, shipping or pre-checkout query.
     *
     * @throws AssertionError when it does not answer in time
     */
    public RecordedCall awaitAnswerTo(JsonNode query, Duration timeout) {
        PendingQuery pending = pending(query);
        try {
            return call(pending, pending.answer().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            throw new AssertionError("The bot did not answer the " + pending.kind() + " " + pending.id() + " within "
                    + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private PendingQuery pending(JsonNode query) {
        PendingQuery pending = account.queries().get(query.path("id").asText());
        if (pending == null) {
            throw new IllegalArgumentException("Not a query this bot was sent: " + query);
        }
        return pending;
    }

    private RecordedCall call(PendingQuery pending, ObjectNode answer) {
        String method = switch (pending.kind()) {
            case "inline_query" -> "answerInlineQuery";
            case "shipping_query" -> "answerShippingQuery";
            default -> "answerPreCheckoutQuery";
        };
        return new RecordedCall(account.id(), method, answer.deepCopy(), Map.of());
    }

    BotAccount account() {
        return account;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmulatedBot other && other.account == account;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(account.id());
    }

    @Override
    public String toString() {
        return "EmulatedBot[id=" + id() + ", username=" + username() + "]";
    }
}
