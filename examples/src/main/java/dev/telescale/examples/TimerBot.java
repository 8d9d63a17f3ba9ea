package dev.telescale.examples;

import dev.telescale.api.ChatId;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.job.Job;
import dev.telescale.core.job.JobCallback;
import dev.telescale.core.job.JobQueue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Timed messages with the job queue (PTB's {@code timerbot.py}): {@code /set <seconds>} schedules a one-off job for
 * the chat (replacing the chat's previous one) that says "Beep! N seconds are over!", {@code /unset} cancels it,
 * {@code /start} and {@code /help} explain.
 *
 * <p>The seconds are read as Python's {@code float()} reads them (signs, decimals, exponents, {@code _} between
 * digits, {@code inf}, {@code nan}) and printed back as a Java {@code double} ({@link Double#toString}): "5.0" as in
 * Python, but "1.0E16" where Python prints "1e+16". As in the original, NaN answers the usage text, and a time too
 * long for a timer (Python's {@code timedelta} limit, 999,999,999 days, or infinity) fails the update silently after
 * the old timer was removed.
 */
public final class TimerBot {

    /** Python's {@code timedelta.max} in seconds, roughly: longer timers overflow in the original. */
    private static final double LONGEST_TIMER_SECONDS = 999_999_999d * 86_400;

    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern PYTHON_FLOAT = Pattern.compile("[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS
            + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?|inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private TimerBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(new CommandHandler<>(List.of("start", "help"),
                (update, context) -> context.replyText("Hi! Use /set <seconds> to set a timer")));
        app.addHandler(new CommandHandler<>("set", (update, context) -> setTimer(context)));
        app.addHandler(new CommandHandler<>("unset", (update, context) -> {
            String name = Long.toString(context.effectiveMessage().orElseThrow().chat().id());
            context.replyText(removeJobIfExists(name, context.jobQueue())
                    ? "Timer successfully cancelled!" : "You have no active timer.");
        }));
        return app;
    }

    private static void setTimer(DefaultContext context) {
        long chatId = context.effectiveMessage().orElseThrow().chat().id();
        Double due = context.args().isEmpty() ? null : parsePythonFloat(context.args().getFirst());
        if (due == null || due.isNaN()) {
            context.replyText("Usage: /set <seconds>");
            return;
        }
        if (due < 0) {
            context.replyText("Sorry we can not go back to future!");
            return;
        }
        JobQueue<DefaultContext> jobs = context.jobQueue();
        boolean removed = removeJobIfExists(Long.toString(chatId), jobs);
        if (due > LONGEST_TIMER_SECONDS) {
            throw new ArithmeticException("A timer of " + due + " seconds is longer than 999,999,999 days");
        }
        JobCallback<DefaultContext> alarm = TimerBot::alarm;
        long seconds = (long) Math.floor(due);
        Duration delay = Duration.ofSeconds(seconds, Math.round((due - seconds) * 1e9));
        jobs.runOnce(alarm, delay, o -> o.chatId(chatId).name(Long.toString(chatId)).data(due));
        context.replyText(removed ? "Timer successfully set! Old one was removed." : "Timer successfully set!");
    }

    private static void alarm(DefaultContext context) {
        Job<?> job = context.job().orElseThrow();
        context.bot().sendMessage(ChatId.of(job.chatId().orElseThrow()),
                "Beep! " + job.data() + " seconds are over!");
    }

    /** Removes the jobs with this name; whether there were any. */
    private static boolean removeJobIfExists(String name, JobQueue<DefaultContext> jobs) {
        List<Job<DefaultContext>> current = jobs.getJobsByName(name);
        current.forEach(Job::scheduleRemoval);
        return !current.isEmpty();
    }

    /** The number as Python's {@code float(text)} reads it, or null where Python raises a ValueError. */
    static Double parsePythonFloat(String text) {
        if (!PYTHON_FLOAT.matcher(text).matches()) {
            return null;
        }
        String plain = text.replace("_", "").toLowerCase(Locale.ROOT);
        return switch (plain.replaceFirst("^[+-]", "")) {
            case "inf", "infinity" -> plain.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(plain);
        };
    }
}
