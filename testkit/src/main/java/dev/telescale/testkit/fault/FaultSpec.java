package dev.telescale.testkit.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Chooses the fault for the requests selected by {@link FaultPlan#next}; every method here registers the rule.
 */
public final class FaultSpec {

    private final FaultPlan plan;
    private final int times;
    private final String method;

    FaultSpec(FaultPlan plan, int times, String method) {
        this.plan = plan;
        this.times = times;
        this.method = method;
    }

    /** Answer a Telegram error envelope with this code (also the HTTP status) and description. */
    public void answer(int code, String description) {
        answer(code, description, null);
    }

    /** Answer a Telegram error envelope with ResponseParameters (retry_after, migrate_to_chat_id). */
    public void answer(int code, String description, ObjectNode parameters) {
        plan.add(times, method, new Fault.Answer(code, "application/json", Json.error(code, description, parameters)));
    }

    /** Answer 429 "Too Many Requests: retry after N" with parameters.retry_after = N. */
    public void retryAfter(int seconds) {
        error(BotApiError.retryAfter(seconds));
    }

    /** Answer 400 "group chat was upgraded to a supergroup chat" with parameters.migrate_to_chat_id. */
    public void migrateToChat(long newChatId) {
        error(BotApiError.migrated(newChatId));
    }

    /** Answer with an arbitrary status and body, e.g. a proxy's HTML 502 page. */
    public void raw(int status, String contentType, String body) {
        plan.add(times, method, new Fault.Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Close the connection without answering; the call is recorded but not executed. */
    public void closeConnection() {
        plan.add(times, method, new Fault.CloseConnection());
    }

    /** Execute the call but send only half of the response body, then close the connection. */
    public void truncateBody() {
        plan.add(times, method, new Fault.TruncateBody());
    }

    /** Wait before executing and answering normally. */
    public void delay(Duration delay) {
        plan.add(times, method, new Fault.Delay(delay));
    }

    private void error(BotApiError error) {
        plan.add(times, method, new Fault.Answer(error.code(), "application/json", error.toJsonBytes()));
    }
}
