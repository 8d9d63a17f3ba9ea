package dev.telescale.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.CallbackQueryRecord;
import dev.telescale.testkit.state.WebhookConfig;
import java.util.Optional;

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

    /** The webhook URL set by the bot, if any. */
    public Optional<String> webhookUrl() {
        return Optional.ofNullable(account.updates().webhook()).map(WebhookConfig::url);
    }

    /** The bot's answer (answerCallbackQuery parameters) to a callback query, if it answered. */
    public Optional<ObjectNode> callbackAnswer(String callbackQueryId) {
        CallbackQueryRecord query = account.callbackQueries().get(callbackQueryId);
        return query == null ? Optional.empty() : Optional.ofNullable(query.answer());
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
