package dev.telescale.core.updater;

import dev.telescale.api.errors.TelegramApiException;
import dev.telescale.api.errors.Unauthorized;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a start-up call ({@code deleteWebhook}, {@code setWebhook}) with python-telegram-bot's bootstrap retries:
 * negative = forever, 0 = one attempt, N = up to N retries, with the {@link Backoff} pauses starting from 1 s.
 * A rejected token is never retried. When the retries are used up the last error propagates unchanged.
 */
final class Bootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private Bootstrap() {
    }

    static void run(String what, int retries, Sleeper sleeper, Runnable call) {
        Backoff backoff = new Backoff(INTERVAL);
        for (int attempt = 0; ; attempt++) {
            try {
                call.run();
                return;
            } catch (Unauthorized e) {
                throw e;
            } catch (TelegramApiException e) {
                if (retries >= 0 && attempt >= retries) {
                    throw e;
                }
                Duration pause = backoff.afterFailure(e);
                LOG.warn("{} failed ({}); retrying in {} ms", what, e.getMessage(), pause.toMillis());
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while retrying " + what, e);
                }
            }
        }
    }
}
