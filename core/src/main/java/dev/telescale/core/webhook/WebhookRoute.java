package dev.telescale.core.webhook;

import dev.telescale.api.ApiMethod;
import dev.telescale.api.json.ParameterDefaults;
import dev.telescale.bot.callbackdata.CallbackDataCache;
import dev.telescale.core.update.UpdateSink;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One bot's place on a {@link WebhookServer}: the URL path Telegram posts to, the secret it must send, where its
 * updates go, and how long a request waits for a webhook reply. Several routes share one server on different
 * paths, each with its own secret and sink. {@link #toString()} never shows the secret.
 *
 * @param path           the URL path, normalised to start with '/' and end without one ("" and "/" are the root);
 *                       matched with or without a trailing '/'
 * @param secretToken    the {@code X-Telegram-Bot-Api-Secret-Token} every request must carry, or null for none
 * @param sink           where updates go ({@link UpdateSink#submitForReply}, or {@link UpdateSink#submit} when
 *                       {@code replyWait} is zero)
 * @param replyWait      how long a request waits for the webhook reply before answering 200 without one; zero = never
 *                       wait (python-telegram-bot's behaviour)
 * @param maxBodyBytes   larger bodies are answered 413 without being read
 * @param replyDefaults  defaults applied when a reply is written into the response (the Bot's), or null
 * @param replyCallbackData the Bot's arbitrary callback data cache, or null: a reply's inline keyboards are written
 *                       through it ({@link CallbackDataCache#rewriteKeyboards}) as the Bot writes its calls, so
 *                       objects on buttons become cache keys
 * @param unsentReplies  receives a reply that cannot travel in the response (it uploads files) and must be sent as a
 *                       normal call; null = log and drop it
 */
public record WebhookRoute(String path, String secretToken, UpdateSink sink, Duration replyWait, long maxBodyBytes,
                           ParameterDefaults replyDefaults, CallbackDataCache replyCallbackData,
                           Consumer<ApiMethod<?>> unsentReplies) {

    /** The default body limit: Telegram's updates are a few KiB; 1 MiB leaves room for any real one. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /**
     * The default reply wait. Telegram keeps at most {@code max_connections} requests open and delivers one update
     * per chat at a time, so a long wait slows other chats when handlers are slow; 2 s covers handlers that answer
     * at once and bounds the cost of those that do not.
     */
    public static final Duration DEFAULT_REPLY_WAIT = Duration.ofSeconds(2);

    public WebhookRoute {
        path = normalisePath(path);
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(replyWait, "replyWait");
        if (replyWait.isNegative()) {
            throw new IllegalArgumentException("replyWait must not be negative, got " + replyWait);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (secretToken != null && secretToken.isEmpty()) {
            throw new IllegalArgumentException("secretToken must not be empty (use null for none)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Adds a leading '/' and removes trailing ones: "hook/" becomes "/hook", "" and "/" become "". */
    public static String normalisePath(String path) {
        String p = path == null ? "" : path.strip();
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        p = p.substring(0, end);
        return p.isEmpty() || p.charAt(0) == '/' ? p : "/" + p;
    }

    @Override
    public String toString() {
        return "WebhookRoute[path=" + (path.isEmpty() ? "/" : path) + ", secretToken="
                + (secretToken == null ? "none" : "<set>") + ", replyWait=" + replyWait + ", maxBodyBytes="
                + maxBodyBytes + "]";
    }

    /** Builder of {@link WebhookRoute}; only the sink is required. */
    public static final class Builder {
        private String path = "";
        private String secretToken;
        private UpdateSink sink;
        private Duration replyWait = DEFAULT_REPLY_WAIT;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private ParameterDefaults replyDefaults;
        private CallbackDataCache replyCallbackData;
        private Consumer<ApiMethod<?>> unsentReplies;

        private Builder() {
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder secretToken(String secretToken) {
            this.secretToken = secretToken;
            return this;
        }

        public Builder sink(UpdateSink sink) {
            this.sink = sink;
            return this;
        }

        public Builder replyWait(Duration replyWait) {
            this.replyWait = replyWait;
            return this;
        }

        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder replyDefaults(ParameterDefaults replyDefaults) {
            this.replyDefaults = replyDefaults;
            return this;
        }

        public Builder replyCallbackData(CallbackDataCache replyCallbackData) {
            this.replyCallbackData = replyCallbackData;
            return this;
        }

        public Builder unsentReplies(Consumer<ApiMethod<?>> unsentReplies) {
            this.unsentReplies = unsentReplies;
            return this;
        }

        public WebhookRoute build() {
            return new WebhookRoute(path, secretToken, sink, replyWait, maxBodyBytes, replyDefaults, replyCallbackData,
                    unsentReplies);
        }
    }
}
