package dev.telescale.bot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.ChatId;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.errors.InvalidResponse;
import dev.telescale.api.errors.NetworkError;
import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.api.errors.TimedOut;
import dev.telescale.api.types.CallbackQuery;
import dev.telescale.api.types.File;
import dev.telescale.bot.callbackdata.CallbackDataCache;
import dev.telescale.bot.callbackdata.InvalidCallbackData;
import dev.telescale.bot.ratelimit.RateLimitedCall;
import dev.telescale.bot.ratelimit.RateLimiter;
import dev.telescale.bot.transport.Endpoint;
import dev.telescale.bot.transport.Lane;
import dev.telescale.bot.transport.MalformedResponseException;
import dev.telescale.bot.transport.ResponseStream;
import dev.telescale.bot.transport.SocketTransport;
import dev.telescale.bot.transport.Timeouts;
import dev.telescale.bot.transport.Transport;
import dev.telescale.bot.transport.TransportException;
import dev.telescale.bot.transport.TransportResponse;
import dev.telescale.bot.transport.TransportTimeoutException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot API client: every method of the API (from {@link BotApi}) plus file downloads, over a pluggable
 * {@link Transport}. Calls block, which is cheap on virtual threads; {@link #executeAsync} runs one on a virtual
 * thread for fan-out. Thread-safe; build one per token and share it.
 *
 * <p>A call encodes the request (JSON, or multipart/form-data when files are uploaded), fills parameters the caller
 * left unset from {@link Defaults}, sends it, and reads the answer in one streaming pass. Failures are
 * {@link TelegramApiException}s: Telegram's errors by status ({@code BadRequest}, {@code Forbidden}, {@code RetryAfter},
 * ...), transport failures as {@link NetworkError} and {@link TimedOut}. {@code getUpdates} travels on its own
 * connection ({@link Lane#LONG_POLL}) with a read timeout of the poll's {@code timeout} plus the read timeout, so a
 * long poll and sends never wait for each other.
 *
 * <p>The token is part of every URL and is never printed: not by {@link #toString()} (which shows the bot id), not in
 * exception messages, not in logs.
 *
 * <p>Lifecycle: release a Bot with {@link #shutdown()}, as in PTB. {@code close()} is taken by the Bot API method
 * of that name (inherited from {@link BotApi}), so the Bot cannot be {@code AutoCloseable}.
 */
public final class Bot implements BotApi {

    private static final Logger LOG = LoggerFactory.getLogger(Bot.class);
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{1,256}");
    private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    private static final String GET_UPDATES = "getUpdates";
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final String token;
    private final long id;
    private final String apiBaseUrl;
    private final String fileBaseUrl;
    private final boolean localMode;
    private final Defaults defaults;
    private final CallbackDataCache callbackDataCache;
    private final RateLimiter rateLimiter;
    private final Transport transport;
    private final Transport updatesTransport;
    private final boolean ownsTransport;
    private final boolean ownsUpdatesTransport;
    private final Timeouts timeouts;
    private final Timeouts mediaTimeouts;
    private final Timeouts updatesTimeouts;
    private final ConcurrentHashMap<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final ExecutorService async = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("telescale-bot-", 0).factory());
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile PollTimeouts pollTimeouts;

    /** The last long-poll timeout seen and the call timeouts made for it (polls rarely change their timeout). */
    private record PollTimeouts(long pollSeconds, Timeouts timeouts) {
    }

    private Bot(Builder b) {
        this.token = b.token;
        this.id = Long.parseLong(token.substring(0, token.indexOf(':')));
        this.apiBaseUrl = b.apiBaseUrl;
        this.fileBaseUrl = b.fileBaseUrl;
        this.localMode = b.localMode;
        this.defaults = b.defaults;
        this.callbackDataCache = b.callbackDataSize == 0 ? null : new CallbackDataCache(b.callbackDataSize);
        this.rateLimiter = b.rateLimiter;
        this.timeouts = new Timeouts(b.connectTimeout, b.readTimeout, b.writeTimeout, b.poolTimeout);
        this.mediaTimeouts = timeouts.withWrite(b.mediaWriteTimeout);
        this.updatesTimeouts = new Timeouts(b.updatesConnectTimeout, b.updatesReadTimeout, b.updatesWriteTimeout,
                b.updatesPoolTimeout);
        if (b.transport != null) {
            this.transport = b.transport;
            this.ownsTransport = false;
        } else {
            this.transport = SocketTransport.builder().poolSize(b.poolSize).longPollPoolSize(b.updatesPoolSize)
                    .proxy(b.proxy).build();
            this.ownsTransport = true;
        }
        if (b.updatesTransport != null) {
            this.updatesTransport = b.updatesTransport;
            this.ownsUpdatesTransport = false;
        } else if (b.transport == null && b.updatesProxy != null && !b.updatesProxy.equals(b.proxy)) {
            this.updatesTransport = SocketTransport.builder().poolSize(1).longPollPoolSize(b.updatesPoolSize)
                    .proxy(b.updatesProxy).build();
            this.ownsUpdatesTransport = true;
        } else {
            this.updatesTransport = this.transport;
            this.ownsUpdatesTransport = false;
        }
        // Fail at build time, not at the first call, on a base URL that cannot form endpoints.
        endpoint("getMe");
        fileEndpoint("probe");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bot's user id: the part of the token before the colon. */
    public long id() {
        return id;
    }

    /** The defaults applied to requests, if any. */
    public Optional<Defaults> defaults() {
        return Optional.ofNullable(defaults);
    }

    /** Whether this bot talks to a local Bot API server whose file paths are local files. */
    public boolean localMode() {
        return localMode;
    }

    // ---------------------------------------------------------------- arbitrary callback data

    /**
     * The data of a callback query as the bot put it on the button. With arbitrary callback data off: the query's
     * {@code callback_data} string. On: the object cached for the key the button carried (a string for buttons
     * sent with string data), or an {@link InvalidCallbackData} when the key is unknown or expired or the data is
     * not a key at all; a hit remembers the query for {@link #dropCallbackData}. Null when the query has no data
     * (a game's query).
     */
    public Object callbackData(CallbackQuery query) {
        Objects.requireNonNull(query, "query");
        return callbackDataCache == null ? query.data().orElse(null) : callbackDataCache.resolve(query);
    }

    /** The cache of arbitrary callback data; empty when the feature is off. */
    public Optional<CallbackDataCache> callbackDataCache() {
        return Optional.ofNullable(callbackDataCache);
    }

    /**
     * Removes the keyboard a callback query came from out of the callback data cache, once it will not be pressed
     * again (PTB's {@code drop_callback_data}).
     *
     * @throws java.util.NoSuchElementException when the query's keyboard is not cached
     * @throws IllegalStateException            when arbitrary callback data is off
     */
    public void dropCallbackData(CallbackQuery query) {
        requireCallbackDataCache("dropCallbackData").drop(query);
    }

    /** Empties the callback data cache: every keyboard sent so far resolves to {@link InvalidCallbackData}. */
    public void clearCallbackData() {
        requireCallbackDataCache("clearCallbackData").clear();
    }

    /** Removes the keyboards last sent or resolved before {@code cutoff} from the callback data cache. */
    public void clearCallbackData(Instant cutoff) {
        requireCallbackDataCache("clearCallbackData").clear(cutoff);
    }

    /** Forgets which keyboard each callback query came from (the keyboards stay cached). */
    public void clearCallbackQueries() {
        requireCallbackDataCache("clearCallbackQueries").clearQueries();
    }

    private CallbackDataCache requireCallbackDataCache(String what) {
        if (callbackDataCache == null) {
            throw new IllegalStateException(what + " needs arbitrary callback data: build the Bot with "
                    + "Bot.builder().arbitraryCallbackData(true)");
        }
        return callbackDataCache;
    }

    // ---------------------------------------------------------------- calls

    @Override
    public <R> R execute(ApiMethod<R> method) {
        return execute(method, null);
    }

    /**
     * Calls a method with time limits of its own instead of the configured ones (for {@code getUpdates} the given
     * read timeout is used as is: include the poll timeout).
     */
    public <R> R execute(ApiMethod<R> method, Timeouts callTimeouts) {
        return call(method, callTimeouts, -1);
    }

    /**
     * Calls a method through the rate limiter with a retry count of its own instead of the limiter's (PTB's
     * {@code rate_limit_args}): how often a {@code RetryAfter} answer is waited out and the call sent again.
     *
     * @throws IllegalStateException when the Bot has no rate limiter, or for getUpdates (never rate limited)
     */
    public <R> R executeWithRetries(ApiMethod<R> method, int maxRetries) {
        Objects.requireNonNull(method, "method");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        if (rateLimiter == null || GET_UPDATES.equals(method.methodName())) {
            throw new IllegalStateException("executeWithRetries needs a rate limiter (Bot.builder().rateLimiter(...)) "
                    + "and a method other than getUpdates; " + method.methodName() + " was given"
                    + (rateLimiter == null ? " to a Bot without one" : ""));
        }
        return call(method, null, maxRetries);
    }

    /** The rate limiter every call but getUpdates goes through, if any. */
    public Optional<RateLimiter> rateLimiter() {
        return Optional.ofNullable(rateLimiter);
    }

    private <R> R call(ApiMethod<R> method, Timeouts callTimeouts, int maxRetries) {
        Objects.requireNonNull(method, "method");
        ensureOpen();
        String name = method.methodName();
        RequestEncoder.Encoded encoded = RequestEncoder.encode(method, defaults, callbackDataCache);
        boolean poll = GET_UPDATES.equals(name);
        Timeouts t = callTimeouts != null ? callTimeouts
                : poll ? pollTimeouts(encoded.json()) : encoded.multipart() ? mediaTimeouts : timeouts;
        if (rateLimiter == null || poll) {
            return send(method, encoded, t, poll);
        }
        return rateLimiter.process(new LimitedCall<>(method, encoded, t, maxRetries));
    }

    private <R> R send(ApiMethod<R> method, RequestEncoder.Encoded encoded, Timeouts t, boolean poll) {
        String name = method.methodName();
        Endpoint endpoint = endpoint(name);
        long start = LOG.isDebugEnabled() ? System.nanoTime() : 0;
        TransportResponse response;
        try {
            response = poll ? updatesTransport.post(endpoint, encoded.body(), t, Lane.LONG_POLL)
                    : transport.post(endpoint, encoded.body(), t, Lane.API);
        } catch (TransportException e) {
            TelegramApiException mapped = map(name, e);
            if (start != 0) {
                LOG.debug("{} failed after {} µs: {}", name, (System.nanoTime() - start) / 1000, mapped.getMessage());
            }
            throw mapped;
        }
        if (start != 0) {
            LOG.debug("{} answered HTTP {} ({} bytes) in {} µs", name, response.status(), response.body().length,
                    (System.nanoTime() - start) / 1000);
        }
        return ResponseDecoder.decode(method, response.status(), response.body(), token);
    }

    /** One call as the rate limiter sees it; chat_id and allow_paid_broadcast are read from the encoded JSON once. */
    private final class LimitedCall<R> implements RateLimitedCall<R> {
        private final ApiMethod<R> method;
        private final RequestEncoder.Encoded encoded;
        private final Timeouts timeouts;
        private final int maxRetries;
        private boolean scanned;
        private ChatId chatId;
        private boolean paidBroadcast;
        private int attempts;

        LimitedCall(ApiMethod<R> method, RequestEncoder.Encoded encoded, Timeouts timeouts, int maxRetries) {
            this.method = method;
            this.encoded = encoded;
            this.timeouts = timeouts;
            this.maxRetries = maxRetries;
        }

        @Override
        public String method() {
            return method.methodName();
        }

        @Override
        public Optional<ChatId> chatId() {
            scan();
            return Optional.ofNullable(chatId);
        }

        @Override
        public boolean allowPaidBroadcast() {
            scan();
            return paidBroadcast;
        }

        @Override
        public OptionalInt maxRetries() {
            return maxRetries < 0 ? OptionalInt.empty() : OptionalInt.of(maxRetries);
        }

        @Override
        public boolean repeatable() {
            return encoded.body().repeatable();
        }

        @Override
        public R execute() {
            if (attempts++ > 0 && !repeatable()) {
                throw new IllegalStateException(method() + " uploads from a one-shot stream and cannot be sent again");
            }
            ensureOpen();
            return send(method, encoded, timeouts, false);
        }

        private void scan() {
            if (scanned) {
                return;
            }
            scanned = true;
            JsonBuffer json = encoded.json();
            try (JsonParser p = TelegramJson.factory().createParser(json.array(), 0, json.length())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("chat_id")) {
                        chatId = value == JsonToken.VALUE_NUMBER_INT ? ChatId.of(p.getLongValue())
                                : value == JsonToken.VALUE_STRING ? chatIdOf(p.getText()) : null;
                    } else if (field.equals("allow_paid_broadcast")) {
                        paidBroadcast = value == JsonToken.VALUE_TRUE;
                    }
                    p.skipChildren();
                }
            } catch (IOException e) {
                // We wrote this JSON ourselves; unreadable means no chat to limit by.
            }
        }

        private static ChatId chatIdOf(String text) {
            try {
                return ChatId.of(text);
            } catch (IllegalArgumentException notAChat) {
                return null;
            }
        }
    }

    /** Runs {@link #execute} on a new virtual thread; the future fails with the same exceptions. */
    public <R> CompletableFuture<R> executeAsync(ApiMethod<R> method) {
        Objects.requireNonNull(method, "method");
        CompletableFuture<R> future = new CompletableFuture<>();
        try {
            async.execute(() -> {
                try {
                    future.complete(execute(method));
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new IllegalStateException("This Bot is closed"));
        }
        return future;
    }

    // ---------------------------------------------------------------- downloads

    /**
     * Opens the content of a file obtained with {@code getFile}. In local mode the file's path is read from disk;
     * otherwise it is fetched from the file server. Close the stream; reading may throw {@link IOException}.
     */
    public InputStream openFile(File file) {
        return openFile(filePath(file));
    }

    /** Opens a file by the {@code file_path} that {@code getFile} returned. */
    public InputStream openFile(String filePath) {
        Objects.requireNonNull(filePath, "filePath");
        ensureOpen();
        if (localMode) {
            Path local = Path.of(filePath);
            if (local.isAbsolute()) {
                try {
                    return Files.newInputStream(local);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read local file " + filePath + ": " + e.getMessage(), e);
                }
            }
        }
        Endpoint endpoint = fileEndpoint(filePath);
        ResponseStream stream;
        try {
            stream = transport.get(endpoint, timeouts);
        } catch (TransportException e) {
            throw map(endpoint.description(), e);
        }
        if (stream.status() != 200) {
            throw downloadError(endpoint.description(), stream);
        }
        return new FilterInputStream(stream.body()) {
            @Override
            public void close() {
                stream.close();
            }
        };
    }

    /** Downloads a file into memory. */
    public byte[] downloadFileBytes(File file) {
        try (InputStream in = openFile(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw readFailure(filePath(file), e);
        }
    }

    /**
     * Downloads a file to {@code target}, replacing it. The content goes to a temporary file next to the target
     * first, so an interrupted download never leaves a partial file under the target name.
     */
    public Path downloadFile(File file, Path target) {
        Objects.requireNonNull(target, "target");
        String filePath = filePath(file);
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try (InputStream in = openFile(filePath)) {
            temp = Files.createTempFile(dir, ".telescale-", ".part");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            return target;
        } catch (IOException e) {
            throw readFailure(filePath, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the download already failed
                }
            }
        }
    }

    private static String filePath(File file) {
        Objects.requireNonNull(file, "file");
        return file.filePath().orElseThrow(() -> new IllegalArgumentException("File " + file.fileId()
                + " has no file_path: get the File from getFile (file_path is valid for at least an hour)"));
    }

    private RuntimeException readFailure(String filePath, IOException e) {
        if (e instanceof TransportException te) {
            return map("download of " + filePath, te);
        }
        return new UncheckedIOException("Download of " + filePath + " failed: " + e.getMessage(), e);
    }

    private TelegramApiException downloadError(String what, ResponseStream stream) {
        int status = stream.status();
        String description = null;
        try (stream) {
            byte[] body = stream.body().readNBytes(MAX_ERROR_BODY);
            description = TelegramJson.mapper().readTree(body).path("description").textValue();
        } catch (IOException | RuntimeException notJson) {
            // The status alone says enough.
        }
        if (description != null && description.contains(token)) {
            description = description.replace(token, "<redacted>");
        }
        return TelegramApiException.fromResponse(what, status, description, null, null);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Releases this Bot: refuses new calls, stops async workers from taking new work and closes the transports it
     * created (not ones passed to the builder). Not to be confused with {@link #close()}, Telegram's {@code close}
     * method, which logs the bot out of the cloud Bot API server for ten minutes.
     */
    public void shutdown() {
        if (closed.compareAndSet(false, true)) {
            async.shutdown();
            if (rateLimiter != null) {
                rateLimiter.shutdown();
            }
            if (ownsUpdatesTransport) {
                updatesTransport.close();
            }
            if (ownsTransport) {
                transport.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Bot[id=" + id + (localMode ? ", localMode" : "") + "]";
    }

    // ---------------------------------------------------------------- internals

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("This Bot is closed");
        }
    }

    private Endpoint endpoint(String methodName) {
        Endpoint e = endpoints.get(methodName);
        if (e != null) {
            return e;
        }
        if (!METHOD_NAME.matcher(methodName).matches()) {
            throw new IllegalArgumentException("Not a Bot API method name: '" + methodName + "'");
        }
        return endpoints.computeIfAbsent(methodName,
                m -> Endpoint.of(apiBaseUrl + "/bot" + token + "/" + m, m, token));
    }

    private Endpoint fileEndpoint(String filePath) {
        return Endpoint.of(fileBaseUrl + "/bot" + token + "/" + encodePath(filePath), "download of " + filePath, token);
    }

    /** Percent-encodes what may not appear raw in a URL path; keeps '/' as the separator. */
    private static String encodePath(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    private Timeouts pollTimeouts(JsonBuffer json) {
        long pollSeconds = pollTimeoutSeconds(json);
        PollTimeouts cached = pollTimeouts;
        if (cached != null && cached.pollSeconds() == pollSeconds) {
            return cached.timeouts();
        }
        Duration read = updatesTimeouts.read();
        Timeouts t = read == null ? updatesTimeouts : updatesTimeouts.withRead(read.plusSeconds(pollSeconds));
        pollTimeouts = new PollTimeouts(pollSeconds, t);
        return t;
    }

    /** The {@code timeout} parameter of an encoded getUpdates request; 0 when absent (a short poll). */
    private static long pollTimeoutSeconds(JsonBuffer json) {
        try (JsonParser p = TelegramJson.factory().createParser(json.array(), 0, json.length())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("timeout") && value.isNumeric()) {
                    return Math.max(0, p.getLongValue());
                }
                p.skipChildren();
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static TelegramApiException map(String method, TransportException e) {
        if (e instanceof TransportTimeoutException) {
            return new TimedOut(method, e.getMessage(), e.requestSent(), e);
        }
        if (e instanceof MalformedResponseException) {
            return new InvalidResponse(method, 0, e.getMessage(), e);
        }
        return new NetworkError(method, e.getMessage(), e.requestSent(), e);
    }

    // ---------------------------------------------------------------- builder

    /**
     * Configures a {@link Bot}. Only the token is required. Time limits follow PTB's defaults: 5 s to connect, read
     * and write, 20 s to write uploads, 1 s to wait for a pooled connection; {@code getUpdates} has its own set
     * (its read timeout is added to the poll's {@code timeout}).
     */
    public static final class Builder {
        private String token;
        private String apiBaseUrl = "https://api.telegram.org";
        private String fileBaseUrl = "https://api.telegram.org/file";
        private boolean localMode;
        private Defaults defaults;
        private int callbackDataSize;
        private RateLimiter rateLimiter;
        private Transport transport;
        private Transport updatesTransport;
        private boolean transportOptionSet;
        private int poolSize = 256;
        private int updatesPoolSize = 1;
        private Proxy proxy = Proxy.NO_PROXY;
        private Proxy updatesProxy;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(5);
        private Duration writeTimeout = Duration.ofSeconds(5);
        private Duration mediaWriteTimeout = Duration.ofSeconds(20);
        private Duration poolTimeout = Duration.ofSeconds(1);
        private Duration updatesConnectTimeout = Duration.ofSeconds(5);
        private Duration updatesReadTimeout = Duration.ofSeconds(5);
        private Duration updatesWriteTimeout = Duration.ofSeconds(5);
        private Duration updatesPoolTimeout = Duration.ofSeconds(1);

        private Builder() {
        }

        /** The token from BotFather, {@code <bot id>:<secret>}. Required; never printed. */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            if (!TOKEN_SHAPE.matcher(token).matches()) {
                throw new IllegalArgumentException("The bot token does not have the shape BotFather gives "
                        + "(<bot id digits>:<letters, digits, '_' or '-'>); it is not shown here");
            }
            this.token = token;
            return this;
        }

        /** Base URL of the Bot API (default {@code https://api.telegram.org}); calls go to {@code <base>/bot<token>/<method>}. */
        public Builder apiBaseUrl(String url) {
            this.apiBaseUrl = baseUrl(url, "apiBaseUrl");
            return this;
        }

        /** Base URL of file downloads (default {@code https://api.telegram.org/file}). */
        public Builder fileBaseUrl(String url) {
            this.fileBaseUrl = baseUrl(url, "fileBaseUrl");
            return this;
        }

        /** Talk to a local Bot API server: {@code file_path}s are absolute local paths and are read from disk. */
        public Builder localMode(boolean localMode) {
            this.localMode = localMode;
            return this;
        }

        /** Values for parameters the caller leaves unset. */
        public Builder defaults(Defaults defaults) {
            this.defaults = defaults;
            return this;
        }

        /**
         * Arbitrary callback data (python-telegram-bot's {@code arbitrary_callback_data}): any object on an inline
         * button ({@link dev.telescale.bot.callbackdata.CallbackData}), sent as a 64-character key and resolved by
         * {@link Bot#callbackData}, in a cache of {@value CallbackDataCache#DEFAULT_MAX_SIZE} keyboards. Every
         * button's callback_data is then sent as a key, string data too. Off by default.
         */
        public Builder arbitraryCallbackData(boolean on) {
            this.callbackDataSize = on ? CallbackDataCache.DEFAULT_MAX_SIZE : 0;
            return this;
        }

        /** Arbitrary callback data with a cache of {@code maxSize} keyboards (and as many callback queries). */
        public Builder arbitraryCallbackData(int maxSize) {
            if (maxSize < 1) {
                throw new IllegalArgumentException("arbitraryCallbackData: the cache must hold at least 1 keyboard, "
                        + "was " + maxSize + " (use arbitraryCallbackData(false) to turn the feature off)");
            }
            this.callbackDataSize = maxSize;
            return this;
        }

        /**
         * Every call but getUpdates goes through this limiter (PTB's {@code rate_limiter}), e.g.
         * {@link dev.telescale.bot.ratelimit.DefaultRateLimiter#create()}; null for none (the default).
         */
        public Builder rateLimiter(RateLimiter rateLimiter) {
            this.rateLimiter = rateLimiter;
            return this;
        }

        /**
         * A transport of your own for all calls (and getUpdates unless {@link #getUpdatesTransport} is set). The Bot
         * does not close it. Excludes the options of the built-in transport (pool sizes, proxies).
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** A transport of your own for getUpdates only. The Bot does not close it. */
        public Builder getUpdatesTransport(Transport transport) {
            this.updatesTransport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Connections for API calls (default 256). */
        public Builder poolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, was " + size);
            }
            this.poolSize = size;
            transportOptionSet = true;
            return this;
        }

        /** Connections for getUpdates (default 1). */
        public Builder getUpdatesPoolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("getUpdatesPoolSize must be at least 1, was " + size);
            }
            this.updatesPoolSize = size;
            transportOptionSet = true;
            return this;
        }

        /** A SOCKS or HTTP proxy for all calls. */
        public Builder proxy(Proxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            transportOptionSet = true;
            return this;
        }

        /** A different proxy for getUpdates (default: the same as {@link #proxy}). */
        public Builder getUpdatesProxy(Proxy proxy) {
            this.updatesProxy = Objects.requireNonNull(proxy, "proxy");
            transportOptionSet = true;
            return this;
        }

        /** Opening a connection; null: no limit. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /** Waiting for the answer; null: no limit. */
        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        /** Writing a request without uploads; null: no limit. */
        public Builder writeTimeout(Duration d) {
            this.writeTimeout = d;
            return this;
        }

        /** Writing a request with uploads (default 20 s); null: no limit. */
        public Builder mediaWriteTimeout(Duration d) {
            this.mediaWriteTimeout = d;
            return this;
        }

        /** Waiting for a free connection when all are busy; zero fails at once, null waits forever. */
        public Builder poolTimeout(Duration d) {
            this.poolTimeout = d;
            return this;
        }

        public Builder getUpdatesConnectTimeout(Duration d) {
            this.updatesConnectTimeout = d;
            return this;
        }

        /** Added to the poll's {@code timeout} parameter to give the read timeout of getUpdates. */
        public Builder getUpdatesReadTimeout(Duration d) {
            this.updatesReadTimeout = d;
            return this;
        }

        public Builder getUpdatesWriteTimeout(Duration d) {
            this.updatesWriteTimeout = d;
            return this;
        }

        public Builder getUpdatesPoolTimeout(Duration d) {
            this.updatesPoolTimeout = d;
            return this;
        }

        public Bot build() {
            if (token == null) {
                throw new IllegalStateException("No bot token was set: call Bot.builder().token(...)");
            }
            if (transport != null && transportOptionSet) {
                throw new IllegalStateException("Pool sizes and proxies configure the built-in transport; they cannot "
                        + "be combined with transport(...): configure your transport instead");
            }
            new Timeouts(connectTimeout, readTimeout, writeTimeout, poolTimeout).withWrite(mediaWriteTimeout);
            new Timeouts(updatesConnectTimeout, updatesReadTimeout, updatesWriteTimeout, updatesPoolTimeout);
            return new Bot(this);
        }

        private static String baseUrl(String url, String what) {
            Objects.requireNonNull(url, what);
            String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            if (!u.startsWith("http://") && !u.startsWith("https://")) {
                throw new IllegalArgumentException(what + " must be an http or https URL: " + url);
            }
            return u;
        }

        @Override
        public String toString() {
            return "Bot.Builder[token " + (token == null ? "not set" : "set") + ", apiBaseUrl=" + apiBaseUrl + "]";
        }
    }
}
