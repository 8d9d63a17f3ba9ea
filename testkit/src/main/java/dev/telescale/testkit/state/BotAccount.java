package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's state of one bot: identity (token, User JSON), its update queue, its webhook error record, the
 * callback queries waiting for an answer and the commands it set. The token is kept out of {@code toString}.
 */
public final class BotAccount {

    private final long id;
    private final String token;
    private final ObjectNode user;
    private final UpdateQueue updates;
    private final Map<String, CallbackQueryRecord> callbackQueries = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> commands = new ConcurrentHashMap<>();
    private final Map<String, PendingQuery> queries = new ConcurrentHashMap<>();
    private volatile long lastErrorDate;
    private volatile String lastErrorMessage;

    public BotAccount(long id, String token, ObjectNode user) {
        this.id = id;
        this.token = token;
        this.user = user;
        this.updates = new UpdateQueue(1);
    }

    public long id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** The bot's User object; do not modify. */
    public ObjectNode user() {
        return user;
    }

    public String username() {
        return user.path("username").asText();
    }

    public UpdateQueue updates() {
        return updates;
    }

    /** Callback queries sent to this bot, by id. */
    public Map<String, CallbackQueryRecord> callbackQueries() {
        return callbackQueries;
    }

    /** Inline, shipping and pre-checkout queries sent to this bot, by id. */
    public Map<String, PendingQuery> queries() {
        return queries;
    }

    /** Commands set with setMyCommands, by scope and language key. */
    public Map<String, JsonNode> commands() {
        return commands;
    }

    /** Records a failed webhook delivery for getWebhookInfo. */
    public void webhookFailed(long epochSeconds, String message) {
        lastErrorMessage = message;
        lastErrorDate = epochSeconds;
    }

    public long lastErrorDate() {
        return lastErrorDate;
    }

    public String lastErrorMessage() {
        return lastErrorMessage;
    }

    @Override
    public String toString() {
        return "BotAccount[id=" + id + ", username=" + username() + "]";
    }
}
