package dev.telescale.core;

import dev.telescale.api.ApiMethod;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The slot for the one method an update that came by webhook may answer inside the HTTP response. The first offer
 * wins; after that, or after the source stopped waiting (cancelled the future), or after processing ended, offers
 * fail and the caller sends the method as a normal call.
 */
final class WebhookReplySlot {

    private final CompletableFuture<Optional<ApiMethod<?>>> future = new CompletableFuture<>();

    CompletableFuture<Optional<ApiMethod<?>>> future() {
        return future;
    }

    /** Puts the method into the response; false when the slot is taken, cancelled or closed. */
    boolean offer(ApiMethod<?> method) {
        return future.complete(Optional.of(method));
    }

    /** Processing ended: the response goes out without a method if none was given. */
    void finish() {
        future.complete(Optional.empty());
    }
}
