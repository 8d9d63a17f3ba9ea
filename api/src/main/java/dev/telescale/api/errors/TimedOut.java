package dev.telescale.api.errors;

/**
 * A call ran out of time: connecting, writing, waiting for the answer, or waiting for a free pooled connection
 * (then {@link #requestSent()} is false and the message says the request was not sent, as PTB's pool timeout does).
 */
public final class TimedOut extends NetworkError {

    public TimedOut(String method, String message, boolean requestSent, Throwable cause) {
        super(message, 0, null, method, requestSent, cause);
    }
}
