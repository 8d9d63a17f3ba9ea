package dev.telescale.core.update;

import dev.telescale.api.ApiMethod;
import dev.telescale.api.types.Update;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where update sources deliver: the Application's update queue. Long polling, the webhook server, a Kafka
 * consumer or an author's own source hand each update over here and may confirm it to its origin once the
 * call returns, because a returned call means the update is safely queued.
 */
public interface UpdateSink {

    /**
     * Queues one update (an {@link Update}, or any object a custom source wants handlers to see). Blocks while
     * the queue is full, so a fast source cannot outrun the handlers.
     *
     * @throws IllegalStateException when the application is not accepting updates (it was stopped)
     */
    void submit(Object update);

    /**
     * Queues an update that arrived by webhook and returns a future completed once it has been processed: with the
     * one Bot API method a handler chose to answer inside the webhook's HTTP response (a "webhook reply"), or
     * empty. A source that stops waiting (it answered the HTTP request already) calls {@code cancel} on the
     * future; a handler replying after that has its method sent as a normal call instead.
     */
    CompletableFuture<Optional<ApiMethod<?>>> submitForReply(Update update);

    /**
     * {@link #submit} without blocking: queues the update only if that is possible right now. A source that must
     * not block (the webhook server's network threads) tries this first and falls back to {@link #submit} on a
     * thread that may block when it returns false.
     *
     * <p>The default returns false without queueing (a sink that cannot tell); {@code Application} queues when
     * its queue has room.
     *
     * @return true when the update was queued, false when it was not (the queue is full, or unsupported)
     * @throws IllegalStateException when the application is not accepting updates (it was stopped)
     */
    default boolean trySubmit(Object update) {
        return false;
    }

    /**
     * {@link #submitForReply} without blocking: the future when the update was queued right now, or {@code null}
     * when that was not possible (the caller then uses {@link #submitForReply} on a thread that may block).
     *
     * <p>The default returns {@code null} without queueing; {@code Application} queues when its queue has room.
     *
     * @throws IllegalStateException when the application is not accepting updates (it was stopped)
     */
    default CompletableFuture<Optional<ApiMethod<?>>> trySubmitForReply(Update update) {
        return null;
    }
}
