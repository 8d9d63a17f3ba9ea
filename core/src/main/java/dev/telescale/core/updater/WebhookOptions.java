package dev.telescale.core.updater;

import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.core.webhook.WebhookRoute;
import dev.telescale.core.webhook.WebhookServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Updater#startWebhook} receives updates, with python-telegram-bot's defaults where it has them
 * (listen 127.0.0.1, port 80, url path "", max_connections 40, no bootstrap retries). {@link #toString()} never
 * shows the secret token.
 *
 * @param listen             the address to bind
 * @param port               the port to bind; 0 picks a free one
 * @param urlPath            the path Telegram posts to; a leading '/' is added, a trailing one is optional. Keep
 *                           the bot token out of it: the secret token authenticates requests
 * @param tlsCert            PEM certificate (chain) for HTTPS, with {@code tlsKey}; also uploaded to Telegram in
 *                           {@code setWebhook} (for self-signed certificates); null = plain HTTP (behind a proxy).
 *                           With a shared {@code server} the files are only uploaded: the server's TLS is its own
 * @param tlsKey             PEM private key, unencrypted
 * @param webhookUrl         the URL given to {@code setWebhook}; null = {@code http(s)://listen:port/urlPath}
 * @param secretToken        the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token} (1-256 of
 *                           A-Z a-z 0-9 _ -); null = a random one made at start, so only Telegram can post
 * @param maxConnections     {@code max_connections} of {@code setWebhook} (1-100)
 * @param ipAddress          {@code ip_address} of {@code setWebhook}, or null
 * @param allowedUpdates     update types to receive, or null to keep Telegram's current setting
 * @param dropPendingUpdates whether updates that arrived before the start are discarded
 * @param bootstrapRetries   retries of {@code deleteWebhook}/{@code setWebhook}: negative = forever, 0 = none
 * @param maxBodyBytes       larger requests are answered 413
 * @param replyWait          how long a request waits for a webhook reply before answering without one; zero = never
 * @param healthPath         the health endpoint of a server this updater creates, or null for none
 * @param server             a shared {@link WebhookServer} to register on (several bots on one server, on different
 *                           paths); null = the updater creates and owns one from listen/port/TLS
 * @param errorCallback      receives failures of replies that had to be sent as normal calls; null = log them
 */
public record WebhookOptions(String listen, int port, String urlPath, Path tlsCert, Path tlsKey, String webhookUrl,
                             String secretToken, int maxConnections, String ipAddress, List<String> allowedUpdates,
                             boolean dropPendingUpdates, int bootstrapRetries, long maxBodyBytes, Duration replyWait,
                             String healthPath, WebhookServer server,
                             Consumer<TelegramApiException> errorCallback) {

    public WebhookOptions {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(replyWait, "replyWait");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS needs both tlsCert and tlsKey (or neither)");
        }
        if (maxConnections < 1 || maxConnections > 100) {
            throw new IllegalArgumentException("maxConnections must be 1-100, got " + maxConnections);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (replyWait.isNegative()) {
            throw new IllegalArgumentException("replyWait must not be negative, got " + replyWait);
        }
        if (secretToken != null && !secretToken.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalArgumentException("secretToken must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
        }
        urlPath = WebhookRoute.normalisePath(urlPath);
        allowedUpdates = allowedUpdates == null ? null : List.copyOf(allowedUpdates);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "WebhookOptions[listen=" + listen + ", port=" + port + ", urlPath=" + urlPath + ", tls="
                + (tlsCert != null) + ", webhookUrl=" + webhookUrl + ", secretToken="
                + (secretToken == null ? "random" : "<set>") + ", maxConnections=" + maxConnections
                + ", ipAddress=" + ipAddress + ", allowedUpdates=" + allowedUpdates + ", dropPendingUpdates="
                + dropPendingUpdates + ", bootstrapRetries=" + bootstrapRetries + ", maxBodyBytes=" + maxBodyBytes
                + ", replyWait=" + replyWait + ", healthPath=" + healthPath + ", server=" + server + "]";
    }

    /** Builder of {@link WebhookOptions}; every setter is optional. */
    public static final class Builder {
        private String listen = "127.0.0.1";
        private int port = 80;
        private String urlPath = "";
        private Path tlsCert;
        private Path tlsKey;
        private String webhookUrl;
        private String secretToken;
        private int maxConnections = 40;
        private String ipAddress;
        private List<String> allowedUpdates;
        private boolean dropPendingUpdates;
        private int bootstrapRetries;
        private long maxBodyBytes = WebhookRoute.DEFAULT_MAX_BODY_BYTES;
        private Duration replyWait = WebhookRoute.DEFAULT_REPLY_WAIT;
        private String healthPath = "/health";
        private WebhookServer server;
        private Consumer<TelegramApiException> errorCallback;

        private Builder() {
        }

        public Builder listen(String listen) {
            this.listen = listen;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder urlPath(String urlPath) {
            this.urlPath = urlPath;
            return this;
        }

        /** HTTPS from PEM files (certificate chain and unencrypted private key). */
        public Builder tls(Path certificate, Path privateKey) {
            this.tlsCert = certificate;
            this.tlsKey = privateKey;
            return this;
        }

        public Builder webhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
            return this;
        }

        public Builder secretToken(String secretToken) {
            this.secretToken = secretToken;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder ipAddress(String ipAddress) {
            this.ipAddress = ipAddress;
            return this;
        }

        public Builder allowedUpdates(List<String> allowedUpdates) {
            this.allowedUpdates = allowedUpdates;
            return this;
        }

        public Builder dropPendingUpdates(boolean dropPendingUpdates) {
            this.dropPendingUpdates = dropPendingUpdates;
            return this;
        }

        public Builder bootstrapRetries(int bootstrapRetries) {
            this.bootstrapRetries = bootstrapRetries;
            return this;
        }

        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder replyWait(Duration replyWait) {
            this.replyWait = replyWait;
            return this;
        }

        public Builder healthPath(String healthPath) {
            this.healthPath = healthPath;
            return this;
        }

        /** Registers on a shared server instead of creating one; listen, port, TLS and health path are then its own. */
        public Builder server(WebhookServer server) {
            this.server = server;
            return this;
        }

        public Builder errorCallback(Consumer<TelegramApiException> errorCallback) {
            this.errorCallback = errorCallback;
            return this;
        }

        public WebhookOptions build() {
            return new WebhookOptions(listen, port, urlPath, tlsCert, tlsKey, webhookUrl, secretToken,
                    maxConnections, ipAddress, allowedUpdates, dropPendingUpdates, bootstrapRetries, maxBodyBytes,
                    replyWait, healthPath, server, errorCallback);
        }
    }
}
