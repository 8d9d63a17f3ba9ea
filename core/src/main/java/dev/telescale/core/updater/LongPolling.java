package dev.telescale.core.updater;

import dev.telescale.api.errors.Conflict;
import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.api.errors.Unauthorized;
import dev.telescale.api.methods.DeleteWebhook;
import dev.telescale.api.methods.GetUpdates;
import dev.telescale.api.types.Update;
import dev.telescale.bot.Bot;
import dev.telescale.core.update.UpdateSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The getUpdates loop of one {@link Updater}, on a virtual thread of its own.
 *
 * <p>Exactly-once hand-over: the offset sent to Telegram is the last update_id handed to the sink plus one, and it
 * advances one update at a time, only after {@link UpdateSink#submit} returned. A batch that arrives while the
 * loop is stopping is not handed over and stays unconfirmed, so Telegram sends it again to the next poller; a
 * failed or cut-off response advances nothing. {@link #stop} confirms what was handed over with a last
 * {@code getUpdates(offset, timeout = 0)}, so a restarted updater neither misses nor repeats an update.
 *
 * <p>Stopping interrupts the loop thread only while it waits (in {@code getUpdates} or in a pause), never while it
 * hands updates to the sink: the interrupt closes the socket of the long poll (virtual threads blocked in socket
 * I/O are interruptible), and a half-delivered batch cannot happen. The lock only guards that phase flag and is
 * never held across I/O.
 */
final class LongPolling {

    private static final Logger LOG = LoggerFactory.getLogger(LongPolling.class);
    private static final int CONFIRM_ATTEMPTS = 3;
    static final String CONFLICT_HINT = "Only one getUpdates poller may run per bot token: another process is "
            + "polling with this token, or a webhook was set after this updater started (it deletes the webhook "
            + "at start). Stop the other instance or call deleteWebhook; polling goes on retrying";

    private final Bot bot;
    private final UpdateSink sink;
    private final PollingOptions options;
    private final Sleeper sleeper;
    private final ReentrantLock phaseLock = new ReentrantLock();
    private boolean stopping;
    private boolean waiting;
    private Thread thread;
    /** The next offset: the last update_id handed to the sink plus one; 0 before the first. Loop thread writes. */
    private volatile long offset;

    LongPolling(Bot bot, UpdateSink sink, PollingOptions options, Sleeper sleeper) {
        this.bot = bot;
        this.sink = sink;
        this.options = options;
        this.sleeper = sleeper;
    }

    /** Bootstraps (deleteWebhook, retried per the options) and starts the loop; bootstrap errors propagate. */
    void start() {
        DeleteWebhook deleteWebhook = DeleteWebhook.builder().dropPendingUpdates(options.dropPendingUpdates()).build();
        Bootstrap.run("deleteWebhook (polling bootstrap)", options.bootstrapRetries(), sleeper,
                () -> bot.execute(deleteWebhook));
        thread = Thread.ofVirtual().name("telescale-polling-" + bot.id()).start(this::loop);
    }

    /**
     * Stops the loop (interrupting a waiting long poll), waits for it to finish handing over its current batch,
     * then confirms every handed-over update to Telegram. Waits as long as the sink blocks the hand-over, so the
     * application must keep consuming until this returns.
     */
    void stop() {
        phaseLock.lock();
        try {
            stopping = true;
            if (waiting) {
                thread.interrupt();
            }
        } finally {
            phaseLock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        confirm();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The offset the next getUpdates sends (for tests and diagnostics). */
    long offset() {
        return offset;
    }

    private void loop() {
        Backoff backoff = new Backoff(options.pollInterval());
        GetUpdates.Builder request = GetUpdates.builder().timeout(options.timeout().toSeconds());
        if (options.allowedUpdates() != null) {
            request.allowedUpdates(options.allowedUpdates());
        }
        while (beginWaiting()) {
            List<Update> updates;
            try {
                updates = bot.execute(request.offset(offset).build());
            } catch (Unauthorized e) {
                endWaiting();
                LOG.error("getUpdates: the Bot API rejected the bot token (401 Unauthorized); polling stopped. "
                        + "Check the token, or whether it was revoked with @BotFather.");
                report(e);
                return;
            } catch (TelegramApiException e) {
                if (endWaiting()) {
                    return;
                }
                if (!pause(onFailure(backoff, e))) {
                    return;
                }
                continue;
            } catch (IllegalStateException e) {
                endWaiting();
                LOG.error("Polling stopped: {}", e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (endWaiting()) {
                    return;
                }
                LOG.error("getUpdates answered something that could not be read; nothing was confirmed, retrying", e);
                if (!pause(backoff.afterFailure(e))) {
                    return;
                }
                continue;
            }
            if (endWaiting()) {
                return;
            }
            if (!handOver(updates)) {
                return;
            }
            if (!pause(backoff.afterSuccess())) {
                return;
            }
        }
    }

    private Duration onFailure(Backoff backoff, TelegramApiException e) {
        Duration pause = backoff.afterFailure(e);
        if (Backoff.isReported(e)) {
            report(e instanceof Conflict conflict ? explained(conflict) : e);
        } else {
            LOG.debug("getUpdates: {}; retrying in {} ms", e.getMessage(), pause.toMillis());
        }
        return pause;
    }

    /** A 409 whose message says what to do: Telegram's text alone does not mention the webhook case. */
    static Conflict explained(Conflict e) {
        Conflict clear = new Conflict("getUpdates", e.description().orElse("Conflict") + ". " + CONFLICT_HINT);
        clear.addSuppressed(e);
        return clear;
    }

    private void report(TelegramApiException e) {
        if (options.errorCallback() == null) {
            LOG.error("Exception happened while polling for updates: {}", e.getMessage());
            return;
        }
        try {
            options.errorCallback().accept(e);
        } catch (RuntimeException callbackFailure) {
            LOG.error("The polling error callback failed", callbackFailure);
        }
    }

    /** Hands the batch over in order, advancing the offset after each update; false when the sink refused. */
    private boolean handOver(List<Update> updates) {
        for (Update update : updates) {
            try {
                sink.submit(update);
            } catch (IllegalStateException refused) {
                LOG.error("The update sink refused update {} ({}); polling stops and the update stays "
                        + "unconfirmed at Telegram, which sends it again after a restart", update.updateId(),
                        refused.getMessage());
                return false;
            }
            offset = update.updateId() + 1;
        }
        return true;
    }

    /** Sleeps between polls; false when the loop was stopped meanwhile. */
    private boolean pause(Duration duration) {
        if (!beginWaiting()) {
            return false;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            // stop() interrupted the pause; endWaiting() reports it.
        }
        return !endWaiting();
    }

    /** Enters an interruptible phase; false when stopping. */
    private boolean beginWaiting() {
        phaseLock.lock();
        try {
            waiting = !stopping;
            return waiting;
        } finally {
            phaseLock.unlock();
        }
    }

    /** Leaves the interruptible phase, clearing an interrupt that stop() sent into it; true when stopping. */
    private boolean endWaiting() {
        phaseLock.lock();
        try {
            waiting = false;
            Thread.interrupted();
            return stopping;
        } finally {
            phaseLock.unlock();
        }
    }

    /**
     * Confirms the handed-over updates. Retried a few times (errors here would make Telegram send those updates
     * again after a restart), without the error callback: the application is stopping.
     */
    private void confirm() {
        long confirmed = offset;
        if (confirmed == 0) {
            return;
        }
        GetUpdates request = GetUpdates.builder().offset(confirmed).timeout(0).limit(1).build();
        Backoff backoff = new Backoff(Duration.ZERO);
        for (int attempt = 1; ; attempt++) {
            try {
                bot.execute(request);
                return;
            } catch (TelegramApiException e) {
                if (e instanceof Unauthorized || attempt == CONFIRM_ATTEMPTS) {
                    LOG.warn("The confirming getUpdates(offset={}) on stop failed ({}); updates handed over since "
                            + "the last poll may be delivered again after a restart", confirmed, e.getMessage());
                    return;
                }
                try {
                    sleeper.sleep(backoff.afterFailure(e));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (IllegalStateException closed) {
                LOG.warn("Could not confirm updates up to offset {} on stop: {}", confirmed, closed.getMessage());
                return;
            }
        }
    }
}
