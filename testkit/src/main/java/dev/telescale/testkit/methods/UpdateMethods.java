package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.json.RawJson;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.PendingUpdate;
import dev.telescale.testkit.state.UpdateQueue;
import dev.telescale.testkit.state.WebhookConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * getUpdates and the webhook methods. Parameter handling follows Telegram's server: limit is clamped to 1-100,
 * timeout to 0-50 seconds, allowed_updates is remembered until given again. Unlike Telegram, plain-http and
 * loopback webhook URLs are accepted, since the receiver is a local test server.
 */
final class UpdateMethods {

    private static final int MAX_POLL_SECONDS = 50;

    private UpdateMethods() {
    }

    static void register(Map<String, MethodHandler> table, BiConsumer<BotAccount, WebhookConfig> webhookStarted) {
        table.put("getUpdates", UpdateMethods::getUpdates);
        table.put("setWebhook", call -> setWebhook(call, webhookStarted));
        table.put("deleteWebhook", call -> {
            call.bot().updates().deleteWebhook(call.flag("drop_pending_updates"));
            return BooleanNode.TRUE;
        });
        table.put("getWebhookInfo", UpdateMethods::getWebhookInfo);
    }

    private static JsonNode getUpdates(MethodCall call) throws InterruptedException {
        long offset = call.longValue("offset", 0);
        int limit = Math.clamp(call.longValue("limit", 100), 1, 100);
        int timeout = Math.clamp(call.longValue("timeout", 0), 0, MAX_POLL_SECONDS);
        List<PendingUpdate> updates = call.bot().updates().pollPending(offset, limit, timeout * 1000L,
                allowedUpdates(call));
        // The stored JSON of each update, concatenated: nothing is serialised again.
        int size = 2 + Math.max(0, updates.size() - 1);
        for (PendingUpdate update : updates) {
            size += update.json().length;
        }
        byte[] result = new byte[size];
        int at = 0;
        result[at++] = '[';
        for (PendingUpdate update : updates) {
            if (at > 1) {
                result[at++] = ',';
            }
            byte[] json = update.json();
            System.arraycopy(json, 0, result, at, json.length);
            at += json.length;
        }
        result[at] = ']';
        return new RawJson(result);
    }

    private static List<String> allowedUpdates(MethodCall call) {
        JsonNode allowed = call.json("allowed_updates");
        if (allowed == null) {
            return null;
        }
        if (!allowed.isArray()) {
            throw BotApiError.badRequest("can't parse allowed_updates JSON array");
        }
        List<String> types = new ArrayList<>(allowed.size());
        for (JsonNode type : allowed) {
            types.add(type.asText());
        }
        return types;
    }

    private static JsonNode setWebhook(MethodCall call, BiConsumer<BotAccount, WebhookConfig> webhookStarted) {
        String url = call.string("url");
        UpdateQueue updates = call.bot().updates();
        boolean drop = call.flag("drop_pending_updates");
        if (url == null || url.isEmpty()) {
            updates.deleteWebhook(drop);
            return BooleanNode.TRUE;
        }
        validateUrl(url);
        String secret = call.string("secret_token");
        if (secret != null) {
            if (secret.isEmpty() || secret.length() > 256) {
                throw BotApiError.badRequest("secret token must be 1-256 characters long");
            }
            for (int i = 0; i < secret.length(); i++) {
                char c = secret.charAt(i);
                boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '_' || c == '-';
                if (!allowed) {
                    throw BotApiError.badRequest("secret token contains unallowed characters");
                }
            }
        }
        int maxConnections = Math.clamp(call.longValue("max_connections", 40), 1, 100);
        WebhookConfig config = updates.setWebhook(url, secret, maxConnections, call.string("ip_address"),
                call.files().containsKey("certificate"), allowedUpdates(call), drop);
        webhookStarted.accept(call.bot(), config);
        return BooleanNode.TRUE;
    }

    private static void validateUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw BotApiError.badRequest("bad webhook: an http(s) URL with a host must be provided for webhook");
            }
        } catch (URISyntaxException e) {
            throw BotApiError.badRequest("bad webhook: invalid webhook URL specified");
        }
    }

    private static JsonNode getWebhookInfo(MethodCall call) {
        BotAccount bot = call.bot();
        WebhookConfig webhook = bot.updates().webhook();
        ObjectNode info = Json.object();
        info.put("url", webhook == null ? "" : webhook.url());
        info.put("has_custom_certificate", webhook != null && webhook.hasCertificate());
        info.put("pending_update_count", bot.updates().pendingCount());
        if (webhook != null) {
            if (webhook.ipAddress() != null) {
                info.put("ip_address", webhook.ipAddress());
            }
            info.put("max_connections", webhook.maxConnections());
            List<String> allowed = bot.updates().allowedUpdates();
            if (!allowed.isEmpty()) {
                ArrayNode types = info.putArray("allowed_updates");
                allowed.forEach(types::add);
            }
        }
        if (bot.lastErrorMessage() != null) {
            info.put("last_error_date", bot.lastErrorDate());
            info.put("last_error_message", bot.lastErrorMessage());
        }
        return info;
    }
}
