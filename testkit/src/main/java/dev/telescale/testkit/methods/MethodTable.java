package dev.telescale.testkit.methods;

import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.WebhookConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The methods the emulator simulates, by canonical name. Methods missing here are answered by the emulator's
 * fallback (a test's canned response, true for Boolean methods, or a "not simulated" error).
 */
public final class MethodTable {

    private final Map<String, MethodHandler> handlers;

    /**
     * @param webhookStarted called after setWebhook stored a webhook, to start delivering to it
     */
    public MethodTable(BiConsumer<BotAccount, WebhookConfig> webhookStarted) {
        Map<String, MethodHandler> table = new HashMap<>();
        SendMethods.register(table);
        MessageMethods.register(table);
        UpdateMethods.register(table, webhookStarted);
        ChatMethods.register(table);
        QueryMethods.register(table);
        this.handlers = Map.copyOf(table);
    }

    /** The simulation of a method, or null. */
    public MethodHandler get(String canonicalName) {
        return handlers.get(canonicalName);
    }

    /** The names of the simulated methods. */
    public Set<String> names() {
        return handlers.keySet();
    }
}
