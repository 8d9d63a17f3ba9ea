package dev.telescale.core;

import dev.telescale.bot.callbackdata.CallbackDataCache;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import dev.telescale.core.conversation.ConversationHandler;
import dev.telescale.core.data.DataMarks;
import dev.telescale.core.data.DataStore;
import dev.telescale.core.persistence.Persistence;
import dev.telescale.core.persistence.PersistenceException;
import dev.telescale.core.persistence.StoreData;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the application's {@link Persistence} (PTB's {@code update_persistence} and its loop): loads on
 * initialize (the data and, when the bot has arbitrary callback data, its cache), writes every interval on a
 * virtual thread while the application runs (and, in read-through mode, after each update), writes once more and
 * flushes on shutdown, and refreshes data before handlers and jobs. Failed calls go to the error handlers and their
 * ids (or conversation keys) are marked again, so the next run retries them.
 */
final class PersistenceRunner<U, C, B> {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceRunner.class);

    private final Persistence<U, C, B> persistence;
    private final DataStore<U, C, B> data;
    private final StoreData store;
    private final Duration interval;
    private final Consumer<Throwable> errors;
    private final Supplier<List<ConversationHandler<?>>> conversations;
    /** The bot's arbitrary callback data cache, or null when the bot has none or callback data is not stored. */
    private final CallbackDataCache callbackData;
    /** Runs never overlap (the interval loop and shutdown, or a manual updatePersistence()). */
    private final ReentrantLock runLock = new ReentrantLock();
    private final ReentrantLock loopLock = new ReentrantLock();
    private final Condition wake = loopLock.newCondition();
    private boolean stopRequested; // guarded by loopLock
    private Thread loop;

    PersistenceRunner(Persistence<U, C, B> persistence, DataStore<U, C, B> data, CallbackDataCache callbackData,
                      Consumer<Throwable> errors, Supplier<List<ConversationHandler<?>>> conversations) {
        this.persistence = Objects.requireNonNull(persistence, "persistence");
        this.data = data;
        this.store = checkedStoreData(persistence);
        this.interval = checkedInterval(persistence);
        this.errors = errors;
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.callbackData = store.callbackData() ? callbackData : null;
    }

    /** Reads and checks {@code storeData()}: not null. */
    static StoreData checkedStoreData(Persistence<?, ?, ?> persistence) {
        StoreData s = persistence.storeData();
        if (s == null) {
            throw new IllegalArgumentException("The persistence's storeData() returned null ("
                    + persistence.getClass().getName() + ")");
        }
        return s;
    }

    /** Reads and checks {@code updateInterval()}: positive. */
    static Duration checkedInterval(Persistence<?, ?, ?> persistence) {
        Duration d = persistence.updateInterval();
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("The persistence's updateInterval() must be a positive duration, was "
                    + d + " (" + persistence.getClass().getName() + ")");
        }
        return d;
    }

    Persistence<U, C, B> persistence() {
        return persistence;
    }

    // ------------------------------------------------------------------------------------------------------ load

    /** Loads the stored kinds into the data store; a failure fails initialize(). */
    void load() {
        if (store.userData()) {
            Map<Long, U> users = call("getUserData()", persistence::getUserData);
            requireLoaded(users, "getUserData()");
            data.loadUserData(users);
        }
        if (store.chatData()) {
            Map<Long, C> chats = call("getChatData()", persistence::getChatData);
            requireLoaded(chats, "getChatData()");
            data.loadChatData(chats);
        }
        if (store.botData()) {
            Optional<B> bot = call("getBotData()", persistence::getBotData);
            requireLoaded(bot, "getBotData()");
            bot.ifPresent(data::loadBotData);
        }
        if (callbackData != null) {
            Optional<CallbackDataSnapshot> snapshot = call("getCallbackData()", persistence::getCallbackData);
            requireLoaded(snapshot, "getCallbackData()");
            if (snapshot.isPresent()) {
                try {
                    callbackData.restore(snapshot.get());
                } catch (IllegalArgumentException e) {
                    throw new PersistenceException("The callback data from Persistence.getCallbackData() cannot be "
                            + "restored (" + persistence.getClass().getName() + "): " + e.getMessage(), e);
                }
            }
        }
    }

    private void requireLoaded(Object value, String call) {
        if (value == null) {
            throw new PersistenceException("Persistence." + call + " returned null (" + persistence.getClass().getName()
                    + "); return an empty map or Optional.empty() when nothing is stored");
        }
    }

    private static <T> T call(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (PersistenceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PersistenceException("Persistence." + what + " failed: " + e, e);
        }
    }

    // ------------------------------------------------------------------------------------------------------ loop

    /** Starts the interval loop (the first run one interval from now). */
    void startLoop() {
        loopLock.lock();
        try {
            stopRequested = false;
            loop = Thread.ofVirtual().name("telescale-persistence").start(this::loop);
        } finally {
            loopLock.unlock();
        }
    }

    /** Ends the interval loop, waiting for a run in progress. */
    void stopLoop() {
        Thread t;
        loopLock.lock();
        try {
            stopRequested = true;
            wake.signalAll();
            t = loop;
            loop = null;
        } finally {
            loopLock.unlock();
        }
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (true) {
            loopLock.lock();
            try {
                long nanos = interval.toNanos();
                while (!stopRequested && nanos > 0) {
                    nanos = wake.awaitNanos(nanos);
                }
                if (stopRequested) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                loopLock.unlock();
            }
            try {
                update();
            } catch (RuntimeException e) {
                LOG.error("A persistence run failed outside of the persistence calls", e);
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------- write

    /**
     * One run: bot data and callback data, then drops, then the data of marked ids, then the changed conversation
     * states. Each failed call is reported and its id (or key) marked again for the next run.
     */
    void update() {
        run(true);
    }

    /**
     * The write after an update in read-through mode: a run without the bot data and the callback data (which stay
     * on the interval, since every update would otherwise rewrite them).
     */
    void writeThrough() {
        run(false);
    }

    /** A run; {@code full}: with the bot data and the callback data (not after each update in read-through mode). */
    private void run(boolean full) {
        runLock.lock();
        try {
            DataMarks marks = data.drainMarks();
            Set<Long> retryChats = new HashSet<>();
            Set<Long> retryUsers = new HashSet<>();
            Set<Long> retryDroppedChats = new HashSet<>();
            Set<Long> retryDroppedUsers = new HashSet<>();
            if (full && store.botData()) {
                B bot = data.botData();
                attempt("updateBotData()", () -> persistence.updateBotData(bot));
            }
            if (full && callbackData != null) {
                CallbackDataSnapshot snapshot = callbackData.snapshot();
                attempt("updateCallbackData()", () -> persistence.updateCallbackData(snapshot));
            }
            if (store.chatData()) {
                for (long id : marks.droppedChats()) {
                    if (!attempt("dropChatData(" + id + ")", () -> persistence.dropChatData(id))) {
                        retryDroppedChats.add(id);
                    }
                }
                for (long id : marks.updatedChats()) {
                    C chat = data.allChatData().get(id);
                    if (chat != null && !attempt("updateChatData(" + id + ")",
                            () -> persistence.updateChatData(id, chat))) {
                        retryChats.add(id);
                    }
                }
            }
            if (store.userData()) {
                for (long id : marks.droppedUsers()) {
                    if (!attempt("dropUserData(" + id + ")", () -> persistence.dropUserData(id))) {
                        retryDroppedUsers.add(id);
                    }
                }
                for (long id : marks.updatedUsers()) {
                    U user = data.allUserData().get(id);
                    if (user != null && !attempt("updateUserData(" + id + ")",
                            () -> persistence.updateUserData(id, user))) {
                        retryUsers.add(id);
                    }
                }
            }
            DataMarks retry = new DataMarks(retryChats, retryUsers, retryDroppedChats, retryDroppedUsers);
            if (!retry.isEmpty()) {
                data.restoreMarks(retry);
            }
            for (ConversationHandler<?> conversation : conversations.get()) {
                conversation.writeChangedStates(persistence, this::report);
            }
        } finally {
            runLock.unlock();
        }
    }

    /** The final run of shutdown(), then flush(). */
    void updateAndFlush() {
        update();
        runLock.lock();
        try {
            attempt("flush()", persistence::flush);
        } finally {
            runLock.unlock();
        }
    }

    private boolean attempt(String what, Runnable call) {
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            report(new PersistenceException("Persistence." + what + " failed; the data stays in memory and is "
                    + "written again on the next run: " + e, e));
            return false;
        }
    }

    private void report(Throwable error) {
        try {
            errors.accept(error);
        } catch (RuntimeException e) {
            e.addSuppressed(error);
            LOG.error("Reporting a persistence failure to the error handlers failed", e);
        }
    }

    // --------------------------------------------------------------------------------------------------- refresh

    /**
     * The refresh hooks for a context about to be used (PTB's {@code context.refresh_data()}): each returns the object
     * to use, which replaces the data store's when it is another one (a record read from a shared store).
     */
    void refresh(Long chatId, Long userId) {
        if (store.botData()) {
            B bot = data.botData();
            B fresh = refreshCall("refreshBotData", null, () -> persistence.refreshBotData(bot));
            if (fresh != bot) {
                data.loadBotData(fresh);
            }
        }
        if (store.chatData() && chatId != null) {
            C chat = data.chatData(chatId);
            C fresh = refreshCall("refreshChatData", chatId, () -> persistence.refreshChatData(chatId, chat));
            if (fresh != chat) {
                data.loadChatData(chatId, fresh);
            }
        }
        if (store.userData() && userId != null) {
            U user = data.userData(userId);
            U fresh = refreshCall("refreshUserData", userId, () -> persistence.refreshUserData(userId, user));
            if (fresh != user) {
                data.loadUserData(userId, fresh);
            }
        }
    }

    /**
     * Calls one refresh hook; runs for every update, so the call's name ({@code method(id)}) is only put together
     * for an error.
     */
    private <T> T refreshCall(String method, Long id, Supplier<T> call) {
        T fresh;
        try {
            fresh = call.get();
        } catch (PersistenceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PersistenceException("Persistence." + callName(method, id) + " failed: " + e, e);
        }
        if (fresh == null) {
            throw new PersistenceException("Persistence." + callName(method, id) + " returned null ("
                    + persistence.getClass().getName()
                    + "); return the data passed in to keep it, or the object to use instead");
        }
        return fresh;
    }

    private static String callName(String method, Long id) {
        return method + "(" + (id == null ? "" : id) + ")";
    }

    @Override
    public String toString() {
        return "PersistenceRunner[" + persistence.getClass().getSimpleName() + ", every " + interval + ", " + store
                + "]";
    }
}
