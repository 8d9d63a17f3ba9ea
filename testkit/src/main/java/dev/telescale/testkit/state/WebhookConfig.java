package dev.telescale.testkit.state;

import java.util.List;

/**
 * A webhook a bot set with setWebhook.
 *
 * @param url            where updates are POSTed
 * @param secretToken    sent as X-Telegram-Bot-Api-Secret-Token, or null
 * @param maxConnections most deliveries in flight at once (1-100)
 * @param ipAddress      the ip_address parameter as given, or null
 * @param hasCertificate whether a certificate was uploaded
 * @param epoch          increases with every setWebhook/deleteWebhook, so deliveries of an old webhook stop
 */
public record WebhookConfig(String url, String secretToken, int maxConnections, String ipAddress,
                            boolean hasCertificate, long epoch) {

    /** The update types Telegram does not send unless asked for explicitly. */
    public static final List<String> OPT_IN_TYPES = List.of("chat_member", "message_reaction", "message_reaction_count");
}
