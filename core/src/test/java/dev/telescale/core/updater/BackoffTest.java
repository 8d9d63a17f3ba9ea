package dev.telescale.core.updater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.errors.BadRequest;
import dev.telescale.api.errors.Conflict;
import dev.telescale.api.errors.NetworkError;
import dev.telescale.api.errors.RetryAfter;
import dev.telescale.api.errors.TimedOut;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final NetworkError BAD_GATEWAY = new NetworkError("getUpdates", "Bad Gateway", true, null);

    @Test
    void otherErrorsStartAtOneSecondAndGrowByHalfUpToThirtySeconds() {
        Backoff backoff = new Backoff(Duration.ZERO);
        long[] expectedMillis = {1000, 1500, 2250, 3375, 5062, 7593, 11390, 17085, 25628, 30000, 30000};
        for (long expected : expectedMillis) {
            assertEquals(expected, backoff.afterFailure(BAD_GATEWAY).toMillis());
        }
    }

    @Test
    void retryAfterWaitsWhatTelegramAskedPlusHalfASecondAndTimeoutsRetryAtOnce() {
        Backoff backoff = new Backoff(Duration.ZERO);
        assertEquals(Duration.ofMillis(3500), backoff.afterFailure(new RetryAfter("getUpdates", Duration.ofSeconds(3),
                "Too Many Requests: retry after 3")));
        assertEquals(Duration.ofMillis(5250), backoff.afterFailure(new Conflict("getUpdates", "terminated")));
        assertEquals(Duration.ZERO, backoff.afterFailure(new TimedOut("getUpdates", "Timed out", true, null)));
        assertEquals(Duration.ofSeconds(1), backoff.afterFailure(new BadRequest("getUpdates", "bad")));
    }

    @Test
    void successResetsToThePollIntervalFromWhichTheNextErrorGrows() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2));
        backoff.afterFailure(BAD_GATEWAY);
        backoff.afterFailure(BAD_GATEWAY);
        assertEquals(Duration.ofSeconds(2), backoff.afterSuccess());
        assertEquals(Duration.ofSeconds(3), backoff.afterFailure(BAD_GATEWAY));
    }

    @Test
    void onlyErrorsOtherThanFloodControlAndTimeoutsAreReported() {
        assertTrue(Backoff.isReported(BAD_GATEWAY));
        assertTrue(Backoff.isReported(new Conflict("getUpdates", "x")));
        assertFalse(Backoff.isReported(new TimedOut("getUpdates", "Timed out", true, null)));
        assertFalse(Backoff.isReported(new RetryAfter("getUpdates", Duration.ofSeconds(1), "x")));
    }
}
