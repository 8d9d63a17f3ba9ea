package dev.telescale.testkit.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * What the emulator does instead of (or before) answering a request normally, so client code can be tested
 * against the failures it meets in production.
 */
public sealed interface Fault permits Fault.Answer, Fault.CloseConnection, Fault.TruncateBody, Fault.Delay {

    /**
     * Answer with this status and body instead of executing the call.
     *
     * @param status      HTTP status
     * @param contentType Content-Type of the body
     * @param body        the body bytes
     */
    record Answer(int status, String contentType, byte[] body) implements Fault {
        public Answer {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }

    /** Close the connection without answering and without executing the call. */
    record CloseConnection() implements Fault {
    }

    /** Execute the call, then send the headers and only half of the body before closing the connection. */
    record TruncateBody() implements Fault {
    }

    /**
     * Wait this long, then execute and answer normally.
     *
     * @param duration the delay
     */
    record Delay(Duration duration) implements Fault {
        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("A fault delay cannot be negative: " + duration);
            }
        }
    }
}
