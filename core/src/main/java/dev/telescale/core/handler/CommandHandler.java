package dev.telescale.core.handler;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.MessageEntity;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.Effective;
import dev.telescale.core.filter.Filter;
import dev.telescale.core.filter.Filters;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Handles bot commands ({@code /start}, {@code /help@MyBot arg}) as PTB's {@code CommandHandler}: the message's
 * first entity must be a {@code bot_command} at offset 0; the command is compared case-insensitively; a
 * {@code @name} suffix must be this bot's username (from {@code getMe}, case-insensitive); the words after the
 * command (split on any whitespace) become {@code context.args()}. The filter (default
 * {@link Filters.UpdateType#MESSAGES}: new and edited messages, not channel posts) must pass too, and its data is
 * merged into the context.
 *
 * <pre>{@code
 * app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyText("Hi!")));
 * app.addHandler(new CommandHandler<>("remind", this::remind).hasArgs(2).filter(Filters.ChatType.PRIVATE));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class CommandHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private static final Pattern VALID_COMMAND = Pattern.compile("[0-9a-z_]{1,32}");
    private static final int ANY_ARGS = -1;
    private static final int SOME_ARGS = -2;

    private final Set<String> commands;
    private final Filter filter;
    private final int hasArgs;

    /** Handles {@code /command} (letters, digits and underscores, 1–32, case-insensitive). */
    public CommandHandler(String command, HandlerCallback<Update, ? super X> callback) {
        this(List.of(Objects.requireNonNull(command, "command")), callback);
    }

    /** Handles any of {@code commands}. */
    public CommandHandler(Collection<String> commands, HandlerCallback<Update, ? super X> callback) {
        this(validate(commands), HandlerFunction.of(callback));
    }

    private CommandHandler(Set<String> commands, HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.commands = commands;
        this.filter = Filters.UpdateType.MESSAGES;
        this.hasArgs = ANY_ARGS;
    }

    private CommandHandler(CommandHandler<X> source, Filter filter, int hasArgs) {
        super(source);
        this.commands = source.commands;
        this.filter = filter;
        this.hasArgs = hasArgs;
    }

    private CommandHandler(CommandHandler<X> source, boolean block) {
        super(source, block);
        this.commands = source.commands;
        this.filter = source.filter;
        this.hasArgs = source.hasArgs;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> CommandHandler<X> returning(
            String command, HandlerFunction<Update, ? super X> callback) {
        return returning(List.of(Objects.requireNonNull(command, "command")), callback);
    }

    /** As {@link #returning(String, HandlerFunction)} for several commands. */
    public static <X extends CallbackContext<?, ?, ?>> CommandHandler<X> returning(
            Collection<String> commands, HandlerFunction<Update, ? super X> callback) {
        return new CommandHandler<>(validate(commands), Objects.requireNonNull(callback, "callback"));
    }

    /** This handler with another filter, replacing the default {@code UpdateType.MESSAGES}. */
    public CommandHandler<X> filter(Filter filter) {
        return new CommandHandler<>(this, Objects.requireNonNull(filter, "filter"), hasArgs);
    }

    /** Only with at least one argument ({@code true}) or with none ({@code false}). */
    public CommandHandler<X> hasArgs(boolean some) {
        return new CommandHandler<>(this, filter, some ? SOME_ARGS : 0);
    }

    /** Only with exactly {@code count} arguments. */
    public CommandHandler<X> hasArgs(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("hasArgs must be zero or positive, was " + count);
        }
        return new CommandHandler<>(this, filter, count);
    }

    /** This handler with the given {@code block} flag ({@code false}: run without holding up later groups). */
    public CommandHandler<X> block(boolean block) {
        return new CommandHandler<>(this, block);
    }

    /** The commands handled, lower-case. */
    public Set<String> commands() {
        return commands;
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u)) {
            return CheckResult.noMatch();
        }
        Message message = Effective.message(u).orElse(null);
        if (message == null || message.text().isEmpty() || message.entities().isEmpty()) {
            return CheckResult.noMatch();
        }
        MessageEntity first = message.entities().get(0);
        String text = message.text().get();
        if (!first.type().equals("bot_command") || first.offset() != 0 || first.length() < 1
                || first.length() > text.length()) {
            return CheckResult.noMatch();
        }
        String command = text.substring(1, (int) first.length());
        int at = command.indexOf('@');
        String name = at < 0 ? command : command.substring(0, at);
        if (!commands.contains(name.toLowerCase(Locale.ROOT))) {
            return CheckResult.noMatch();
        }
        if (at >= 0) {
            String addressee = command.substring(at + 1);
            int second = addressee.indexOf('@');
            if (second >= 0) {
                addressee = addressee.substring(0, second);
            }
            String username = application.botUser().username().orElse("");
            if (!addressee.equalsIgnoreCase(username)) {
                return CheckResult.noMatch();
            }
        }
        List<String> args = splitArgs(text);
        return argsFit(args.size()) ? CommandMatch.check(filter, u, args) : CheckResult.noMatch();
    }

    @Override
    protected void collectAdditionalContext(X context, Update update, CheckResult.Match match) {
        CommandMatch.collect(context, match);
    }

    @Override
    public String toString() {
        return "CommandHandler" + commands;
    }

    private boolean argsFit(int count) {
        return switch (hasArgs) {
            case ANY_ARGS -> true;
            case SOME_ARGS -> count >= 1;
            default -> count == hasArgs;
        };
    }

    /** The words after the command, split on runs of any white space (Python's {@code text.split()[1:]}). */
    static List<String> splitArgs(String text) {
        List<String> words = Words.split(text);
        return words.size() <= 1 ? List.of() : words.subList(1, words.size());
    }

    private static Set<String> validate(Collection<String> commands) {
        Objects.requireNonNull(commands, "commands");
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("A CommandHandler needs at least one command");
        }
        return commands.stream().map(c -> {
            Objects.requireNonNull(c, "command");
            String lower = c.toLowerCase(Locale.ROOT);
            if (!VALID_COMMAND.matcher(lower).matches()) {
                throw new IllegalArgumentException("Command '" + c + "' is not a valid bot command: use 1 to 32 "
                        + "letters, digits and underscores, without the leading '/'");
            }
            return lower;
        }).collect(Collectors.toUnmodifiableSet());
    }
}
