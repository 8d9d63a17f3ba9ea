package dev.telescale.core.handler;

import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Handles {@code String} updates that look like commands (PTB's {@code StringCommandHandler}): for custom sources
 * that put text on the queue, such as an admin console. The string must start with {@code /}; the rest is split on
 * single spaces (so two spaces give an empty argument, as in PTB), the first part must equal the command exactly
 * (case-sensitive) and the others become {@code context.args()}. Objects that are not a {@code String}, including
 * {@code Update}s, never match.
 *
 * <pre>{@code
 * app.addHandler(new StringCommandHandler<>("reload", (text, context) -> reload(context.args())));
 * app.submit("/reload config");
 * }</pre>
 *
 * @param <X> the context type
 */
public final class StringCommandHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<String, X> {

    private final String command;

    /** Handles {@code "/" + command}, followed by nothing or by a space and arguments. */
    public StringCommandHandler(String command, HandlerCallback<String, ? super X> callback) {
        this(command, HandlerFunction.of(callback));
    }

    private StringCommandHandler(String command, HandlerFunction<? super String, ? super X> callback) {
        super(callback);
        this.command = validate(command);
    }

    private StringCommandHandler(StringCommandHandler<X> source, boolean block) {
        super(source, block);
        this.command = source.command;
    }

    /** A handler whose callback returns a value. */
    public static <X extends CallbackContext<?, ?, ?>> StringCommandHandler<X> returning(
            String command, HandlerFunction<String, ? super X> callback) {
        return new StringCommandHandler<>(command, Objects.requireNonNull(callback, "callback"));
    }

    /** This handler with the given {@code block} flag. */
    public StringCommandHandler<X> block(boolean block) {
        return new StringCommandHandler<>(this, block);
    }

    /** The command handled, without the {@code /}. */
    public String command() {
        return command;
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof String s) || !s.startsWith("/")) {
            return CheckResult.noMatch();
        }
        String[] parts = s.substring(1).split(" ", -1);
        if (!parts[0].equals(command)) {
            return CheckResult.noMatch();
        }
        return CheckResult.match(List.of(Arrays.copyOfRange(parts, 1, parts.length)));
    }

    @Override
    @SuppressWarnings("unchecked") // check() puts the argument list in the match
    protected void collectAdditionalContext(X context, String update, CheckResult.Match match) {
        context.setArgs((List<String>) match.value());
    }

    @Override
    public String toString() {
        return "StringCommandHandler[/" + command + "]";
    }

    private static String validate(String command) {
        Objects.requireNonNull(command, "command");
        if (command.isEmpty() || command.indexOf(' ') >= 0 || command.startsWith("/")) {
            throw new IllegalArgumentException("A StringCommandHandler command must be non-empty, without spaces and "
                    + "without the leading '/', was '" + command + "'");
        }
        return command;
    }
}
