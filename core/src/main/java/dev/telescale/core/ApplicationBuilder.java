package dev.telescale.core;

import dev.telescale.bot.Bot;
import dev.telescale.bot.Defaults;
import dev.telescale.bot.callbackdata.CallbackDataCache;
import dev.telescale.bot.ratelimit.RateLimiter;
import dev.telescale.core.job.JobQueue;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.processor.OrderedProcessor;
import dev.telescale.core.processor.UpdateProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds an {@link Application} (PTB's {@code ApplicationBuilder}). Only the token is required:
 * {@code Application.builder().token(token).build()}. Option groups:
 * <ul>
 *   <li><b>Bot</b>: {@link #token}, {@link #apiBaseUrl}, {@link #fileBaseUrl}, {@link #localMode},
 *       {@link #defaults}, {@link #arbitraryCallbackData(boolean)} and {@link #rateLimiter} (PTB's builder
 *       options of the same names; shortcuts for the {@code Bot.builder()} options), and {@link #botOptions} for
 *       every other option of {@code Bot.builder()} (pool sizes, proxies, timeouts, each also separately for
 *       {@code getUpdates}) — or a ready {@link #bot(Bot)}, which excludes all of them;</li>
 *   <li><b>Processing</b>: {@link #updateProcessor} or {@link #concurrentUpdates} (the default is the recommended
 *       {@link UpdateProcessor#orderedPerChatAndUser()}: one chat's and one user's updates in order, different
 *       chats in parallel), {@link #updateQueueCapacity}, {@link #processingTimeout};</li>
 *   <li><b>Jobs</b>: {@link #jobQueue} (default: a new in-memory {@link JobQueue}) or {@link #noJobQueue};</li>
 *   <li><b>Context and persistence</b>: {@link #contextTypes(ContextTypes)} (custom context class, typed
 *       user/chat/bot data), {@link #contextTypes(ContextTypes, Persistence)} (the same with a persistence that
 *       stores those data types);</li>
 *   <li><b>Hooks</b>: {@link #postInit}, {@link #postStop}, {@link #postShutdown} (run by
 *       {@code runPolling}/{@code runWebhook} only);</li>
 *   <li><b>Sources</b>: {@link #noUpdater} for applications fed by a source of your own;</li>
 *   <li><b>Data</b>: {@link #autoMigrateChatData}.</li>
 * </ul>
 * Options that exclude each other fail at {@link #build()} with a message naming both.
 *
 * @param <X> the context type of the application being built
 */
public final class ApplicationBuilder<X extends CallbackContext<?, ?, ?>> {

    /** Default of {@link #updateQueueCapacity}. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;

    private final ContextTypes<X> contextTypes;
    private final List<String> botOptionsSet;
    private String token;
    private String apiBaseUrl;
    private String fileBaseUrl;
    private Boolean localMode;
    private Defaults defaults;
    private Integer callbackDataSize;
    private RateLimiter rateLimiter;
    private Consumer<Bot.Builder> botOptions;
    private Bot bot;
    private UpdateProcessor processor;
    private Integer concurrentUpdates;
    private JobQueue<X> jobQueue;
    private boolean noJobQueue;
    private LifecycleHook<X> postInit;
    private LifecycleHook<X> postStop;
    private LifecycleHook<X> postShutdown;
    private boolean noUpdater;
    private boolean autoMigrateChatData;
    private boolean shutdownHook = true;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private Duration processingTimeout;
    private Persistence<?, ?, ?> persistence;
    private boolean built;

    ApplicationBuilder(ContextTypes<X> contextTypes) {
        this.contextTypes = contextTypes;
        this.botOptionsSet = new ArrayList<>();
    }

    private ApplicationBuilder(ApplicationBuilder<?> from, ContextTypes<X> contextTypes) {
        this.contextTypes = contextTypes;
        this.botOptionsSet = new ArrayList<>(from.botOptionsSet);
        this.token = from.token;
        this.apiBaseUrl = from.apiBaseUrl;
        this.fileBaseUrl = from.fileBaseUrl;
        this.localMode = from.localMode;
        this.defaults = from.defaults;
        this.callbackDataSize = from.callbackDataSize;
        this.rateLimiter = from.rateLimiter;
        this.botOptions = from.botOptions;
        this.bot = from.bot;
        this.processor = from.processor;
        this.concurrentUpdates = from.concurrentUpdates;
        this.noJobQueue = from.noJobQueue;
        this.noUpdater = from.noUpdater;
        this.autoMigrateChatData = from.autoMigrateChatData;
        this.shutdownHook = from.shutdownHook;
        this.queueCapacity = from.queueCapacity;
        this.processingTimeout = from.processingTimeout;
    }

    // ---------------------------------------------------------------------------------------------------- bot

    /** The token from BotFather (required unless {@link #bot(Bot)}); never printed. */
    public ApplicationBuilder<X> token(String token) {
        this.token = Objects.requireNonNull(token, "token");
        return botOption("token(...)");
    }

    /** Base URL of the Bot API (default Telegram's): a local Bot API server, or the testkit's emulator. */
    public ApplicationBuilder<X> apiBaseUrl(String url) {
        this.apiBaseUrl = Objects.requireNonNull(url, "url");
        return botOption("apiBaseUrl(...)");
    }

    /** Base URL of file downloads. */
    public ApplicationBuilder<X> fileBaseUrl(String url) {
        this.fileBaseUrl = Objects.requireNonNull(url, "url");
        return botOption("fileBaseUrl(...)");
    }

    /** Local Bot API server mode. */
    public ApplicationBuilder<X> localMode(boolean localMode) {
        this.localMode = localMode;
        return botOption("localMode(...)");
    }

    /** Defaults for API parameters, {@code doQuote} of the reply shortcuts and the jobs' time zone. */
    public ApplicationBuilder<X> defaults(Defaults defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        return botOption("defaults(...)");
    }

    /**
     * Arbitrary callback data (PTB's {@code arbitrary_callback_data(True)}): any object on an inline button
     * ({@code CallbackData.button(text, object)}), resolved for {@code CallbackQueryHandler} and
     * {@code context.callbackData()}, in a cache of 1,024 keyboards — which the application's persistence stores
     * when its {@code storeData()} includes callback data, and which webhook replies go through too. Off by default.
     * Shortcut for {@code botOptions(b -> b.arbitraryCallbackData(on))}.
     */
    public ApplicationBuilder<X> arbitraryCallbackData(boolean on) {
        this.callbackDataSize = on ? CallbackDataCache.DEFAULT_MAX_SIZE : 0;
        return botOption("arbitraryCallbackData(...)");
    }

    /**
     * Arbitrary callback data with a cache of {@code maxSize} keyboards (PTB's {@code arbitrary_callback_data(n)}).
     *
     * @throws IllegalArgumentException unless positive
     */
    public ApplicationBuilder<X> arbitraryCallbackData(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("arbitraryCallbackData: the cache must hold at least 1 keyboard, was "
                    + maxSize + " (use arbitraryCallbackData(false) to turn the feature off)");
        }
        this.callbackDataSize = maxSize;
        return botOption("arbitraryCallbackData(...)");
    }

    /**
     * The rate limiter every call but getUpdates goes through (PTB's {@code rate_limiter}), e.g.
     * {@code DefaultRateLimiter.create()}; webhook replies then travel as normal calls (see
     * {@code CallbackContext.replyViaWebhook}). Shortcut for {@code botOptions(b -> b.rateLimiter(limiter))}.
     */
    public ApplicationBuilder<X> rateLimiter(RateLimiter limiter) {
        this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
        return botOption("rateLimiter(...)");
    }

    /**
     * More options of the Bot being built, applied after the ones above (so they win where both set one):
     * transports, pool sizes, proxies and time limits, for API calls and separately for {@code getUpdates}
     * ({@code b -> b.readTimeout(Duration.ofSeconds(10)).getUpdatesProxy(proxy)}).
     */
    public ApplicationBuilder<X> botOptions(Consumer<Bot.Builder> options) {
        this.botOptions = Objects.requireNonNull(options, "options");
        return botOption("botOptions(...)");
    }

    /**
     * A Bot made elsewhere, instead of building one (excludes every bot option above). The application does not
     * shut it down: its creator does.
     */
    public ApplicationBuilder<X> bot(Bot bot) {
        this.bot = Objects.requireNonNull(bot, "bot");
        return this;
    }

    private ApplicationBuilder<X> botOption(String name) {
        if (!botOptionsSet.contains(name)) {
            botOptionsSet.add(name);
        }
        return this;
    }

    // ------------------------------------------------------------------------------------------------ processing

    /**
     * How updates are scheduled. Default and recommended: {@link UpdateProcessor#orderedPerChatAndUser()} — the
     * updates of one chat and of one user run one at a time in arrival order, which is what conversations and
     * per-chat state need, while a slow handler in one chat does not hold up the others.
     * {@link UpdateProcessor#sequential()} is PTB's default behaviour.
     */
    public ApplicationBuilder<X> updateProcessor(UpdateProcessor processor) {
        this.processor = Objects.requireNonNull(processor, "processor");
        return this;
    }

    /**
     * Shortcut for {@code updateProcessor(UpdateProcessor.concurrent(n))}: up to n updates at a time without any
     * order (PTB's {@code concurrent_updates(n)}); 1 is sequential.
     */
    public ApplicationBuilder<X> concurrentUpdates(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("concurrentUpdates must be a positive integer, was " + n);
        }
        this.concurrentUpdates = n;
        return this;
    }

    /** How many updates may wait in the queue before sources block (default 1,024). */
    public ApplicationBuilder<X> updateQueueCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("updateQueueCapacity must be a positive integer, was " + capacity);
        }
        this.queueCapacity = capacity;
        return this;
    }

    /**
     * The longest the processing of one update (all its handler groups and error handlers) may take; off by
     * default. When it passes, the update's thread is interrupted — a handler blocked in a sleep, a lock, a queue or
     * a Bot call (its socket closes) stops with an exception — the remaining groups are skipped and the error
     * handlers get an {@link UpdateTimeoutException} naming the update id and the limit.
     *
     * <p>Order is kept: the ordered processor starts the next update of the chat (and of the user) only after the
     * timed-out one has really returned. Interruption is cooperative: a handler that ignores interrupts (a busy
     * loop, a swallowed {@code InterruptedException}, blocking I/O that is not interruptible) keeps running and keeps
     * holding its chat's and user's lanes until it returns; other chats are not held up (only the processor's
     * concurrency and pending limits are shared). Non-blocking handlers ({@code block(false)}) and tasks run on
     * their own threads and are not covered; {@code Application.processUpdate} (the caller's thread) is not either.
     *
     * @throws IllegalArgumentException unless positive
     */
    public ApplicationBuilder<X> processingTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("processingTimeout must be a positive duration, was " + timeout);
        }
        this.processingTimeout = timeout;
        return this;
    }

    // ------------------------------------------------------------------------------------------------------ jobs

    /** A job queue of your own (e.g. with a persistent store); default: a new in-memory one. */
    public ApplicationBuilder<X> jobQueue(JobQueue<X> jobQueue) {
        this.jobQueue = Objects.requireNonNull(jobQueue, "jobQueue");
        return this;
    }

    /** No job queue: {@code context.jobQueue()} then fails. */
    public ApplicationBuilder<X> noJobQueue() {
        this.noJobQueue = true;
        return this;
    }

    // --------------------------------------------------------------------------------------------------- context

    /**
     * The context class and data types ({@link ContextTypes}); switches the builder's type. Call it before the
     * options typed by the context ({@link #jobQueue}, the hooks).
     */
    public <Y extends CallbackContext<?, ?, ?>> ApplicationBuilder<Y> contextTypes(ContextTypes<Y> types) {
        Objects.requireNonNull(types, "types");
        if (jobQueue != null || postInit != null || postStop != null || postShutdown != null) {
            throw new IllegalStateException("Call contextTypes(...) before jobQueue(...), postInit(...), postStop(...) "
                    + "and postShutdown(...): those are typed by the context class");
        }
        requireUnused();
        built = true; // this builder is replaced by the returned one
        return new ApplicationBuilder<>(this, types);
    }

    /**
     * The context types and a {@link Persistence} storing their user, chat and bot data; switches the builder's
     * type like {@link #contextTypes(ContextTypes)}. The compiler checks that the persistence stores the data types
     * of the context class ({@code Y extends CallbackContext<U, C, B>}): that check needs the context class and the
     * persistence in one call, which is why there is no separate {@code persistence(...)} option. With the default
     * context: {@code .contextTypes(ContextTypes.defaults(), mapPersistence)}.
     *
     * @throws IllegalArgumentException when the persistence's {@code updateInterval()} is not positive or its
     *                                  {@code storeData()} is null
     */
    public <Y extends CallbackContext<U, C, B>, U, C, B> ApplicationBuilder<Y> contextTypes(
            ContextTypes<Y> types, Persistence<U, C, B> persistence) {
        Objects.requireNonNull(persistence, "persistence");
        PersistenceRunner.checkedInterval(persistence);
        PersistenceRunner.checkedStoreData(persistence);
        ApplicationBuilder<Y> next = contextTypes(types);
        next.persistence = persistence;
        return next;
    }

    // ----------------------------------------------------------------------------------------------------- hooks

    /** Runs after {@code initialize()} and before fetching starts (e.g. {@code setMyCommands}). */
    public ApplicationBuilder<X> postInit(LifecycleHook<X> hook) {
        this.postInit = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** Runs after {@code stop()}. */
    public ApplicationBuilder<X> postStop(LifecycleHook<X> hook) {
        this.postStop = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** Runs after {@code shutdown()}. */
    public ApplicationBuilder<X> postShutdown(LifecycleHook<X> hook) {
        this.postShutdown = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /**
     * Whether {@code runPolling}/{@code runWebhook} install a JVM shutdown hook so SIGINT/SIGTERM stop the bot
     * gracefully (default true; PTB's {@code stop_signals}).
     */
    public ApplicationBuilder<X> shutdownHook(boolean install) {
        this.shutdownHook = install;
        return this;
    }

    // --------------------------------------------------------------------------------------------------- sources

    /**
     * No Updater: updates come from a source of your own through {@link Application#submit},
     * {@link Application#submitForReply} or {@link Application#processUpdate} (PTB's {@code updater(None)});
     * {@code runPolling}/{@code runWebhook} are then unavailable.
     */
    public ApplicationBuilder<X> noUpdater() {
        this.noUpdater = true;
        return this;
    }

    // ------------------------------------------------------------------------------------------------------ data

    /**
     * Moves chat data automatically when a group becomes a supergroup: on the migration service messages, and when
     * a handler fails with {@code ChatMigrated} (before the error handlers see it). Off by default, as in PTB.
     */
    public ApplicationBuilder<X> autoMigrateChatData(boolean enabled) {
        this.autoMigrateChatData = enabled;
        return this;
    }

    // ----------------------------------------------------------------------------------------------------- build

    /**
     * Builds the application.
     *
     * @throws IllegalStateException when options conflict (the message names both), no token was set, or this
     *                               builder was used already
     */
    public Application<X> build() {
        requireUnused();
        if (bot != null && !botOptionsSet.isEmpty()) {
            throw conflict("bot(...)", botOptionsSet.get(0), "the Bot you pass brings its own token, URLs, defaults, "
                    + "transport, arbitrary callback data and rate limiter");
        }
        if (processor != null && concurrentUpdates != null) {
            throw conflict("updateProcessor(...)", "concurrentUpdates(...)", "both choose the update processor");
        }
        if (jobQueue != null && noJobQueue) {
            throw conflict("jobQueue(...)", "noJobQueue()", "choose one");
        }
        if (bot == null && token == null) {
            throw new IllegalStateException("No bot token was set: call Application.builder().token(...) or "
                    + ".bot(...)");
        }
        built = true;
        boolean ownsBot = bot == null;
        Bot theBot = ownsBot ? buildBot() : bot;
        UpdateProcessor theProcessor = processor != null ? processor
                : concurrentUpdates != null ? UpdateProcessor.concurrent(concurrentUpdates)
                : OrderedProcessor.builder().build();
        JobQueue<X> theJobQueue = noJobQueue ? null : jobQueue != null ? jobQueue : new JobQueue<>();
        return new Application<>(new Parts<>(theBot, ownsBot, contextTypes, theProcessor, theJobQueue, postInit,
                postStop, postShutdown, autoMigrateChatData, shutdownHook, queueCapacity, !noUpdater, persistence,
                processingTimeout));
    }

    private Bot buildBot() {
        Bot.Builder b = Bot.builder().token(token);
        if (apiBaseUrl != null) {
            b.apiBaseUrl(apiBaseUrl);
        }
        if (fileBaseUrl != null) {
            b.fileBaseUrl(fileBaseUrl);
        }
        if (localMode != null) {
            b.localMode(localMode);
        }
        if (defaults != null) {
            b.defaults(defaults);
        }
        if (callbackDataSize != null) {
            if (callbackDataSize == 0) {
                b.arbitraryCallbackData(false);
            } else {
                b.arbitraryCallbackData(callbackDataSize);
            }
        }
        if (rateLimiter != null) {
            b.rateLimiter(rateLimiter);
        }
        if (botOptions != null) {
            botOptions.accept(b);
        }
        return b.build();
    }

    private void requireUnused() {
        if (built) {
            throw new IllegalStateException("This ApplicationBuilder was already used (build() or contextTypes(...) "
                    + "was called); start again with Application.builder()");
        }
    }

    private static IllegalStateException conflict(String a, String b, String why) {
        return new IllegalStateException("The options " + a + " and " + b + " cannot be combined: " + why);
    }

    @Override
    public String toString() {
        return "ApplicationBuilder[token " + (token == null ? "not set" : "set") + ", contextTypes=" + contextTypes
                + (persistence == null ? "" : ", persistence=" + persistence.getClass().getSimpleName()) + "]";
    }

    /** Everything the Application is made of, resolved by {@link #build()}. */
    record Parts<X extends CallbackContext<?, ?, ?>>(Bot bot, boolean ownsBot, ContextTypes<X> contextTypes,
                                                     UpdateProcessor processor, JobQueue<X> jobQueue,
                                                     LifecycleHook<X> postInit, LifecycleHook<X> postStop,
                                                     LifecycleHook<X> postShutdown, boolean autoMigrateChatData,
                                                     boolean shutdownHook, int queueCapacity, boolean withUpdater,
                                                     Persistence<?, ?, ?> persistence, Duration processingTimeout) {
    }
}
