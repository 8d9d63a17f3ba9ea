package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.fault.FaultPlan;
import dev.telescale.testkit.http.HttpLimits;
import dev.telescale.testkit.http.HttpServer;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.methods.MethodTable;
import dev.telescale.testkit.spec.BotApiSpec;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.ChatRoom;
import dev.telescale.testkit.state.World;
import dev.telescale.testkit.webhook.WebhookSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A Telegram Bot API server on loopback for testing bots offline: bots, users and chats are created by the test,
 * users send messages and press buttons, the bot under test talks to {@link #apiBaseUrl()} over real HTTP, and
 * the test checks the calls it made and the chat transcripts. Faults (error answers, dropped connections,
 * truncated bodies, delays) can be injected for client tests.
 *
 * <pre>{@code
 * try (var emulator = BotApiEmulator.start()) {
 *     var bot = emulator.createBot("EchoBot");
 *     var alice = emulator.user("alice");
 *     // start the bot under test with token bot.token() and base URL emulator.apiBaseUrl()
 *     alice.sendText(bot, "hi");
 *     var reply = emulator.awaitCall("sendMessage", Duration.ofSeconds(5));
 *     assertEquals("hi", reply.text());
 * }
 * }</pre>
 */
public final class BotApiEmulator implements AutoCloseable {

    private final World world;
    private final HttpServer server;
    private final ApiRouter router;
    private final CallLog calls;
    private final FaultPlan faults;
    private final WebhookSender webhooks;
    private final String serverUrl;
    private final FloodControl flood;

    private BotApiEmulator(Builder builder) throws IOException {
        this.world = new World(builder.messageHistoryLimit, builder.clock);
        world.answerDeadlineMillis(builder.answerDeadline.toMillis());
        this.flood = builder.floodLimits == null ? null : new FloodControl(builder.floodLimits, world);
        this.calls = new CallLog();
        this.faults = new FaultPlan();
        BotApiSpec spec = BotApiSpec.load();
        ApiRouter[] routerRef = new ApiRouter[1];
        this.webhooks = new WebhookSender(builder.webhookTimeout, builder.webhookRetryDelay, builder.webhookMaxRetryDelay,
                (bot, reply) -> routerRef[0].webhookReply(bot, reply), world::now);
        MethodTable methods = new MethodTable(webhooks::start);
        this.router = new ApiRouter(world, spec, methods, faults, calls, builder.recordCalls, builder.callListener,
                flood);
        routerRef[0] = router;
        this.server = HttpServer.start(builder.address, builder.port, router, builder.limits);
        InetSocketAddress address = server.address();
        String host = address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        this.serverUrl = "http://" + host + ":" + address.getPort() + "/";
    }

    /** Starts an emulator with the defaults: loopback, ephemeral port, calls recorded. */
    public static BotApiEmulator start() {
        return builder().start();
    }

    /** A builder for non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Bot API base URL in the form Telegram's has ({@code https://api.telegram.org}), i.e.
     * {@code http://127.0.0.1:PORT}: requests go to {@code apiBaseUrl() + "/bot" + token + "/" + method}. This is what
     * a Telescale {@code Bot}'s {@code apiBaseUrl} and the examples' {@code TELEGRAM_API_BASE} take.
     */
    public String apiBaseUrl() {
        return serverUrl.substring(0, serverUrl.length() - 1);
    }

    /**
     * The file download base URL in the form Telegram's has ({@code https://api.telegram.org/file}): downloads go to
     * {@code fileBaseUrl() + "/bot" + token + "/" + file_path}.
     */
    public String fileBaseUrl() {
        return serverUrl + "file";
    }

    /** The server's root URL, {@code http://127.0.0.1:PORT/}. */
    public String serverUrl() {
        return serverUrl;
    }

    /** The port the server listens on. */
    public int port() {
        return server.address().getPort();
    }

    /** Creates a bot; its username is the name with "Bot" appended unless it already ends with "bot". */
    public EmulatedBot createBot(String name) {
        requireName(name);
        return new EmulatedBot(world.createBot(name));
    }

    /** The bot with this token, if the emulator created it. */
    public java.util.Optional<EmulatedBot> bot(String token) {
        return java.util.Optional.ofNullable(world.botByToken(token)).map(EmulatedBot::new);
    }

    /** The user with this name (first name and username), created on first use. */
    public EmulatedUser user(String name) {
        requireName(name);
        return new EmulatedUser(this, world.user(name));
    }

    /** A basic group with these members. */
    public EmulatedChat group(String title, EmulatedUser... members) {
        return groupLike("group", title, null, members);
    }

    /** A supergroup with these members. */
    public EmulatedChat supergroup(String title, EmulatedUser... members) {
        return groupLike("supergroup", title, null, members);
    }

    /** A forum supergroup (is_forum): users write in its topics through {@link EmulatedChat#topic} / createTopic. */
    public EmulatedChat forum(String title, EmulatedUser... members) {
        EmulatedChat chat = groupLike("supergroup", title, null, members);
        chat.room().chat().put("is_forum", true);
        return chat;
    }

    /** A channel, optionally with a public username (without '@', may be null). */
    public EmulatedChat channel(String title, String username) {
        return groupLike("channel", title, username, new EmulatedUser[0]);
    }

    private EmulatedChat groupLike(String type, String title, String username, EmulatedUser[] members) {
        requireName(title);
        ChatRoom room = world.createChat(type, title, username);
        EmulatedChat chat = new EmulatedChat(this, room);
        for (EmulatedUser member : members) {
            chat.add(member);
        }
        return chat;
    }

    /** The private chat of a user with a bot. */
    public EmulatedChat privateChat(EmulatedUser user, EmulatedBot bot) {
        return new EmulatedChat(this, world.privateChat(bot.account(), user.account()));
    }

    /**
     * Queues a raw Update for a bot. A missing update_id is assigned; the update is dropped (and -1 returned)
     * when its type is not in the bot's allowed_updates.
     */
    public long injectUpdate(EmulatedBot bot, ObjectNode update) {
        return bot.account().updates().add(update);     // serialised at once: the caller's tree is not kept
    }

    /**
     * Queues several raw Updates for a bot under one lock with one wake-up of its poll or webhook sender (cheaper
     * than one {@link #injectUpdate(EmulatedBot, ObjectNode)} per update for benchmarks); each is treated as there.
     *
     * @return the update_ids in the order given, -1 for dropped updates
     */
    public long[] injectUpdates(EmulatedBot bot, List<ObjectNode> updates) {
        return bot.account().updates().addAll(updates);  // serialised at once: the trees are not kept
    }

    /** Queues a raw Update given as JSON text; see {@link #injectUpdate(EmulatedBot, ObjectNode)}. */
    public long injectUpdate(EmulatedBot bot, String updateJson) {
        JsonNode update = Json.parse(updateJson);
        if (!update.isObject()) {
            throw new IllegalArgumentException("An update must be a JSON object, got: " + updateJson);
        }
        return bot.account().updates().add((ObjectNode) update);
    }

    /** Answers every call of {@code method} with this result (overriding the simulation, if any). */
    public void respond(String method, JsonNode result) {
        Objects.requireNonNull(result, "result");
        router.stub(method, call -> result);
    }

    /** Answers every call of {@code method} with this result given as JSON text, e.g. {@code "[]"} or {@code "\"text\""}. */
    public void respond(String method, String resultJson) {
        respond(method, Json.parse(resultJson));
    }

    /** Answers every call of {@code method} with what the function returns; it may throw {@link BotApiError}. */
    public void respond(String method, Function<RecordedCall, JsonNode> answer) {
        Objects.requireNonNull(answer, "answer");
        router.stub(method, answer);
    }

    /**
     * Every call recorded so far, in the order they finished running. A call is recorded once the emulator has run
     * it, with its {@link RecordedCall#outcome() outcome}, before its answer goes out: its effect (the message in the
     * chat, the stored answer) is visible to whoever sees the call, and the bot has not had the answer yet. A
     * getUpdates long poll is therefore recorded when it returns; {@link EmulatedBot#awaitWaitingPoll} tells when one
     * waits.
     */
    public List<RecordedCall> calls() {
        return calls.all();
    }

    /** The recorded calls of one method. */
    public List<RecordedCall> calls(String method) {
        return calls.all().stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
    }

    /** Forgets the recorded calls (and what the await methods handed out). */
    public void clearCalls() {
        calls.clear();
    }

    /**
     * The next call of {@code method} not returned by an await method before, waiting up to {@code timeout}.
     *
     * @throws AssertionError when none arrives in time (listing the calls that did)
     */
    public RecordedCall awaitCall(String method, Duration timeout) {
        return calls.await(method, call -> true, timeout);
    }

    /** Like {@link #awaitCall(String, Duration)}, for the next call that matches {@code filter}. */
    public RecordedCall awaitCall(String method, Predicate<RecordedCall> filter, Duration timeout) {
        return calls.await(method, filter, timeout);
    }

    /** The next {@code count} calls of {@code method}; AssertionError when they do not all arrive in time. */
    public List<RecordedCall> awaitCalls(int count, String method, Duration timeout) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        return calls.awaitMany(count, method, call -> true, timeout);
    }

    /** How many calls the flood limiter refused with 429 (0 when limits are not enforced). */
    public long floodLimitHits() {
        return flood == null ? 0 : flood.hits();
    }

    /** The message-sending calls the flood limiter let through, in order (empty when limits are not enforced). */
    public List<AcceptedMessage> acceptedMessages() {
        return flood == null ? List.of() : flood.accepted();
    }

    /** The fault plan: {@code faults().next(1, "sendMessage").retryAfter(3)}. */
    public FaultPlan faults() {
        return faults;
    }

    /** Makes a file known to the emulator, usable by its file_id and downloadable by its file_path. */
    public StoredFile registerFile(byte[] content, String filename, String mimeType) {
        Objects.requireNonNull(content, "content");
        return world.files().store("documents", filename, mimeType == null ? "application/octet-stream" : mimeType,
                content.clone());
    }

    World world() {
        return world;
    }

    /** Stops the server, ends waiting long polls and webhook deliveries. */
    @Override
    public void close() {
        world.close();
        server.close();
        webhooks.close();
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A name must not be blank");
        }
    }

    /** Settings of an emulator; every one has a default fit for unit tests. */
    public static final class Builder {

        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private HttpLimits limits = HttpLimits.DEFAULT;
        private boolean recordCalls = true;
        private int messageHistoryLimit = Integer.MAX_VALUE;
        private Duration webhookTimeout = Duration.ofSeconds(10);
        private Duration webhookRetryDelay = Duration.ofMillis(100);
        private Duration webhookMaxRetryDelay = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private java.util.function.Consumer<RecordedCall> callListener;
        private FloodLimits floodLimits;
        private Duration answerDeadline = Duration.ofSeconds(10);

        private Builder() {
        }

        /** The address to bind; loopback by default. Binding elsewhere exposes every bot token to the network. */
        public Builder bindAddress(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Body and header limits of the HTTP server. */
        public Builder limits(HttpLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Whether calls are recorded for {@link #calls()}; turn off for long benchmarks. */
        public Builder recordCalls(boolean recordCalls) {
            this.recordCalls = recordCalls;
            return this;
        }

        /**
         * A listener told of every method call as it arrives (before it runs and before any fault of the call is
         * taken, on the thread serving it; webhook replies included; outcome {@link CallOutcome#PENDING}), whether or
         * not calls are recorded: with {@code recordCalls(false)} it is the way to observe calls without keeping
         * them, and it may plan a fault for the very call it is told of. Its effect is not there yet: await recorded
         * calls for that. It must be quick and thread-safe; what it throws fails the call.
         */
        public Builder onCall(java.util.function.Consumer<RecordedCall> listener) {
            this.callListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How many messages each chat keeps (the oldest are forgotten); unlimited by default. */
        public Builder messageHistoryLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("messageHistoryLimit must be at least 1, got " + limit);
            }
            this.messageHistoryLimit = limit;
            return this;
        }

        /** How long one webhook delivery may take; 10 s by default. */
        public Builder webhookTimeout(Duration timeout) {
            this.webhookTimeout = positive(timeout, "webhookTimeout");
            return this;
        }

        /** The first retry delay after a failed webhook delivery (doubling up to the maximum); 100 ms by default. */
        public Builder webhookRetryDelay(Duration first, Duration max) {
            this.webhookRetryDelay = positive(first, "webhook retry delay");
            this.webhookMaxRetryDelay = positive(max, "webhook maximum retry delay");
            return this;
        }

        /**
         * Enforces Telegram's flood limits on message-sending calls, answering 429 with retry_after when a sliding
         * window is full (see {@link FloodLimits}); off by default, and then free of cost.
         */
        public Builder enforceFloodLimits(FloodLimits limits) {
            this.floodLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * How long inline, shipping and pre-checkout queries can be answered, by the emulator's clock (a later answer
         * gets Telegram's "query is too old" / QUERY_ID_INVALID error); 10 s by default.
         */
        public Builder answerDeadline(Duration deadline) {
            this.answerDeadline = positive(deadline, "answerDeadline");
            return this;
        }

        /** The clock of "date" fields (and of query answer deadlines). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Starts the emulator. */
        public BotApiEmulator start() {
            try {
                return new BotApiEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Bot API emulator on " + address + ":" + port, e);
            }
        }

        private static Duration positive(Duration duration, String what) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + duration);
            }
            return duration;
        }
    }
}
