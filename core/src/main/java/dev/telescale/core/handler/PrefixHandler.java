package dev.telescale.core.handler;

import dev.telescale.api.types.Message;
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
import java.util.stream.Collectors;

/**
 * Handles text commands with prefixes of your choice, such as {@code !help} or {@code #ban} (PTB's
 * {@code PrefixHandler}). Every combination of a prefix and a command is accepted, compared case-insensitively with
 * the first word of the message text (words split on any white space); there is no entity and no {@code @bot}
 * logic. The remaining words become {@code context.args()}. The filter (default {@link Filters.UpdateType#MESSAGES}:
 * new and edited messages) must pass too, and its data is merged into the context.
 *
 * <pre>{@code
 * app.addHandler(new PrefixHandler<>(List.of("!", "#"), List.of("ban", "kick"), this::moderate));
 * }</pre>
 *
 * @param <X> the context type
 */
public final class PrefixHandler<X extends CallbackContext<?, ?, ?>> extends CallbackHandler<Update, X> {

    private final Set<String> commands;
    private final Filter filter;

    /** Handles {@code prefix + command}. */
    public PrefixHandler(String prefix, String command, HandlerCallback<Update, ? super X> callback) {
        this(List.of(Objects.requireNonNull(prefix, "prefix")), List.of(Objects.requireNonNull(command, "command")),
                callback);
    }

    /** Handles every combination of one of {@code prefixes} and one of {@code commands}. */
    public PrefixHandler(Collection<String> prefixes, Collection<String> commands,
                         HandlerCallback<Update, ? super X> callback) {
        this(combine(prefixes, commands), HandlerFunction.of(callback));
    }

    private PrefixHandler(Set<String> commands, HandlerFunction<? super Update, ? super X> callback) {
        super(callback);
        this.commands = commands;
        this.filter = Filters.UpdateType.MESSAGES;
    }

    private PrefixHandler(PrefixHandler<X> source, Filter filter) {
        super(source);
        this.commands = source.commands;
        this.filter = filter;
    }

    private PrefixHandler(PrefixHandler<X> source, boolean block) {
        super(source, block);
        this.commands = source.commands;
        this.filter = source.filter;
    }

    /** A handler whose callback returns a value (an {@code ApiMethod} to send, a conversation state...). */
    public static <X extends CallbackContext<?, ?, ?>> PrefixHandler<X> returning(
            String prefix, String command, HandlerFunction<Update, ? super X> callback) {
        return returning(List.of(Objects.requireNonNull(prefix, "prefix")),
                List.of(Objects.requireNonNull(command, "command")), callback);
    }

    /** As {@link #returning(String, String, HandlerFunction)} for several prefixes and commands. */
    public static <X extends CallbackContext<?, ?, ?>> PrefixHandler<X> returning(
            Collection<String> prefixes, Collection<String> commands, HandlerFunction<Update, ? super X> callback) {
        return new PrefixHandler<>(combine(prefixes, commands), Objects.requireNonNull(callback, "callback"));
    }

    /** This handler with another filter, replacing the default {@code UpdateType.MESSAGES}. */
    public PrefixHandler<X> filter(Filter filter) {
        return new PrefixHandler<>(this, Objects.requireNonNull(filter, "filter"));
    }

    /** This handler with the given {@code block} flag. */
    public PrefixHandler<X> block(boolean block) {
        return new PrefixHandler<>(this, block);
    }

    /** The accepted first words: every prefix + command, lower-case. */
    public Set<String> commands() {
        return commands;
    }

    @Override
    public CheckResult check(Object update, Application<?> application) {
        if (!(update instanceof Update u)) {
            return CheckResult.noMatch();
        }
        Message message = Effective.message(u).orElse(null);
        if (message == null || message.text().isEmpty()) {
            return CheckResult.noMatch();
        }
        String text = message.text().get();
        String first = Words.first(text);
        if (first == null || !commands.contains(first.toLowerCase(Locale.ROOT))) {
            return CheckResult.noMatch();
        }
        return CommandMatch.check(filter, u, CommandHandler.splitArgs(text));
    }

    @Override
    protected void collectAdditionalContext(X context, Update update, CheckResult.Match match) {
        CommandMatch.collect(context, match);
    }

    @Override
    public String toString() {
        return "PrefixHandler" + commands;
    }

    private static Set<String> combine(Collection<String> prefixes, Collection<String> commands) {
        Set<String> p = words("prefix", prefixes);
        Set<String> c = words("command", commands);
        return p.stream().flatMap(prefix -> c.stream().map(command -> prefix + command))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The words lower-cased, refusing what could never be the first word of a message. */
    private static Set<String> words(String what, Collection<String> words) {
        Objects.requireNonNull(words, what + " list");
        if (words.isEmpty()) {
            throw new IllegalArgumentException("A PrefixHandler needs at least one " + what);
        }
        return words.stream().map(w -> {
            Objects.requireNonNull(w, what);
            if (w.isEmpty() || Words.hasSeparator(w)) {
                throw new IllegalArgumentException("A PrefixHandler " + what + " must be non-empty and without white "
                        + "space (it is compared with the first word of the text), was '" + w + "'");
            }
            return w.toLowerCase(Locale.ROOT);
        }).collect(Collectors.toUnmodifiableSet());
    }
}
