package dev.telescale.core;

import dev.telescale.api.types.Update;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Processing one update took longer than the application's {@link ApplicationBuilder#processingTimeout processing
 * timeout}: the update's thread was interrupted and this is what the error handlers receive (with the update).
 * The cause, when present, is what the interrupted handler threw (often an {@code InterruptedException} or a
 * network error wrapping one). The message names the update id and the limit.
 */
public class UpdateTimeoutException extends RuntimeException {

    private final transient OptionalLong updateId;
    private final Duration limit;

    UpdateTimeoutException(Object update, Duration limit, Throwable cause) {
        super(message(update, limit), cause);
        this.updateId = update instanceof Update u ? OptionalLong.of(u.updateId()) : OptionalLong.empty();
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** The id of the update that timed out; empty for custom update objects. */
    public OptionalLong updateId() {
        return updateId;
    }

    /** The processing timeout that was exceeded. */
    public Duration limit() {
        return limit;
    }

    private static String message(Object update, Duration limit) {
        String what = update instanceof Update u ? "update " + u.updateId()
                : "an update of type " + (update == null ? "null" : update.getClass().getName());
        return "Processing " + what + " took longer than the processing timeout of " + format(limit)
                + "; its thread was interrupted and the remaining handler groups were skipped";
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
