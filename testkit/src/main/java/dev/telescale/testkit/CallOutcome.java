package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the emulator answered a recorded call. {@link BotApiEmulator#calls()} and the await methods hand out calls
 * once they have run, so they carry {@link Answered}, {@link Failed} or {@link Unanswered}; the
 * {@code onCall} listener and stubs see calls as they arrive, with {@link Pending}.
 */
public sealed interface CallOutcome permits CallOutcome.Pending, CallOutcome.Answered, CallOutcome.Failed,
        CallOutcome.Unanswered {

    /** The call has not run yet (what the {@code onCall} listener and stubs see). */
    Pending PENDING = new Pending();

    /** The call has not run yet. */
    record Pending() implements CallOutcome {
    }

    /**
     * The call ran and was answered {@code ok} with this result (the emulator's own tree: do not modify; it may be
     * a pre-serialised node, {@link RecordedCall#result()} gives it as a tree).
     *
     * @param result the "result" field of the answer
     */
    record Answered(JsonNode result) implements CallOutcome {
    }

    /**
     * The call was refused: a Bot API error of the simulation or a stub, or a fault's answer.
     *
     * @param errorCode   the error_code (the HTTP status of a fault's answer)
     * @param description the description (a fault's body when it has none)
     */
    record Failed(int errorCode, String description) implements CallOutcome {
    }

    /** No answer went out: a fault closed the connection, or the emulator was interrupted. */
    record Unanswered() implements CallOutcome {
    }
}
