package dev.telescale.core.updater;

import dev.telescale.api.errors.TelegramApiException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Updater#startPolling} fetches updates, with python-telegram-bot's defaults: no pause between polls,
 * a 10 s long-poll timeout, no bootstrap retries, {@code allowed_updates} left as Telegram has it, pending updates
 * kept. Build with {@link #builder()} or take {@link #defaults()}.
 *
 * @param pollInterval       pause after each successful {@code getUpdates}; zero or more
 * @param timeout            the long-poll {@code timeout} sent to {@code getUpdates}, whole seconds, zero or more
 * @param bootstrapRetries   retries of the start-up {@code deleteWebhook}: negative = forever, 0 = none
 * @param allowedUpdates     update types to receive, or null to keep Telegram's current setting
 * @param dropPendingUpdates whether updates that arrived before the start are discarded
 * @param errorCallback      receives non-fatal polling errors (network errors, 409, 5xx; not flood control or
 *                           timeouts, which are retried silently); null = log them
 */
public record PollingOptions(Duration pollInterval, Duration timeout, int bootstrapRetries,
                             List<String> allowedUpdates, boolean dropPendingUpdates,
                             Consumer<TelegramApiException> errorCallback) {

    private static final PollingOptions DEFAULTS = builder().build();

    public PollingOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("pollInterval must not be negative, got " + pollInterval);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        allowedUpdates = allowedUpdates == null ? null : List.copyOf(allowedUpdates);
    }

    /** The defaults of python-telegram-bot's {@code run_polling}. */
    public static PollingOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PollingOptions}; every setter is optional. */
    public static final class Builder {
        private Duration pollInterval = Duration.ZERO;
        private Duration timeout = Duration.ofSeconds(10);
        private int bootstrapRetries;
        private List<String> allowedUpdates;
        private boolean dropPendingUpdates;
        private Consumer<TelegramApiException> errorCallback;

        private Builder() {
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** The long-poll timeout; Telegram counts whole seconds, so fractions are cut off. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder bootstrapRetries(int bootstrapRetries) {
            this.bootstrapRetries = bootstrapRetries;
            return this;
        }

        public Builder allowedUpdates(List<String> allowedUpdates) {
            this.allowedUpdates = allowedUpdates;
            return this;
        }

        public Builder dropPendingUpdates(boolean dropPendingUpdates) {
            this.dropPendingUpdates = dropPendingUpdates;
            return this;
        }

        public Builder errorCallback(Consumer<TelegramApiException> errorCallback) {
            this.errorCallback = errorCallback;
            return this;
        }

        public PollingOptions build() {
            return new PollingOptions(pollInterval, timeout, bootstrapRetries, allowedUpdates, dropPendingUpdates,
                    errorCallback);
        }
    }
}
