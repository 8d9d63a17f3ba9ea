package dev.telescale.core.conversation;

import dev.telescale.api.types.CallbackQuery;
import dev.telescale.api.types.Chat;
import dev.telescale.api.types.InaccessibleMessage;
import dev.telescale.api.types.MaybeInaccessibleMessage;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.UnknownMaybeInaccessibleMessage;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import dev.telescale.core.Application;
import dev.telescale.core.ApplicationHandlerStop;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.Effective;
import dev.telescale.core.handler.CheckResult;
import dev.telescale.core.handler.Handler;
import dev.telescale.core.job.Job;
import dev.telescale.core.job.JobQueue;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.persistence.PersistenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dialogue with a user as a state machine (PTB's {@code ConversationHandler}): entry points start a conversation,
 * the handlers of the current state carry it on, fallbacks catch what the state's handlers do not, and each callback
 * returns the next state.
 *
 * <pre>{@code
 * enum Step { GENDER, PHOTO, BIO }
 *
 * ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
 *         .entryPoints(CommandHandler.returning("start", (u, c) -> { c.replyText("Boy or girl?"); return Step.GENDER; }))
 *         .state(Step.GENDER, MessageHandler.returning(Filters.regex("^(Boy|Girl)$"), (u, c) -> Step.PHOTO))
 *         .state(Step.PHOTO, MessageHandler.returning(Filters.PHOTO, (u, c) -> Step.BIO))
 *         .state(Step.BIO, MessageHandler.returning(Filters.TEXT, (u, c) -> ConversationHandler.END))
 *         .fallbacks(CommandHandler.returning("cancel", (u, c) -> ConversationHandler.END))
 *         .timeout(Duration.ofMinutes(10))
 *         .build();
 * app.addHandler(conv);
 * }</pre>
 *
 * <h2>Which handler runs</h2>
 * A conversation is identified by a {@link ConversationKey} made of the update's chat ({@code perChat}, default
 * true), user ({@code perUser}, default true), the message with the pressed button ({@code perMessage}, default
 * false) and the forum topic ({@code perThread}, default false: the {@code message_thread_id} of a topic message;
 * updates in the General topic or outside forums have no topic part). Updates lacking a part the handler needs, and
 * channel posts, are not taken. With no conversation going on for the key, the first matching entry point runs;
 * during one, the handlers of the current state, then the fallbacks ({@code allowReentry(true)} asks the entry
 * points first even then). States are any values with {@code equals}/{@code hashCode}: Integers, Strings, enum
 * constants.
 *
 * <h2>What a callback returns</h2>
 * The next state; {@code null} stays in the current state (an entry point returning null does not start a
 * conversation); {@link #END} ends it. A state that was not registered with {@link Builder#state} is stored all the
 * same, with a warning (only the fallbacks can then continue). {@code throw new ApplicationHandlerStop(state)} sets
 * the state <em>and</em> stops the update's dispatch to later groups (the handler rethrows it after storing).
 *
 * <h2>Non-blocking callbacks</h2>
 * An inner handler runs non-blocking when it says {@code block(false)}, or when it leaves block unset and the
 * conversation says {@code block(false)} (PTB's resolution: the inner handler's explicit flag, then the
 * conversation's, then true). Its callback runs as an application task and the conversation is <em>pending</em>
 * until it returns: meanwhile only the handlers registered for {@link #WAITING} are asked (their results never
 * change the state). The next update after the task ended stores its result (null, or a failure, keeps the old
 * state; for an entry point, no conversation).
 *
 * <h2>Timeout</h2>
 * With {@code timeout(d)} every handled update (re)arms a one-off job on the application's {@code JobQueue}, even
 * when the state stays or the callback fails, so the timeout counts from the last update of the conversation. When it fires, every handler
 * of the {@link #TIMEOUT} state whose check matches the last update runs, with that update and the context it was
 * handled with; then the conversation ends. A job outdated by a later update does nothing. Errors of TIMEOUT
 * handlers reach the error handlers (with the last update) and do not stop the others; {@code ApplicationHandlerStop}
 * there is ignored with a warning. Without a job queue the timeout is ignored with a warning.
 *
 * <h2>Nesting</h2>
 * A conversation handler can be an entry point, a state handler or a fallback of another. The child runs with the
 * parent's update and context; it returns null to its parent (the parent stays in its state) unless its callback
 * returned a key of {@code mapToParent}: then the child conversation ends and the parent moves to the mapped state
 * (mapping to {@link #END} ends the parent too). {@code mapToParent} keys shadow the child's own states of the same
 * value. Timeouts with nesting are not supported (a warning says so).
 *
 * <h2>Persistence</h2>
 * A {@code name}d, {@code persistent(true)} handler is loaded by {@code Application.initialize()} through
 * {@link Persistence#getConversations(String)}, and every persistence run writes the keys changed since the last run
 * with {@link Persistence#updateConversation} (an ended conversation as {@code Optional.empty()}; a pending one as
 * its old state, and again once resolved). States are stored as an {@code Integer}, a {@code String} or an enum
 * constant's {@code name()}, and mapped back to the handler's states on load; {@link Builder#build()} refuses
 * persistent handlers with states of other types, or with two states stored the same way. A stored state the handler
 * no longer has (a renamed enum constant, a removed state) is <b>dropped</b> with a warning and deleted from the store
 * on the next run, so the user starts again from an entry point rather than being stuck in a state nothing handles.
 * Nested handlers of a persistent handler must be named and persistent too ({@code initialize()} fails otherwise),
 * and the application must have a persistence ({@code addHandler} fails otherwise). In the persistence's read-through
 * mode ({@link Persistence#readThrough()}) the handler re-reads the update's conversation from the store before
 * choosing a handler, unless its own callback for it is still running or its last change is not written yet.
 *
 * <h2>Concurrency</h2>
 * The conversation map is a {@code ConcurrentHashMap}: updates of different conversations may be handled at the
 * same time on different threads. A conversation reads its state when an update arrives and writes it after the
 * callback, so two updates of the <em>same</em> conversation must not be handled at the same time, or both start from
 * the same state and the later write wins. Under the default {@code UpdateProcessor.orderedPerChatAndUser()} they
 * never are: every key holds the chat or the user (or both), and the processor runs one update at a time per chat
 * and per user, in arrival order; keys with a message or a topic part are finer than the chat, so they are covered
 * too. The exception is a handler keyed by message only ({@code perChat(false).perUser(false).perMessage(true)}):
 * inline messages have no chat, and presses on one inline message by different users are ordered by nothing;
 * {@code addHandler} warns. {@code sequential()} is always safe; {@code concurrent(n)} with n &gt; 1 (or a processor
 * of your own) orders nothing, and {@code addHandler} warns. An ordered processor with custom keys must include the
 * chat and the user for the same guarantee. {@code Application.processUpdate} bypasses the processor: callers
 * feeding it from several threads must keep one conversation's updates apart themselves. Non-blocking callbacks are
 * safe (the pending state blocks the conversation until they end). The timeout job runs on the job queue, outside
 * the chat's order: if an update of the conversation is handled at the very moment the timeout fires, the TIMEOUT
 * handlers may run as well, and the conversation ends only if its state is still the one the timeout saw.
 *
 * <h2>Warnings</h2>
 * {@link Builder#build()} logs, once each, PTB's construction-time warnings: handlers that can never trigger in a
 * conversation ({@code StringCommandHandler}, a {@code TypeHandler} of something other than {@code Update},
 * {@code PollHandler}, user-only handlers with {@code perChat}), {@code perMessage} with handlers other than
 * {@code CallbackQueryHandler} (and without {@code perChat}), {@code CallbackQueryHandler} without
 * {@code perMessage}, {@code perThread} without {@code perChat}, a timeout with nested conversations.
 *
 * @param <X> the context type
 */
public final class ConversationHandler<X extends CallbackContext<?, ?, ?>> implements Handler<X> {

    /** Returned by a callback: the conversation ends. Not a state: it cannot be registered. */
    public static final Object END = new SpecialState("END");

    /** The state whose handlers run when the conversation times out (see {@link Builder#timeout}). */
    public static final Object TIMEOUT = new SpecialState("TIMEOUT");

    /** The state whose handlers run while a non-blocking callback of the conversation is still running. */
    public static final Object WAITING = new SpecialState("WAITING");

    private static final Logger LOG = LoggerFactory.getLogger(ConversationHandler.class);

    private final List<Handler<? super X>> entryPoints;
    private final Map<Object, List<Handler<? super X>>> states;
    private final List<Handler<? super X>> fallbacks;
    private final boolean allowReentry;
    private final boolean perChat;
    private final boolean perUser;
    private final boolean perMessage;
    private final boolean perThread;
    private final Duration timeout;
    private final String name;
    private final boolean persistent;
    private final Map<Object, Object> mapToParent;
    private final Boolean block;
    private final List<String> warnings;
    private final StoredStates codec;
    private final List<ConversationHandler<?>> nested;

    /** Current states by conversation: a state, or a {@link PendingState} while a non-blocking callback runs. */
    private final ConcurrentHashMap<ConversationKey, Object> conversations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ConversationKey, TimeoutArm<X>> timeouts = new ConcurrentHashMap<>();
    /** Conversations changed since the last persistence run (persistent handlers only). */
    private final Set<ConversationKey> changed = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Application<?>> application = new AtomicReference<>();
    private final AtomicBoolean warnedNoJobQueue = new AtomicBoolean();

    private ConversationHandler(Builder<X> b) {
        this.entryPoints = List.copyOf(b.entryPoints);
        Map<Object, List<Handler<? super X>>> s = new LinkedHashMap<>();
        b.states.forEach((state, handlers) -> s.put(state, List.copyOf(handlers)));
        this.states = Collections.unmodifiableMap(s);
        this.fallbacks = List.copyOf(b.fallbacks);
        this.allowReentry = b.allowReentry;
        this.perChat = b.perChat;
        this.perUser = b.perUser;
        this.perMessage = b.perMessage;
        this.perThread = b.perThread;
        this.timeout = b.timeout;
        this.name = b.name;
        this.persistent = b.persistent;
        this.mapToParent = Collections.unmodifiableMap(new LinkedHashMap<>(b.mapToParent));
        this.block = b.block;
        List<Handler<? super X>> inner = allInner();
        this.warnings = ConstructionWarnings.of(inner, perChat, perMessage, perThread, timeout);
        this.codec = persistent ? StoredStates.of(states.keySet(), name) : null;
        Map<ConversationHandler<?>, Boolean> children = new IdentityHashMap<>();
        for (Handler<? super X> h : inner) {
            if (h instanceof ConversationHandler<?> child) {
                children.put(child, true);
            }
        }
        this.nested = List.copyOf(children.keySet());
    }

    /** A builder; give the context type: {@code ConversationHandler.<DefaultContext>builder()}. */
    public static <X extends CallbackContext<?, ?, ?>> Builder<X> builder() {
        return new Builder<>();
    }

    // ------------------------------------------------------------------------------------------------- accessors

    /** The name given to the builder; needed for persistence. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Whether the states are kept in the application's persistence. */
    public boolean isPersistent() {
        return persistent;
    }

    /** The conversation timeout, when one was set. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The conversation handlers among this one's entry points, state handlers and fallbacks. */
    public List<ConversationHandler<?>> nestedConversations() {
        return nested;
    }

    /**
     * The state of one conversation: empty when none is going on. While a non-blocking callback runs, the state
     * before it; once it returned, the state its result makes (stored by the conversation's next update).
     */
    public Optional<Object> state(ConversationKey key) {
        Object current = conversations.get(Objects.requireNonNull(key, "key"));
        if (current instanceof PendingState pending) {
            current = pending.isDone() ? pending.resolve() : pending.oldState();
        }
        return current == END ? Optional.empty() : Optional.ofNullable(current);
    }

    /** How many conversations are going on (a snapshot). */
    public int activeConversations() {
        return conversations.size();
    }

    /** The construction-time warnings (also logged by {@code build()}). */
    List<String> warnings() {
        return warnings;
    }

    /** The timeout job armed for a conversation, if any. */
    Optional<Job<?>> timeoutJob(ConversationKey key) {
        TimeoutArm<X> arm = timeouts.get(key);
        return arm == null ? Optional.empty() : Optional.ofNullable(arm.job());
    }

    /** The conversation always blocks dispatch; non-blocking inner handlers run as tasks inside it. */
    @Override
    public boolean blocking() {
        return true;
    }

    /** Always {@code true}: a parent conversation never runs this one as a task (see {@link #blocking()}). */
    @Override
    public Optional<Boolean> explicitBlock() {
        return Optional.of(true);
    }

    // ------------------------------------------------------------------------------------------------- selection

    @Override
    public CheckResult check(Object update, Application<?> app) {
        if (!(update instanceof Update u) || u.channelPost().isPresent() || u.editedChannelPost().isPresent()) {
            return CheckResult.noMatch();
        }
        ConversationKey key = keyOf(u);
        if (key == null) {
            return CheckResult.noMatch();
        }
        if (app != null && persistent) {
            readThrough(app, key);
        }
        Object current = conversations.get(key);
        if (current instanceof PendingState pending) {
            if (!pending.isDone()) {
                return firstMatch(states.getOrDefault(WAITING, List.of()), update, app, key, WAITING, true);
            }
            current = resolvePending(key, pending);
        }
        Object state = current;
        if (state == null || allowReentry) {
            CheckResult entry = firstMatch(entryPoints, update, app, key, state, false);
            if (entry instanceof CheckResult.Match || state == null) {
                return entry;
            }
        }
        CheckResult inState = firstMatch(states.getOrDefault(state, List.of()), update, app, key, state, false);
        if (inState instanceof CheckResult.Match) {
            return inState;
        }
        return firstMatch(fallbacks, update, app, key, state, false);
    }

    private CheckResult firstMatch(List<Handler<? super X>> candidates, Object update, Application<?> app,
                                   ConversationKey key, Object state, boolean waiting) {
        for (Handler<? super X> handler : candidates) {
            if (handler.check(update, app) instanceof CheckResult.Match match) {
                return CheckResult.match(new Selection<X>(key, state, handler, match, waiting));
            }
        }
        return CheckResult.noMatch();
    }

    /** The key of an update, or null when it lacks a part this handler keys by. */
    private ConversationKey keyOf(Update u) {
        Optional<Chat> chat = Effective.chat(u);
        Optional<User> user = Effective.user(u);
        Optional<CallbackQuery> query = u.callbackQuery();
        if ((perChat && chat.isEmpty()) || (perUser && user.isEmpty()) || (perMessage && query.isEmpty())) {
            return null;
        }
        if (perChat && query.isPresent() && query.get().message().isEmpty()) {
            return null; // a button on an inline message: there is no chat to key by
        }
        OptionalLong messageId = OptionalLong.empty();
        Optional<String> inlineMessageId = Optional.empty();
        if (perMessage) {
            CallbackQuery q = query.get();
            if (q.inlineMessageId().isPresent()) {
                inlineMessageId = q.inlineMessageId();
            } else {
                Optional<MaybeInaccessibleMessage> message = q.message();
                if (message.isEmpty()) {
                    return null;
                }
                messageId = OptionalLong.of(messageIdOf(message.get()));
            }
        }
        OptionalLong threadId = OptionalLong.empty();
        if (perThread) {
            Optional<Message> message = Effective.message(u);
            if (message.isPresent() && message.get().isTopicMessage()) {
                threadId = message.get().messageThreadId();
            }
        }
        return new ConversationKey(perChat ? OptionalLong.of(chat.get().id()) : OptionalLong.empty(),
                perUser ? OptionalLong.of(user.get().id()) : OptionalLong.empty(), messageId, inlineMessageId,
                threadId);
    }

    private static long messageIdOf(MaybeInaccessibleMessage message) {
        return switch (message) {
            case Message m -> m.messageId();
            case InaccessibleMessage m -> m.messageId();
            case UnknownMaybeInaccessibleMessage m -> m.json().path("message_id").asLong();
        };
    }

    /** Stores the result of a finished non-blocking callback; returns the state now current (null: none). */
    private Object resolvePending(ConversationKey key, PendingState pending) {
        Object resolved = pending.resolve();
        if (resolved == END) {
            if (conversations.remove(key, pending)) {
                markChanged(key);
            }
        } else if (conversations.replace(key, pending, resolved)) {
            warnIfUnknown(resolved);
            markChanged(key);
        }
        Object now = conversations.get(key);
        return now instanceof PendingState ? null : now;
    }

    // --------------------------------------------------------------------------------------------------- handling

    @Override
    public Object handle(Object update, CheckResult.Match match, X context) throws Exception {
        if (!(match.value() instanceof Selection<?> raw)) {
            throw new IllegalArgumentException("ConversationHandler.handle needs the match its own check returned, "
                    + "got " + match);
        }
        @SuppressWarnings("unchecked") // check() made it with this handler's inner handlers, typed Handler<? super X>
        Selection<X> selection = (Selection<X>) raw;
        ConversationKey key = selection.key();
        Application<?> app = context.application();
        cancelTimeout(key);
        Handler<? super X> inner = selection.handler();
        Object newState = null;
        ApplicationHandlerStop stop = null;
        CompletableFuture<Object> task = null;
        if (blocks(inner)) {
            try {
                newState = inner.handle(update, selection.match(), context);
            } catch (ApplicationHandlerStop s) {
                newState = s.state();
                stop = s;
            } catch (Exception | Error e) {
                // The state stays; the conversation still times out counting from this update.
                if (timeout != null && conversations.containsKey(key)) {
                    armTimeout(key, update, context, app);
                }
                throw e;
            }
        } else {
            task = app.createTask(() -> inner.handle(update, selection.match(), context), update);
        }
        if (newState != null && mapToParent.containsKey(newState)) {
            if (conversations.remove(key) != null) {
                markChanged(key);
            }
            Object parentState = mapToParent.get(newState);
            if (stop != null) {
                throw new ApplicationHandlerStop(parentState);
            }
            return parentState;
        }
        if (!selection.waiting()) {
            if (task != null) {
                conversations.put(key, new PendingState(task, selection.state()));
                markChanged(key);
            } else {
                store(key, newState);
            }
        }
        if (timeout != null) {
            if (task != null) {
                task.thenAccept(result -> {
                    if (result != END && conversations.containsKey(key)) {
                        armTimeout(key, update, context, app);
                    }
                });
            } else if (conversations.containsKey(key)) {
                armTimeout(key, update, context, app);
            }
        }
        if (stop != null) {
            throw new ApplicationHandlerStop(); // the state went into this conversation, not to a parent
        }
        return null;
    }

    /** PTB's block resolution: the inner handler's explicit flag, then this conversation's, then true. */
    private boolean blocks(Handler<? super X> inner) {
        return inner.explicitBlock().orElse(block == null || block);
    }

    private void store(ConversationKey key, Object newState) {
        if (newState == null) {
            return; // stay; for an entry point: the conversation does not start
        }
        if (newState == END) {
            if (conversations.remove(key) != null) {
                markChanged(key);
            }
            return;
        }
        warnIfUnknown(newState);
        conversations.put(key, newState);
        markChanged(key);
    }

    private void warnIfUnknown(Object state) {
        if (!states.containsKey(state)) {
            LOG.warn("A callback returned the state {}, which is unknown to the ConversationHandler {}; it is stored "
                    + "anyway, and only the fallbacks (or entry points, with allowReentry) can continue from it.",
                    state, name == null ? "(unnamed)" : "'" + name + "'");
        }
    }

    private void markChanged(ConversationKey key) {
        if (persistent) {
            changed.add(key);
        }
    }

    // ---------------------------------------------------------------------------------------------------- timeout

    private void cancelTimeout(ConversationKey key) {
        TimeoutArm<X> arm = timeouts.remove(key);
        if (arm != null) {
            arm.cancel();
        }
    }

    private void armTimeout(ConversationKey key, Object update, X context, Application<?> app) {
        Optional<? extends JobQueue<?>> queue = app.jobQueue();
        if (queue.isEmpty()) {
            if (warnedNoJobQueue.compareAndSet(false, true)) {
                LOG.warn("Ignoring 'conversationTimeout' because the Application has no JobQueue.");
            }
            return;
        }
        if (!queue.get().isRunning()) {
            LOG.warn("Ignoring 'conversationTimeout' because the Application's JobQueue is not running.");
            return;
        }
        TimeoutArm<X> arm = new TimeoutArm<>(update, context, app);
        TimeoutArm<X> previous = timeouts.put(key, arm);
        if (previous != null) {
            previous.cancel();
        }
        arm.scheduled(schedule(queue.get(), () -> fireTimeout(key, arm), "conversation timeout "
                + (name == null ? "" : name + " ") + key));
    }

    private <Y> Job<Y> schedule(JobQueue<Y> queue, Runnable action, String jobName) {
        return queue.runOnce(context -> action.run(), timeout, o -> o.name(jobName));
    }

    private void fireTimeout(ConversationKey key, TimeoutArm<X> arm) {
        Object stateAtTimeout = conversations.get(key);
        if (!timeouts.remove(key, arm)) {
            return; // stale: a later update re-armed or cancelled the timeout
        }
        for (Handler<? super X> handler : states.getOrDefault(TIMEOUT, List.of())) {
            try {
                if (handler.check(arm.update, arm.application) instanceof CheckResult.Match match) {
                    handler.handle(arm.update, match, arm.context);
                }
            } catch (ApplicationHandlerStop stop) {
                LOG.warn("ApplicationHandlerStop in TIMEOUT state of ConversationHandler has no effect. Ignoring.");
            } catch (Exception e) {
                arm.application.processError(arm.update, e);
            }
        }
        if (stateAtTimeout != null && conversations.remove(key, stateAtTimeout)) {
            markChanged(key);
            if (persistent && arm.application.persistence().map(Persistence::readThrough).orElse(false)) {
                arm.application.updatePersistence();
            }
        }
    }

    // ----------------------------------------------------------------------------------------- application wiring

    /**
     * Application wiring, called by {@code Application.addHandler} (bot code does not call it): binds this handler
     * and its nested ones to the application and checks the combination. A persistent handler needs an application
     * with a persistence; added after {@code initialize()}, it loads its states at once (with a warning, as PTB).
     * Logs a warning when the timeout cannot work (no job queue) or the update processor can handle two updates of
     * one conversation at the same time.
     *
     * @throws IllegalArgumentException when the handler (or a nested one) is persistent and the application has no
     *                                  persistence
     * @throws IllegalStateException    when the handler is already bound to another application
     */
    public void attachTo(Application<?> app) {
        Objects.requireNonNull(app, "app");
        if (persistent && app.persistence().isEmpty()) {
            throw new IllegalArgumentException("ConversationHandler '" + name + "' can not be persistent if the "
                    + "application has no persistence: build the application with contextTypes(types, persistence)");
        }
        requireUnboundOrBoundTo(app);
        Application<?> previous = application.getAndSet(app);
        for (ConversationHandler<?> child : nested) {
            child.attachTo(app);
        }
        if (previous != null) {
            return; // added to a second group of the same application: checked already
        }
        if (timeout != null && app.jobQueue().isEmpty() && warnedNoJobQueue.compareAndSet(false, true)) {
            LOG.warn("Ignoring 'conversationTimeout' of {} because the Application has no JobQueue.", this);
        }
        OrderingCheck.problem(toString(), perChat, perUser, app.updateProcessor()).ifPresent(LOG::warn);
        if (persistent && app.isInitialized()) {
            LOG.warn("A persistent ConversationHandler was passed to addHandler after Application.initialize was "
                    + "called. This is discouraged: its states are loaded now, on the calling thread.");
            loadPersistedStates(app.persistence().orElseThrow());
        }
    }

    /** Checks the whole tree before binding any of it, so a refused handler leaves nothing half bound. */
    private void requireUnboundOrBoundTo(Application<?> app) {
        Application<?> bound = application.get();
        if (bound != null && bound != app) {
            throw new IllegalStateException(this + " is already added to another Application; a conversation handler "
                    + "keeps its conversations, so use one instance per application");
        }
        for (ConversationHandler<?> child : nested) {
            child.requireUnboundOrBoundTo(app);
        }
    }

    /**
     * Application wiring, called by {@code Application.initialize()}: loads this handler's states (when it is
     * persistent) and those of its nested handlers from the persistence. A stored state the handler does not know is
     * dropped with a warning and deleted from the store by the next run.
     *
     * @throws IllegalStateException when this handler is persistent and a nested one is not persistent or unnamed
     * @throws PersistenceException  when {@code getConversations} fails or returns null
     */
    public void loadPersistedStates(Persistence<?, ?, ?> persistence) {
        Objects.requireNonNull(persistence, "persistence");
        if (persistent) {
            for (ConversationHandler<?> child : nested) {
                if (!child.persistent) {
                    throw new IllegalStateException("The ConversationHandler " + child + " is nested in the persistent "
                            + "ConversationHandler '" + name + "' but is not persistent or has no name: give it a "
                            + "name and persistent(true) too, or its states would be lost on restart");
                }
            }
            Map<ConversationKey, Object> stored;
            try {
                stored = persistence.getConversations(name);
            } catch (PersistenceException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PersistenceException("Persistence.getConversations(\"" + name + "\") failed: " + e, e);
            }
            if (stored == null) {
                throw new PersistenceException("Persistence.getConversations(\"" + name + "\") returned null ("
                        + persistence.getClass().getName() + "); return an empty map when nothing is stored");
            }
            conversations.clear();
            stored.forEach((key, value) -> {
                Optional<Object> state = value == null ? Optional.empty() : codec.stateOf(value);
                if (state.isPresent()) {
                    conversations.put(key, state.get());
                } else {
                    LOG.warn("The stored state {} of conversation {} is not a state of the ConversationHandler '{}' "
                            + "(renamed or removed?); the conversation is dropped and deleted from the store on the "
                            + "next persistence run.", value, key, name);
                    changed.add(key);
                }
            });
        }
        for (ConversationHandler<?> child : nested) {
            child.loadPersistedStates(persistence);
        }
    }

    /**
     * Application wiring, called by each persistence run: writes the conversations changed since the last run
     * ({@code Optional.empty()} for ended ones; a pending one with its old state, and again once resolved) for this
     * handler and its nested ones. A failed write is reported to {@code errors} and retried by the next run.
     */
    public void writeChangedStates(Persistence<?, ?, ?> persistence, Consumer<? super PersistenceException> errors) {
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(errors, "errors");
        if (persistent) {
            List<ConversationKey> again = new ArrayList<>();
            for (ConversationKey key : changed) {
                if (!changed.remove(key)) {
                    continue;
                }
                Object current = conversations.get(key);
                if (current instanceof PendingState pending) {
                    again.add(key); // written as it is now, and again once the callback's result is stored
                    current = pending.isDone() ? pending.resolve() : pending.oldState();
                    if (current == null) {
                        continue; // an entry point still running: nothing to write yet
                    }
                }
                Optional<Object> stored = Optional.empty();
                if (current != null && current != END) {
                    stored = StoredStates.storedForm(current);
                    if (stored.isEmpty()) {
                        errors.accept(new PersistenceException("The state " + current + " of conversation " + key
                                + " of the ConversationHandler '" + name + "' cannot be stored (a callback returned "
                                + "an unregistered state of type " + current.getClass().getName() + "): persistent "
                                + "conversations store Integer, String or enum states"));
                        continue;
                    }
                }
                try {
                    persistence.updateConversation(name, key, stored);
                } catch (RuntimeException e) {
                    again.add(key);
                    errors.accept(new PersistenceException("Persistence.updateConversation(\"" + name + "\", " + key
                            + ") failed; the state stays in memory and is written again on the next run: " + e, e));
                }
            }
            changed.addAll(again);
        }
        for (ConversationHandler<?> child : nested) {
            child.writeChangedStates(persistence, errors);
        }
    }

    /** In read-through mode: replaces the memory's state of {@code key} with the store's. */
    private void readThrough(Application<?> app, ConversationKey key) {
        Optional<Persistence<?, ?, ?>> p = app.persistence();
        if (p.isEmpty() || !p.get().readThrough()) {
            return;
        }
        if (conversations.get(key) instanceof PendingState || changed.contains(key)) {
            return; // memory is ahead of the store: a callback still runs, or a change is not written yet
        }
        Optional<Object> stored;
        try {
            stored = p.get().getConversation(name, key);
        } catch (RuntimeException e) {
            throw new PersistenceException("Persistence.getConversation(\"" + name + "\", " + key + ") failed: " + e,
                    e);
        }
        if (stored == null || stored.isEmpty()) {
            conversations.remove(key);
            return;
        }
        Optional<Object> state = codec.stateOf(stored.get());
        if (state.isPresent()) {
            conversations.put(key, state.get());
        } else {
            LOG.warn("The stored state {} of conversation {} is not a state of the ConversationHandler '{}'; the "
                    + "conversation is dropped.", stored.get(), key, name);
            conversations.remove(key);
        }
    }

    private List<Handler<? super X>> allInner() {
        List<Handler<? super X>> all = new ArrayList<>(entryPoints);
        all.addAll(fallbacks);
        states.values().forEach(all::addAll);
        return all;
    }

    @Override
    public String toString() {
        return "ConversationHandler[" + (name == null ? "unnamed" : "'" + name + "'") + ", states=" + states.keySet()
                + "]";
    }

    // ---------------------------------------------------------------------------------------------------- builder

    /**
     * Options of a {@link ConversationHandler}. {@link #entryPoints}, {@link #state} and {@link #fallbacks} add to
     * what was given before; the other options replace. {@link #build()} checks the whole and logs the warnings.
     *
     * @param <X> the context type
     */
    public static final class Builder<X extends CallbackContext<?, ?, ?>> {

        private final List<Handler<? super X>> entryPoints = new ArrayList<>();
        private final Map<Object, List<Handler<? super X>>> states = new LinkedHashMap<>();
        private final List<Handler<? super X>> fallbacks = new ArrayList<>();
        private final Map<Object, Object> mapToParent = new LinkedHashMap<>();
        private boolean allowReentry;
        private boolean perChat = true;
        private boolean perUser = true;
        private boolean perMessage;
        private boolean perThread;
        private Duration timeout;
        private String name;
        private boolean persistent;
        private Boolean block;

        private Builder() {
        }

        /** Handlers that can start a conversation (the first that matches runs). */
        @SafeVarargs
        public final Builder<X> entryPoints(Handler<? super X>... handlers) {
            return entryPoints(Arrays.asList(handlers));
        }

        /** Handlers that can start a conversation. */
        public Builder<X> entryPoints(List<? extends Handler<? super X>> handlers) {
            entryPoints.addAll(nonNull(handlers, "entry point"));
            return this;
        }

        /**
         * The handlers of one state, asked in order while the conversation is in it; {@link #TIMEOUT} and
         * {@link #WAITING} are the special states. Each state is registered once.
         *
         * @throws IllegalArgumentException for {@link #END}, or a state registered before
         */
        @SafeVarargs
        public final Builder<X> state(Object state, Handler<? super X>... handlers) {
            return state(state, Arrays.asList(handlers));
        }

        /** The handlers of one state. */
        public Builder<X> state(Object state, List<? extends Handler<? super X>> handlers) {
            Objects.requireNonNull(state, "state must not be null (null means 'stay in the current state')");
            if (state == END) {
                throw new IllegalArgumentException("END is not a state: it ends the conversation and has no handlers");
            }
            if (states.containsKey(state)) {
                throw new IllegalArgumentException("The state " + state + " is registered twice; pass all its "
                        + "handlers in one state(...) call");
            }
            states.put(state, nonNull(handlers, "handler of state " + state));
            return this;
        }

        /** Handlers asked during a conversation when no handler of the current state matched. */
        @SafeVarargs
        public final Builder<X> fallbacks(Handler<? super X>... handlers) {
            return fallbacks(Arrays.asList(handlers));
        }

        /** Handlers asked during a conversation when no handler of the current state matched. */
        public Builder<X> fallbacks(List<? extends Handler<? super X>> handlers) {
            fallbacks.addAll(nonNull(handlers, "fallback"));
            return this;
        }

        /** Whether the entry points are asked during a conversation too, restarting it (default false). */
        public Builder<X> allowReentry(boolean allow) {
            this.allowReentry = allow;
            return this;
        }

        /** Whether the key holds the chat (default true). */
        public Builder<X> perChat(boolean on) {
            this.perChat = on;
            return this;
        }

        /** Whether the key holds the user (default true). */
        public Builder<X> perUser(boolean on) {
            this.perUser = on;
            return this;
        }

        /**
         * Whether the key holds the message with the pressed button (default false): one conversation per message,
         * driven by {@code CallbackQueryHandler}s only.
         */
        public Builder<X> perMessage(boolean on) {
            this.perMessage = on;
            return this;
        }

        /**
         * Whether the key holds the forum topic (default false): one conversation per topic of a forum (and per
         * chat and user as set), keyed by the {@code message_thread_id} of topic messages; the General topic and
         * chats without topics have no topic part.
         */
        public Builder<X> perThread(boolean on) {
            this.perThread = on;
            return this;
        }

        /**
         * Ends a conversation after this long without a handled update, running the {@link #TIMEOUT} handlers
         * first (needs the application's job queue).
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder<X> timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("The conversation timeout must be positive, was " + timeout
                        + " (leave it unset for none)");
            }
            this.timeout = timeout;
            return this;
        }

        /** The handler's name (needed for persistence, shown in warnings). */
        public Builder<X> name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("A conversation handler's name must not be blank");
            }
            this.name = name;
            return this;
        }

        /** Whether the states are kept in the application's persistence (needs a name). */
        public Builder<X> persistent(boolean on) {
            this.persistent = on;
            return this;
        }

        /**
         * For a nested conversation: when a callback returns {@code childState}, this conversation ends and the
         * parent moves to {@code parentState} ({@link #END} ends the parent too). Shadows a state of this handler of
         * the same value.
         */
        public Builder<X> mapToParent(Object childState, Object parentState) {
            Objects.requireNonNull(childState, "childState");
            Objects.requireNonNull(parentState, "parentState (use ConversationHandler.END to end the parent)");
            if (mapToParent.containsKey(childState)) {
                throw new IllegalArgumentException("The child state " + childState + " is mapped to the parent twice");
            }
            mapToParent.put(childState, parentState);
            return this;
        }

        /**
         * Whether inner handlers that did not set {@code block} themselves block ({@code true}) or run as tasks
         * while the conversation waits in {@link #WAITING} ({@code false}). Default: they block.
         */
        public Builder<X> block(boolean block) {
            this.block = block;
            return this;
        }

        /**
         * Builds the handler and logs its construction-time warnings (each once).
         *
         * @throws IllegalArgumentException when there is no entry point, perChat, perUser and perMessage are all
         *                                  false, it is persistent without a name, or a persistent handler has states
         *                                  that cannot be stored (or two stored the same way)
         */
        public ConversationHandler<X> build() {
            if (entryPoints.isEmpty()) {
                throw new IllegalArgumentException("A ConversationHandler needs at least one entry point: nothing could "
                        + "start a conversation");
            }
            if (!perChat && !perUser && !perMessage) {
                throw new IllegalArgumentException("'perUser', 'perChat' and 'perMessage' can't all be false");
            }
            if (persistent && name == null) {
                throw new IllegalArgumentException("Conversations can't be persistent when handler is unnamed: set "
                        + "name(...)");
            }
            ConversationHandler<X> handler = new ConversationHandler<>(this);
            handler.warnings.forEach(LOG::warn);
            return handler;
        }

        private static <H> List<H> nonNull(List<? extends H> handlers, String what) {
            Objects.requireNonNull(handlers, what + "s");
            List<H> copy = new ArrayList<>(handlers.size());
            for (H h : handlers) {
                copy.add(Objects.requireNonNull(h, what + " must not be null"));
            }
            return copy;
        }
    }
}
