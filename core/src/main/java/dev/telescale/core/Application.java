package dev.telescale.core;

import dev.telescale.api.ApiMethod;
import dev.telescale.api.errors.ChatMigrated;
import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import dev.telescale.bot.Bot;
import dev.telescale.bot.Defaults;
import dev.telescale.bot.callbackdata.CallbackDataCache;
import dev.telescale.core.conversation.ConversationHandler;
import dev.telescale.core.data.DataStore;
import dev.telescale.core.handler.CheckResult;
import dev.telescale.core.handler.Handler;
import dev.telescale.core.job.Job;
import dev.telescale.core.job.JobQueue;
import dev.telescale.core.job.JobRuntime;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.processor.UpdateProcessor;
import dev.telescale.core.update.UpdateSink;
import dev.telescale.core.updater.PollingOptions;
import dev.telescale.core.updater.Updater;
import dev.telescale.core.updater.WebhookOptions;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of a bot (PTB's {@code Application}): takes updates from its queue, hands them to the
 * {@link UpdateProcessor}, and dispatches each to the handlers; owns the bot, the data, the job queue and, unless
 * built without, the {@link Updater} that fetches updates. Build it with {@link #builder()}:
 *
 * <pre>{@code
 * Application<DefaultContext> app = Application.builder().token(System.getenv("BOT_TOKEN")).build();
 * app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyText("Hello!")));
 * app.runPolling();   // until Ctrl+C / SIGTERM or stopRunning()
 * }</pre>
 *
 * <h2>Dispatch</h2>
 * Handlers live in numbered groups. For each update the groups are visited in ascending order; in each group the
 * handlers are asked in the order they were added and <em>only the first that matches</em> runs. One context is
 * made (on the first match) and shared by all groups. A handler throwing {@link ApplicationHandlerStop} ends the
 * update; any other exception goes to the error handlers and dispatch continues with the next group, unless an
 * error handler throws {@code ApplicationHandlerStop}. A handler with {@code block(false)} runs as a tracked task
 * while dispatch goes on. Changing the handlers while updates are processed is safe: each update sees the
 * handlers as they were when it started.
 *
 * <h2>Lifecycle</h2>
 * {@link #initialize()} (getMe) → {@link #start()} (jobs, fetching from the queue) → {@link #stop()} (finishes
 * every queued update, stops jobs, awaits tasks) → {@link #shutdown()} (releases the bot). {@link #runPolling} and
 * {@link #runWebhook} do all of it and add the Updater and the hooks.
 *
 * @param <X> the context type handlers receive
 */
public final class Application<X extends CallbackContext<?, ?, ?>> implements UpdateSink {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final ThreadFactory TASKS = Thread.ofVirtual().name("telescale-task-", 0).factory();
    private static final Envelope STOP = new Envelope(new Object(), null);

    private final Bot bot;
    private final boolean ownsBot;
    private final ContextTypes<X> contextTypes;
    private final DataStore<?, ?, ?> data;
    private final UpdateProcessor processor;
    private final JobQueue<X> jobQueue;
    private final Updater updater;
    private final LifecycleHook<X> postInit;
    private final LifecycleHook<X> postStop;
    private final LifecycleHook<X> postShutdown;
    private final boolean autoMigrateChatData;
    private final boolean shutdownHook;
    private final BlockingQueue<Envelope> queue;
    private final PersistenceRunner<?, ?, ?> persistence;
    /** The persistence's read-through mode: each update's changes are written right after it. */
    private final boolean writeThrough;
    private final Duration processingTimeout;
    private final ScheduledThreadPoolExecutor deadlines;

    private final ReentrantLock lifecycle = new ReentrantLock();
    private final ReentrantLock registration = new ReentrantLock();
    /** Closes the queue: submitters hold the read side, stop() takes the write side before the stop marker. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Set<CompletableFuture<?>> tasks = ConcurrentHashMap.newKeySet();
    private volatile NavigableMap<Integer, List<Handler<? super X>>> handlers = Collections.emptyNavigableMap();
    private volatile List<ErrorHandlerEntry<X>> errorHandlers = List.of();
    private volatile boolean accepting = true;
    private volatile boolean initialized;
    private volatile boolean running;
    private volatile User botUser;
    private volatile Thread fetcher;
    private volatile RunControl runControl;

    Application(ApplicationBuilder.Parts<X> parts) {
        this.bot = parts.bot();
        this.ownsBot = parts.ownsBot();
        this.contextTypes = parts.contextTypes();
        this.data = contextTypes.newStore();
        this.processor = parts.processor();
        this.jobQueue = parts.jobQueue();
        this.postInit = parts.postInit();
        this.postStop = parts.postStop();
        this.postShutdown = parts.postShutdown();
        this.autoMigrateChatData = parts.autoMigrateChatData();
        this.shutdownHook = parts.shutdownHook();
        this.queue = new ArrayBlockingQueue<>(parts.queueCapacity());
        this.updater = parts.withUpdater() ? new Updater(bot, this) : null;
        this.persistence = parts.persistence() == null ? null : runner(data, parts.persistence(),
                bot.callbackDataCache().orElse(null), error -> processError(null, error, null),
                this::conversationHandlers);
        this.writeThrough = persistence != null && persistence.persistence().readThrough();
        this.processingTimeout = parts.processingTimeout();
        this.deadlines = processingTimeout == null ? null : deadlineTimer();
        if (jobQueue != null) {
            jobQueue.bind(new Jobs());
        }
    }

    @SuppressWarnings("unchecked") // the builder typed the persistence by the context types that made the store
    private static <U, C, B> PersistenceRunner<U, C, B> runner(
            DataStore<?, ?, ?> store, Persistence<?, ?, ?> p, CallbackDataCache callbackData,
            java.util.function.Consumer<Throwable> errors,
            java.util.function.Supplier<List<ConversationHandler<?>>> conversations) {
        return new PersistenceRunner<>((Persistence<U, C, B>) p, (DataStore<U, C, B>) store, callbackData, errors,
                conversations);
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform()
                .name("telescale-deadlines").daemon(true).factory());
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    /** A builder for an application with {@link DefaultContext}s. */
    public static ApplicationBuilder<DefaultContext> builder() {
        return new ApplicationBuilder<>(ContextTypes.defaults());
    }

    // ------------------------------------------------------------------------------------------------ accessors

    /** The bot. */
    public Bot bot() {
        return bot;
    }

    /**
     * The bot's own user (its username is what {@code CommandHandler} compares {@code /cmd@name} with).
     *
     * @throws IllegalStateException before {@link #initialize()}
     */
    public User botUser() {
        User me = botUser;
        if (me == null) {
            throw new IllegalStateException("The bot's user is known after Application.initialize() (it calls getMe)");
        }
        return me;
    }

    /** The user, chat and bot data; typed access is {@code context.dataStore()}. */
    public DataStore<?, ?, ?> data() {
        return data;
    }

    /** The job queue; empty when built with {@code noJobQueue()}. */
    public Optional<JobQueue<X>> jobQueue() {
        return Optional.ofNullable(jobQueue);
    }

    /** The updater; empty when built with {@code noUpdater()}. */
    public Optional<Updater> updater() {
        return Optional.ofNullable(updater);
    }

    /** The update processor (ordering policy). */
    public UpdateProcessor updateProcessor() {
        return processor;
    }

    /** The persistence, when the application was built with one. */
    public Optional<Persistence<?, ?, ?>> persistence() {
        return persistence == null ? Optional.empty() : Optional.of(persistence.persistence());
    }

    /** The processing timeout of one update, when one was set ({@code ApplicationBuilder.processingTimeout}). */
    public Optional<Duration> processingTimeout() {
        return Optional.ofNullable(processingTimeout);
    }

    /** Whether {@link #initialize()} ran (and {@link #shutdown()} did not since). */
    public boolean isInitialized() {
        return initialized;
    }

    /** Whether the application is between {@link #start()} and {@link #stop()}. */
    public boolean isRunning() {
        return running;
    }

    // --------------------------------------------------------------------------------------------- registration

    /** Adds a handler to group 0. */
    public void addHandler(Handler<? super X> handler) {
        addHandler(handler, 0);
    }

    /** Adds a handler at the end of a group (lower groups are asked first; groups may be negative). */
    public void addHandler(Handler<? super X> handler, int group) {
        addHandlers(List.of(Objects.requireNonNull(handler, "handler")), group);
    }

    /**
     * Adds handlers, in order, at the end of a group. A {@link ConversationHandler} is bound to this application
     * first ({@link ConversationHandler#attachTo}): see there for what is checked and warned about.
     *
     * @throws IllegalArgumentException when a persistent conversation handler is added to an application without a
     *                                  persistence (nothing is added)
     */
    public void addHandlers(Collection<? extends Handler<? super X>> newHandlers, int group) {
        List<Handler<? super X>> added = List.copyOf(newHandlers);
        registration.lock();
        try {
            for (Handler<? super X> handler : added) {
                if (handler instanceof ConversationHandler<?> conversation) {
                    conversation.attachTo(this);
                }
            }
            TreeMap<Integer, List<Handler<? super X>>> next = new TreeMap<>(handlers);
            List<Handler<? super X>> list = new ArrayList<>(next.getOrDefault(group, List.of()));
            list.addAll(added);
            next.put(group, List.copyOf(list));
            handlers = Collections.unmodifiableNavigableMap(next);
        } finally {
            registration.unlock();
        }
    }

    /** Removes a handler from a group; false when it was not there. An empty group disappears. */
    public boolean removeHandler(Handler<? super X> handler, int group) {
        registration.lock();
        try {
            List<Handler<? super X>> list = handlers.get(group);
            if (list == null || !list.contains(handler)) {
                return false;
            }
            TreeMap<Integer, List<Handler<? super X>>> next = new TreeMap<>(handlers);
            List<Handler<? super X>> remaining = new ArrayList<>(list);
            remaining.remove(handler);
            if (remaining.isEmpty()) {
                next.remove(group);
            } else {
                next.put(group, List.copyOf(remaining));
            }
            handlers = Collections.unmodifiableNavigableMap(next);
            return true;
        } finally {
            registration.unlock();
        }
    }

    /** The handlers by group, ascending (an immutable snapshot). */
    public NavigableMap<Integer, List<Handler<? super X>>> handlers() {
        return handlers;
    }

    /** Adds a blocking error handler. */
    public void addErrorHandler(ErrorHandler<? super X> handler) {
        addErrorHandler(handler, true);
    }

    /**
     * Adds an error handler; {@code block=false} runs it as a task (its own exceptions are only logged). Adding the
     * same handler twice logs a warning and keeps the first registration, as PTB.
     */
    public void addErrorHandler(ErrorHandler<? super X> handler, boolean block) {
        Objects.requireNonNull(handler, "handler");
        registration.lock();
        try {
            if (errorHandlers.stream().anyMatch(e -> e.handler().equals(handler))) {
                LOG.warn("The callback is already registered as an error handler. Ignoring.");
                return;
            }
            List<ErrorHandlerEntry<X>> next = new ArrayList<>(errorHandlers);
            next.add(new ErrorHandlerEntry<>(handler, block));
            errorHandlers = List.copyOf(next);
        } finally {
            registration.unlock();
        }
    }

    /** Removes an error handler; silent when it is not registered. */
    public void removeErrorHandler(ErrorHandler<? super X> handler) {
        registration.lock();
        try {
            errorHandlers = errorHandlers.stream().filter(e -> !e.handler().equals(handler)).toList();
        } finally {
            registration.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------- data

    /** Removes a chat's data; see {@link DataStore#dropChatData}. */
    public void dropChatData(long chatId) {
        data.dropChatData(chatId);
    }

    /** Removes a user's data. */
    public void dropUserData(long userId) {
        data.dropUserData(userId);
    }

    /** Moves a migrated group's data using the migration service message; see {@link DataStore#migrateChatData}. */
    public void migrateChatData(Message message) {
        data.migrateChatData(message);
    }

    /** Moves a chat's data from one id to another. */
    public void migrateChatData(long oldChatId, long newChatId) {
        data.migrateChatData(oldChatId, newChatId);
    }

    /** Forces data of these chats and users to be written by the next persistence run. */
    public void markDataForUpdatePersistence(Collection<Long> chatIds, Collection<Long> userIds) {
        data.markForUpdate(chatIds, userIds);
    }

    /**
     * Writes to the persistence now (PTB's {@code update_persistence}): the bot data, the drops and the data of the
     * ids marked since the last run. The application does this every {@code updateInterval()} while running and
     * once in {@link #shutdown()}; failures go to the error handlers. Does nothing without a persistence.
     */
    public void updatePersistence() {
        if (persistence != null) {
            persistence.update();
        }
    }

    /** The conversation handlers added to the groups (nested ones are reached through them). */
    private List<ConversationHandler<?>> conversationHandlers() {
        List<ConversationHandler<?>> found = new ArrayList<>();
        for (List<Handler<? super X>> group : handlers.values()) {
            for (Handler<? super X> handler : group) {
                if (handler instanceof ConversationHandler<?> conversation && !found.contains(conversation)) {
                    found.add(conversation);
                }
            }
        }
        return found;
    }

    /**
     * Loads the states of the persistent conversation handlers (PTB does it in {@code initialize}); two different
     * persistent handlers must not share a name, since their states would mix in the store.
     */
    private void loadConversations(Persistence<?, ?, ?> store) {
        List<ConversationHandler<?>> top = conversationHandlers();
        Map<String, ConversationHandler<?>> byName = new HashMap<>();
        List<ConversationHandler<?>> pending = new ArrayList<>(top);
        while (!pending.isEmpty()) {
            ConversationHandler<?> c = pending.removeLast();
            pending.addAll(c.nestedConversations());
            if (c.isPersistent()) {
                ConversationHandler<?> other = byName.putIfAbsent(c.name().orElseThrow(), c);
                if (other != null && other != c) {
                    throw new IllegalStateException("Two persistent conversation handlers are named '"
                            + c.name().orElseThrow() + "' (" + other + " and " + c + "): their states would mix in "
                            + "the persistence; give each its own name");
                }
            }
        }
        for (ConversationHandler<?> c : top) {
            c.loadPersistedStates(store);
        }
    }

    /** Runs the persistence's refresh hooks for a context's chat and user (see {@code CallbackContext#refreshData}). */
    void refreshData(Long chatId, Long userId) {
        if (persistence != null) {
            persistence.refresh(chatId, userId);
        }
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * Prepares the application: calls {@code getMe} (the bot's username is needed by command handlers),
     * initializes the update processor and, with a persistence, loads the kinds of data it stores. Idempotent.
     * Does not run {@code postInit}.
     *
     * @throws dev.telescale.core.persistence.PersistenceException when loading from the persistence fails (the
     *                                                             application stays uninitialized)
     */
    public void initialize() {
        lifecycle.lock();
        try {
            if (initialized) {
                LOG.debug("This Application is already initialized.");
                return;
            }
            botUser = bot.getMe();
            processor.initialize();
            if (persistence != null) {
                persistence.load();
                loadConversations(persistence.persistence());
            }
            initialized = true;
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Starts processing: the job queue and the thread taking updates from the queue. Does not fetch updates from
     * Telegram (the Updater does).
     *
     * @throws IllegalStateException when already running or not initialized
     */
    public void start() {
        lifecycle.lock();
        try {
            if (running) {
                throw new IllegalStateException("This Application is already running!");
            }
            if (!initialized) {
                throw new IllegalStateException("This Application was not initialized via Application.initialize()!");
            }
            running = true;
            accepting = true;
            if (persistence != null) {
                persistence.startLoop();
            }
            if (jobQueue != null) {
                jobQueue.start();
            }
            fetcher = Thread.ofVirtual().name("telescale-fetcher").start(this::fetchLoop);
            LOG.info("Application started");
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Stops processing gracefully: refuses new updates, processes every update queued before, stops the job queue
     * (waiting for running jobs) and waits for the tasks made by {@link #createTask}. Does not stop the Updater.
     *
     * @throws IllegalStateException when not running
     */
    public void stop() {
        lifecycle.lock();
        try {
            if (!running) {
                throw new IllegalStateException("This Application is not running!");
            }
            running = false;
            LOG.info("Application is stopping. This might take a moment.");
            gate.writeLock().lock();
            try {
                accepting = false;
            } finally {
                gate.writeLock().unlock();
            }
            Thread f = fetcher;
            // An interrupt must not cut the graceful stop short: finish it and restore the flag afterwards.
            boolean interrupted = false;
            while (true) {
                try {
                    queue.put(STOP);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            while (f.isAlive()) {
                try {
                    f.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (jobQueue != null) {
                jobQueue.stop(true);
            }
            awaitTasks();
            if (persistence != null) {
                persistence.stopLoop();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            LOG.info("Application stopped");
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Releases resources: the bot (when the builder created it; a Bot passed with {@code bot(...)} stays open for
     * its owner) and the processor; with a persistence, writes once more and calls {@code flush()} (failures go to
     * the error handlers). No-op when not initialized.
     *
     * @throws IllegalStateException while running
     */
    public void shutdown() {
        lifecycle.lock();
        try {
            if (running) {
                throw new IllegalStateException("This Application is still running!");
            }
            if (!initialized) {
                LOG.debug("This Application is already shut down. Returning.");
                return;
            }
            processor.shutdown();
            if (persistence != null) {
                persistence.updateAndFlush();
            }
            if (ownsBot) {
                bot.shutdown();
            }
            initialized = false;
        } finally {
            lifecycle.unlock();
        }
    }

    /** {@link #runPolling(PollingOptions)} with PTB's defaults. */
    public void runPolling() {
        runPolling(PollingOptions.defaults());
    }

    /**
     * Runs the bot by long polling until SIGINT/SIGTERM (a JVM shutdown hook) or {@link #stopRunning()}: initialize,
     * {@code postInit}, start polling, start; then stop polling (confirming the offset), stop (finishing every
     * update taken), {@code postStop}, shutdown, {@code postShutdown}. Polling errors go to the error handlers
     * (update null) unless the options have an error callback of their own.
     *
     * @throws IllegalStateException when the application has no Updater
     */
    public void runPolling(PollingOptions options) {
        Objects.requireNonNull(options, "options");
        requireUpdater("runPolling");
        PollingOptions effective = options.errorCallback() != null ? options : new PollingOptions(
                options.pollInterval(), options.timeout(), options.bootstrapRetries(), options.allowedUpdates(),
                options.dropPendingUpdates(), this::reportSourceError);
        run(() -> updater.startPolling(effective));
    }

    /**
     * Runs the bot with the webhook server until SIGINT/SIGTERM or {@link #stopRunning()}, as
     * {@link #runPolling(PollingOptions)}. Handlers may answer inside the HTTP response with
     * {@code context.replyViaWebhook(...)} or by returning an {@code ApiMethod}. Failed replies that had to be
     * sent as normal calls go to the error handlers (update null) unless the options have an error callback.
     */
    public void runWebhook(WebhookOptions options) {
        Objects.requireNonNull(options, "options");
        requireUpdater("runWebhook");
        WebhookOptions o = options;
        WebhookOptions effective = o.errorCallback() != null ? o : new WebhookOptions(o.listen(), o.port(),
                o.urlPath(), o.tlsCert(), o.tlsKey(), o.webhookUrl(), o.secretToken(), o.maxConnections(),
                o.ipAddress(), o.allowedUpdates(), o.dropPendingUpdates(), o.bootstrapRetries(), o.maxBodyBytes(),
                o.replyWait(), o.healthPath(), o.server(), this::reportSourceError);
        run(() -> updater.startWebhook(effective));
    }

    /**
     * Makes {@link #runPolling}/{@link #runWebhook} stop and shut down gracefully; callable from handlers, jobs and
     * hooks. Called from {@code postInit}, the run skips starting and goes straight to shutdown.
     */
    public void stopRunning() {
        RunControl control = runControl;
        if (control != null) {
            control.requestStop();
        }
    }

    private void requireUpdater(String what) {
        if (updater == null) {
            throw new IllegalStateException("Application." + what + " is only available if the application has an "
                    + "Updater (it was built with noUpdater())");
        }
    }

    private void run(Runnable startUpdater) {
        RunControl control = new RunControl();
        lifecycle.lock();
        try {
            if (runControl != null) {
                throw new IllegalStateException("This Application is already running a runPolling/runWebhook loop");
            }
            runControl = control;
        } finally {
            lifecycle.unlock();
        }
        Thread hook = shutdownHook ? Thread.ofPlatform().name("telescale-shutdown").unstarted(() -> {
            LOG.info("Received a stop signal; shutting down gracefully");
            control.requestStop();
            control.awaitFinished();
        }) : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            initialize();
            if (postInit != null) {
                postInit.run(this);
            }
            if (control.stopRequested()) {
                LOG.info("Application received stop signal via stopRunning() before start. Shutting down.");
            } else {
                startUpdater.run();
                start();
                control.awaitStop();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The postInit hook failed: " + e.getMessage(), e);
        } finally {
            try {
                finishRun();
            } finally {
                runControl = null;
                control.finished();
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // The JVM is exiting because of a signal and the hook is what waits for us: nothing to undo.
                    }
                }
            }
        }
    }

    private void finishRun() {
        if (updater != null && updater.isRunning()) {
            safely("stopping the updater", updater::stop);
        }
        if (running) {
            safely("stopping the application", this::stop);
            if (postStop != null) {
                safely("postStop", () -> postStop.run(this));
            }
        }
        safely("shutting down the application", this::shutdown);
        if (postShutdown != null) {
            safely("postShutdown", () -> postShutdown.run(this));
        }
    }

    private static void safely(String step, ThrowingRunnable action) {
        try {
            action.run();
        } catch (Exception e) {
            LOG.error("Error while {} during the graceful stop; continuing", step, e);
        }
    }

    // -------------------------------------------------------------------------------------------------- updates

    /**
     * Queues an update (an {@code Update} or any object for {@code TypeHandler}s and custom handlers). Blocks while
     * the queue is full; returning means the update is queued and will be processed before {@link #stop()} ends.
     *
     * @throws NullPointerException for null
     * @throws IllegalStateException after {@link #stop()}, or when interrupted while waiting for room
     */
    @Override
    public void submit(Object update) {
        enqueue(new Envelope(Objects.requireNonNull(update, "update must not be null"), null));
    }

    /**
     * Queues an update that came by webhook. The future completes with the method for the HTTP response as soon
     * as a handler gives one — the first {@code context.replyViaWebhook(method)}, or the first {@code ApiMethod} a
     * handler callback returns, whichever comes first — or with empty when processing of the update ends without
     * one (a reply from a non-blocking handler after that is sent as a normal call). Cancelling it (the source
     * stopped waiting) makes later replies normal calls. When the bot has a rate limiter the future is complete
     * (empty) at once and every reply is a normal call, paced by the limiter: a reply in the response would bypass
     * it. With arbitrary callback data a reply's keyboards are rewritten through the bot's cache by the webhook
     * server ({@code WebhookRoute.replyCallbackData}); a source of your own must do the same
     * ({@code CallbackDataCache.rewriteKeyboards}).
     */
    @Override
    public CompletableFuture<Optional<ApiMethod<?>>> submitForReply(Update update) {
        WebhookReplySlot reply = replySlot();
        enqueue(new Envelope(Objects.requireNonNull(update, "update must not be null"), reply));
        return reply == null ? CompletableFuture.completedFuture(Optional.empty()) : reply.future();
    }

    /**
     * {@link #submit} without blocking: queues the update when the queue has room right now.
     *
     * @return false when the queue is full (nothing was queued)
     * @throws IllegalStateException after {@link #stop()}
     */
    @Override
    public boolean trySubmit(Object update) {
        return offer(new Envelope(Objects.requireNonNull(update, "update must not be null"), null));
    }

    /**
     * {@link #submitForReply} without blocking: the future when the update was queued right now, {@code null}
     * when the queue is full (nothing was queued).
     *
     * @throws IllegalStateException after {@link #stop()}
     */
    @Override
    public CompletableFuture<Optional<ApiMethod<?>>> trySubmitForReply(Update update) {
        WebhookReplySlot reply = replySlot();
        if (!offer(new Envelope(Objects.requireNonNull(update, "update must not be null"), reply))) {
            return null;
        }
        return reply == null ? CompletableFuture.completedFuture(Optional.empty()) : reply.future();
    }

    /**
     * A webhook reply slot, or null when the bot has a rate limiter: a reply in the HTTP response would bypass it
     * (Telegram executes it at once and it counts against the same limits), so with a limiter every reply is sent
     * as a normal call, which the limiter paces, and the webhook answers at once without waiting for a reply.
     */
    private WebhookReplySlot replySlot() {
        return bot.rateLimiter().isPresent() ? null : new WebhookReplySlot();
    }

    private boolean offer(Envelope envelope) {
        gate.readLock().lock();
        try {
            if (!accepting) {
                throw new IllegalStateException("This Application is stopped and accepts no more updates");
            }
            return queue.offer(envelope);
        } finally {
            gate.readLock().unlock();
        }
    }

    private void enqueue(Envelope envelope) {
        gate.readLock().lock();
        try {
            if (!accepting) {
                throw new IllegalStateException("This Application is stopped and accepts no more updates");
            }
            queue.put(envelope);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for room in the update queue; the update "
                    + "was not queued", e);
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Processes one update right now on the calling thread, bypassing the queue and the update processor (for
     * frameworks that own the threads: a servlet, a Spring controller). Exceptions of handlers go to the error
     * handlers, never to the caller.
     *
     * @throws IllegalStateException before {@link #initialize()}
     */
    public void processUpdate(Object update) {
        Objects.requireNonNull(update, "update must not be null");
        if (!initialized) {
            throw new IllegalStateException("This Application was not initialized via Application.initialize()!");
        }
        dispatch(update, null);
    }

    private void fetchLoop() {
        try {
            while (true) {
                Envelope envelope = queue.take();
                if (envelope == STOP) {
                    break;
                }
                processor.process(envelope.update(), () -> processEnvelope(envelope));
            }
            processor.awaitIdle();
        } catch (InterruptedException e) {
            LOG.error("The update fetcher was interrupted; updates still queued are not processed");
        } catch (RuntimeException | Error e) {
            LOG.error("The update fetcher failed; updates still queued are not processed", e);
        }
    }

    private void processEnvelope(Envelope envelope) {
        UpdateDeadline deadline = deadlines == null ? null : UpdateDeadline.arm(deadlines, processingTimeout);
        try {
            dispatch(envelope.update(), envelope.reply(), deadline);
        } catch (RuntimeException | Error e) {
            LOG.error("Processing an update failed outside of the handlers", e);
        } finally {
            if (deadline != null) {
                deadline.end(); // after this no interrupt reaches the processor's thread
            }
            if (envelope.reply() != null) {
                envelope.reply().finish();
            }
        }
    }

    private void dispatch(Object update, WebhookReplySlot reply) {
        dispatch(update, reply, null);
    }

    /** Reports the timeout once (with what the interrupted handler threw, if anything); true if it expired. */
    private boolean timedOut(Object update, UpdateDeadline deadline, Throwable cause) {
        if (deadline == null || !deadline.expired()) {
            return false;
        }
        deadline.end(); // clears the interrupt so error handlers can make calls
        if (deadline.claimReport()) {
            processError(update, new UpdateTimeoutException(update, deadline.limit(), cause), null);
        }
        return true;
    }

    private void dispatch(Object update, WebhookReplySlot reply, UpdateDeadline deadline) {
        if (autoMigrateChatData) {
            migrateFromServiceMessage(update);
        }
        X context = null;
        boolean anyBlocking = false;
        for (List<Handler<? super X>> group : handlers.values()) {
            if (timedOut(update, deadline, null)) {
                break;
            }
            try {
                for (Handler<? super X> handler : group) {
                    CheckResult result = handler.check(update, this);
                    if (!(result instanceof CheckResult.Match match)) {
                        continue;
                    }
                    if (context == null) {
                        try {
                            context = newContext(update, null, null, reply);
                        } catch (RuntimeException e) {
                            LOG.error("Building the callback context failed; the update is not processed", e);
                            return;
                        }
                        context.refreshData(); // a failure goes to the error handlers like a handler's
                    }
                    if (handler.blocking()) {
                        anyBlocking = true;
                        Object value = handler.handle(update, match, context);
                        sendReturnedMethod(value, reply);
                    } else {
                        X shared = context;
                        createTask(() -> {
                            Object value = handler.handle(update, match, shared);
                            sendReturnedMethod(value, reply);
                            return value;
                        }, update, false);
                    }
                    break;
                }
            } catch (ApplicationHandlerStop stop) {
                break;
            } catch (Exception e) {
                if (timedOut(update, deadline, e)) {
                    break;
                }
                if (processError(update, e, null)) {
                    break;
                }
            }
        }
        timedOut(update, deadline, null);
        if (anyBlocking) {
            markForPersistence(update);
            if (writeThrough) {
                persistence.writeThrough();
            }
        }
    }

    private void sendReturnedMethod(Object value, WebhookReplySlot reply) {
        if (value instanceof ApiMethod<?> method && (reply == null || !reply.offer(method))) {
            bot.execute(method);
        }
    }

    private void migrateFromServiceMessage(Object update) {
        Effective.message(update)
                .filter(m -> m.migrateToChatId().isPresent() || m.migrateFromChatId().isPresent())
                .ifPresent(data::migrateChatData);
    }

    private void markForPersistence(Object update) {
        Effective.chatId(update).ifPresent(data::markChat);
        Effective.userId(update).ifPresent(data::markUser);
    }

    // --------------------------------------------------------------------------------------------------- errors

    /**
     * Hands an error to the error handlers (PTB's {@code process_error}); without any, logs it. Returns true when
     * a blocking error handler threw {@link ApplicationHandlerStop} (the caller stops dispatching the update).
     */
    public boolean processError(Object update, Throwable error) {
        return processError(update, error, null);
    }

    private boolean processError(Object update, Throwable error, Job<?> job) {
        if (autoMigrateChatData && error instanceof ChatMigrated migrated) {
            OptionalLong oldChat = job != null ? job.chatId() : Effective.chatId(update);
            oldChat.ifPresent(old -> data.migrateChatData(old, migrated.newChatId()));
        }
        List<ErrorHandlerEntry<X>> entries = errorHandlers;
        if (entries.isEmpty()) {
            LOG.error("No error handlers are registered, logging exception.", error);
            return false;
        }
        for (ErrorHandlerEntry<X> entry : entries) {
            X context;
            try {
                context = job != null ? newContext(null, job, error, null)
                        : newContext(update, null, error, null);
            } catch (RuntimeException e) {
                LOG.error("Building the callback context for an error handler failed", e);
                return false;
            }
            if (!entry.block()) {
                X ctx = context;
                createTask(() -> {
                    entry.handler().handle(update, ctx);
                    return null;
                }, update, true);
                continue;
            }
            try {
                entry.handler().handle(update, context);
            } catch (ApplicationHandlerStop stop) {
                return true;
            } catch (Exception e) {
                LOG.error("An error was raised and an uncaught error was raised while handling the error with an "
                        + "error handler.", e);
            }
        }
        return false;
    }

    private void reportSourceError(TelegramApiException error) {
        createTask(() -> processError(null, error, null), null, true);
    }

    // ---------------------------------------------------------------------------------------------------- tasks

    /** {@link #createTask(Callable, Object)} without an update. */
    public <T> CompletableFuture<T> createTask(Callable<T> task) {
        return createTask(task, null);
    }

    /**
     * Runs {@code task} on a virtual thread (PTB's {@code create_task}). Its exception goes to the error handlers
     * (with {@code update}) and completes the future exceptionally. Tasks created while the application runs are
     * awaited by {@link #stop()}; others log a warning that they will not be.
     */
    public <T> CompletableFuture<T> createTask(Callable<T> task, Object update) {
        return createTask(task, update, false);
    }

    private <T> CompletableFuture<T> createTask(Callable<T> task, Object update, boolean errorHandler) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> future = new CompletableFuture<>();
        if (running) {
            tasks.add(future);
            future.whenComplete((v, e) -> tasks.remove(future));
        } else if (!errorHandler) {
            LOG.warn("Tasks created via Application.createTask while the application is not running won't be "
                    + "automatically awaited!");
        }
        TASKS.newThread(() -> {
            try {
                future.complete(task.call());
            } catch (Throwable e) {
                if (e instanceof ApplicationHandlerStop) {
                    LOG.warn("ApplicationHandlerStop is not supported with handlers running non-blocking.");
                } else if (errorHandler) {
                    LOG.error("An error was raised and an uncaught error was raised while handling the error with "
                            + "an error handler.", e);
                } else if (e instanceof Exception ex) {
                    processError(update, ex, null);
                } else {
                    LOG.error("A task failed with an Error", e);
                }
                future.completeExceptionally(e);
            } finally {
                if (update != null) {
                    markForPersistence(update);
                    if (writeThrough) {
                        persistence.writeThrough();
                    }
                }
            }
        }).start();
        return future;
    }

    private void awaitTasks() {
        while (!tasks.isEmpty()) {
            for (CompletableFuture<?> task : List.copyOf(tasks)) {
                try {
                    task.join();
                } catch (RuntimeException ignored) {
                    // A failed task already reached the error handlers; stop() only waits for it to end.
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- context

    private X newContext(Object update, Job<?> job, Throwable error, WebhookReplySlot reply) {
        Long chatId;
        Long userId;
        if (job != null) {
            chatId = boxed(job.chatId());
            userId = boxed(job.userId());
        } else {
            chatId = boxed(Effective.chatId(update));
            userId = boxed(Effective.userId(update));
        }
        return contextTypes.create(this, data, update, chatId, userId, error, job, reply);
    }

    private static Long boxed(OptionalLong id) {
        return id.isPresent() ? id.getAsLong() : null;
    }

    @Override
    public String toString() {
        return "Application[" + bot + ", " + (running ? "running" : initialized ? "initialized" : "not initialized")
                + ", " + processor + "]";
    }

    // ------------------------------------------------------------------------------------------------ internals

    /** An update on the queue, with the webhook reply slot when it came by webhook. */
    private record Envelope(Object update, WebhookReplySlot reply) {
    }

    /** A registered error handler and its block flag. */
    private record ErrorHandlerEntry<X>(ErrorHandler<? super X> handler, boolean block) {
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The stop request and completion of one runPolling/runWebhook call. */
    private static final class RunControl {
        private final CountDownLatch stop = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);

        void requestStop() {
            stop.countDown();
        }

        boolean stopRequested() {
            return stop.getCount() == 0;
        }

        void awaitStop() {
            try {
                stop.await();
            } catch (InterruptedException e) {
                // An interrupt of the running thread is a request to stop too.
                Thread.currentThread().interrupt();
            }
        }

        void finished() {
            done.countDown();
        }

        void awaitFinished() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What the job queue needs from the application. */
    private final class Jobs implements JobRuntime<X> {
        @Override
        public X contextFor(Job<X> job) {
            X context = newContext(null, job, null, null);
            context.refreshData(); // a failure is the job's error
            return context;
        }

        @Override
        public void reportError(Job<X> job, Throwable error) {
            processError(null, error, job);
        }

        @Override
        public ZoneId zone() {
            return bot.defaults().map(Defaults::timeZone).orElse(ZoneOffset.UTC);
        }

        @Override
        public void markForPersistence(Job<X> job) {
            job.chatId().ifPresent(data::markChat);
            job.userId().ifPresent(data::markUser);
        }
    }
}
