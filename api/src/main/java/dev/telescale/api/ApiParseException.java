package dev.telescale.api;

/**
 * Thrown when JSON cannot be read as the requested Bot API type: malformed or truncated JSON, a value of the
 * wrong kind, a number out of range, or input nested too deeply. The message names the type being read, the
 * JSON path ({@code $.message.chat.id}) and what was wrong.
 */
public final class ApiParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String typeName;
    private final String path;
    private final String problem;

    /** Creates the exception from the type being read, the JSON path of the offending value and the problem. */
    public ApiParseException(String typeName, String path, String problem, Throwable cause) {
        super("Cannot parse " + typeName + " at " + path + ": " + problem, cause);
        this.typeName = typeName;
        this.path = path;
        this.problem = problem;
    }

    /** Creates the exception without an underlying cause. */
    public ApiParseException(String typeName, String path, String problem) {
        this(typeName, path, problem, null);
    }

    /** The simple name of the API type being read when the problem was found (for example {@code "Message"}). */
    public String typeName() {
        return typeName;
    }

    /** The JSON path of the offending value, for example {@code "$.message.entities[0].offset"}. */
    public String path() {
        return path;
    }

    /** What was wrong, without the type and path. */
    public String problem() {
        return problem;
    }
}
