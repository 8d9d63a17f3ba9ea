package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulation of one Bot API method: returns the {@code result} JSON or throws a
 * {@link dev.telescale.testkit.BotApiError}. It may block (getUpdates waits on a condition).
 */
@FunctionalInterface
public interface MethodHandler {

    /** Handles the call. */
    JsonNode handle(MethodCall call) throws InterruptedException;
}
