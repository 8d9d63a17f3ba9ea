package dev.telescale.core;

import dev.telescale.api.ApiMethod;
import dev.telescale.api.types.CallbackQuery;
import dev.telescale.api.types.Chat;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.ReplyParameters;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import dev.telescale.api.methods.AnswerCallbackQuery;
import dev.telescale.api.methods.EditMessageText;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.bot.Bot;
import dev.telescale.bot.Defaults;
import dev.telescale.core.data.DataStore;
import dev.telescale.core.filter.FilterResult;
import dev.telescale.core.job.Job;
import dev.telescale.core.job.JobQueue;
import dev.telescale.core.update.UpdateSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.MatchResult;

/**
 * What a handler, error handler or job receives besides the update (PTB's {@code CallbackContext}): the bot and
 * application, what the handler found ({@link #args()}, {@link #matches()}), the {@link #error()} or {@link #job()},
 * the user's, chat's and bot's data, and shortcuts that answer the update ({@link #replyText}, {@link #answer},
 * {@link #editMessageText}, {@link #replyViaWebhook}).
 *
 * <p>One context is made per update and shared by the handlers of all groups (what group -1 stores in a custom
 * context field, group 0 sees); {@code args} and {@code matches} are replaced by each handler that sets them.
 * Error handlers get a new context. Extend this class for a context of your own (see {@link ContextTypes}).
 *
 * @param <U> user data type
 * @param <C> chat data type
 * @param <B> bot data type
 */
public class CallbackContext<U, C, B> {

    private final Application<?> application;
    private final DataStore<U, C, B> data;
    private final Object update;
    private final Long chatId;
    private final Long userId;
    private final Throwable error;
    private final Job<?> job;
    private final WebhookReplySlot reply;
    private volatile List<String> args = List.of();
    private volatile List<MatchResult> matches = List.of();
    private final Map<String, List<Object>> filterData = new ConcurrentHashMap<>();

    /** Builds the context from what the Application provides; subclasses pass the seed on. */
    public CallbackContext(ContextSeed<U, C, B> seed) {
        Objects.requireNonNull(seed, "seed");
        this.application = seed.application;
        this.data = seed.data;
        this.update = seed.update;
        this.chatId = seed.chatId;
        this.userId = seed.userId;
        this.error = seed.error;
        this.job = seed.job;
        this.reply = seed.reply;
    }

    /** The application dispatching the update. */
    public Application<?> application() {
        return application;
    }

    /** The bot. */
    public Bot bot() {
        return application.bot();
    }

    /** Where to put more updates (any object) for the application to process: its update queue. */
    public UpdateSink updateSink() {
        return application;
    }

    /**
     * The application's job queue. On this base class its type is {@code JobQueue<? extends CallbackContext<U, C,
     * B>>}: schedule lambdas or method references taking a {@code CallbackContext<U, C, B>}
     * ({@code context.jobQueue().runOnce(ctx -> ctx.bot()..., delay)}). Context classes narrow it to themselves:
     * {@link DefaultContext#jobQueue()} returns {@code JobQueue<DefaultContext>}, and a class of your own does the
     * same with one override, so its jobs get its own context type:
     *
     * <pre>{@code
     * @Override
     * public JobQueue<MyContext> jobQueue() {
     *     return jobQueue(MyContext.class);
     * }
     * }</pre>
     *
     * @throws IllegalStateException when the application was built without a job queue
     */
    public JobQueue<? extends CallbackContext<U, C, B>> jobQueue() {
        return applicationJobQueue();
    }

    /**
     * The application's job queue typed for {@code contextClass}, for overrides of {@link #jobQueue()} in context
     * classes (see there). Sound because the jobs' contexts come from the same context factory as this one: when
     * this context is a {@code Y}, so are they.
     *
     * @throws IllegalArgumentException when this context is not a {@code contextClass}
     * @throws IllegalStateException    when the application was built without a job queue
     */
    @SuppressWarnings("unchecked") // checked: this context, made by the factory that makes the jobs' ones, is a Y
    protected final <Y extends CallbackContext<U, C, B>> JobQueue<Y> jobQueue(Class<Y> contextClass) {
        if (!contextClass.isInstance(this)) {
            throw new IllegalArgumentException("jobQueue(" + contextClass.getName() + ".class) was called on a "
                    + getClass().getName() + ": pass the class of the context the application makes");
        }
        return (JobQueue<Y>) applicationJobQueue();
    }

    @SuppressWarnings("unchecked") // the application's context types bind its contexts to this context's U, C, B
    private JobQueue<? extends CallbackContext<U, C, B>> applicationJobQueue() {
        return (JobQueue<? extends CallbackContext<U, C, B>>) application.jobQueue().orElseThrow(
                () -> new IllegalStateException("This application has no job queue: it was built with noJobQueue()"));
    }

    /** The update being handled (an {@code Update} or a custom object); empty in job contexts and job errors. */
    public Optional<Object> update() {
        return Optional.ofNullable(update);
    }

    /**
     * The data of the update's callback query as the bot put it on the button ({@code Bot.callbackData}): the
     * {@code callback_data} string, or, with arbitrary callback data on, the cached object (an
     * {@code InvalidCallbackData} for an unknown or expired key). Empty when the update is not a callback query or the
     * query has no data (a game's).
     */
    public Optional<Object> callbackData() {
        if (update instanceof Update u && u.callbackQuery().isPresent()) {
            return Optional.ofNullable(bot().callbackData(u.callbackQuery().get()));
        }
        return Optional.empty();
    }

    /** The effective message of the update (see {@link Effective#message}). */
    public Optional<Message> effectiveMessage() {
        return Effective.message(update);
    }

    /** The effective chat of the update. */
    public Optional<Chat> effectiveChat() {
        return Effective.chat(update);
    }

    /** The effective user of the update. */
    public Optional<User> effectiveUser() {
        return Effective.user(update);
    }

    /** The id of the chat whose data {@link #chatData()} is: the update's effective chat, or the job's chat. */
    public OptionalLong chatId() {
        return chatId == null ? OptionalLong.empty() : OptionalLong.of(chatId);
    }

    /** The id of the user whose data {@link #userData()} is. */
    public OptionalLong userId() {
        return userId == null ? OptionalLong.empty() : OptionalLong.of(userId);
    }

    /** The words after a command ({@code CommandHandler}); empty when there are none or no command. */
    public List<String> args() {
        return args;
    }

    /** Sets {@link #args()}; used by handlers while collecting what they found. */
    public void setArgs(List<String> args) {
        this.args = List.copyOf(args);
    }

    /** Regex matches of the handler's pattern or of regex filters, in filter order; empty when none. */
    public List<MatchResult> matches() {
        return matches;
    }

    /** The first of {@link #matches()}. */
    public Optional<MatchResult> match() {
        List<MatchResult> m = matches;
        return m.isEmpty() ? Optional.empty() : Optional.of(m.get(0));
    }

    /** Sets {@link #matches()}; used by handlers. */
    public void setMatches(List<MatchResult> matches) {
        this.matches = List.copyOf(matches);
    }

    /** Data of data filters other than regex matches, by name (read-only). */
    public Map<String, List<Object>> filterData() {
        return Collections.unmodifiableMap(filterData);
    }

    /**
     * Merges a filter's output into the context (PTB's {@code context.update(dict)}): regex matches become
     * {@link #matches()}, other names {@link #filterData()}. Used by handlers.
     */
    public void mergeFilterData(FilterResult.Pass result) {
        List<MatchResult> found = new ArrayList<>();
        result.data().forEach((name, values) -> {
            if (name.equals(FilterResult.MATCHES)) {
                for (Object v : values) {
                    if (v instanceof MatchResult m) {
                        found.add(m);
                    }
                }
            } else {
                filterData.put(name, values);
            }
        });
        if (result.data().containsKey(FilterResult.MATCHES)) {
            this.matches = List.copyOf(found);
        }
    }

    /** The exception, in error handlers. */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    /** The running job, in job callbacks (and error handlers of job errors). */
    public Optional<Job<?>> job() {
        return Optional.ofNullable(job);
    }

    /** The bot-wide data. */
    public B botData() {
        return data.botData();
    }

    /**
     * The data of the update's (or job's) chat, created on first access.
     *
     * @throws IllegalStateException when there is no chat (an inline query, a job without chat)
     */
    public C chatData() {
        if (chatId == null) {
            throw new IllegalStateException("There is no chat data here: this update (or job) has no chat");
        }
        return data.chatData(chatId);
    }

    /**
     * The data of the update's (or job's) user, created on first access.
     *
     * @throws IllegalStateException when there is no user (a channel post, a job without user)
     */
    public U userData() {
        if (userId == null) {
            throw new IllegalStateException("There is no user data here: this update (or job) has no user");
        }
        return data.userData(userId);
    }

    /**
     * Brings this context's bot, chat and user data up to date from the application's persistence (PTB's
     * {@code refresh_data}): calls its refresh hooks for the kinds it stores and uses the objects they return (a
     * store may return a new record read from it), so {@link #userData()} and the others return the refreshed data
     * afterwards; an object got before the refresh is not updated. The application calls it before the
     * first handler callback of each update and before each job run; call it again in a long-running handler that
     * waits for others. Does nothing without a persistence; creates the chat's and user's data if absent.
     *
     * @throws dev.telescale.core.persistence.PersistenceException when a refresh hook fails
     */
    public void refreshData() {
        application.refreshData(chatId, userId);
    }

    /** Every chat's and user's data, typed: to look at other chats, drop, migrate or mark data. */
    public DataStore<U, C, B> dataStore() {
        return data;
    }

    /**
     * Sends a text reply to the update's message (PTB's {@code message.reply_text}): to its chat (and forum topic
     * and business connection); in groups, supergroups and channels it quotes the message (reply_parameters),
     * in private chats it does not, unless {@link Defaults#doQuote()} says always ({@code true}) or never
     * ({@code false}).
     *
     * @throws IllegalStateException when the update has no message to reply to
     */
    public Message replyText(String text) {
        return replyText(text, b -> { });
    }

    /** As {@link #replyText(String)}; {@code options} can set any other parameter, or override the ones set. */
    public Message replyText(String text, Consumer<SendMessage.Builder> options) {
        Message message = requireMessage("replyText");
        SendMessage.Builder b = SendMessage.builder().chatId(message.chat().id()).text(text);
        if (message.isTopicMessage()) {
            message.messageThreadId().ifPresent(b::messageThreadId);
        }
        message.businessConnectionId().ifPresent(b::businessConnectionId);
        if (shouldQuote(message)) {
            b.replyParameters(ReplyParameters.builder().messageId(message.messageId()).build());
        }
        options.accept(b);
        return bot().execute(b.build());
    }

    /** {@link #replyText} with {@code parse_mode} HTML. */
    public Message replyHtml(String html) {
        return replyHtml(html, b -> { });
    }

    /** {@link #replyText} with {@code parse_mode} HTML and more options. */
    public Message replyHtml(String html, Consumer<SendMessage.Builder> options) {
        return replyText(html, b -> options.accept(b.parseMode("HTML")));
    }

    /** Answers the update's callback query without a notification (PTB's {@code query.answer()}). */
    public boolean answer() {
        return answer(b -> { });
    }

    /** Answers the callback query with a notification text. */
    public boolean answer(String text) {
        return answer(b -> b.text(text));
    }

    /**
     * Answers the callback query with any options (alert, URL, cache time).
     *
     * @throws IllegalStateException when the update is not a callback query
     */
    public boolean answer(Consumer<AnswerCallbackQuery.Builder> options) {
        CallbackQuery query = requireCallbackQuery("answer");
        AnswerCallbackQuery.Builder b = AnswerCallbackQuery.builder().callbackQueryId(query.id());
        options.accept(b);
        return Boolean.TRUE.equals(bot().execute(b.build()));
    }

    /**
     * Edits the text of the message of the update: for a callback query the message with the button (or its inline
     * message), otherwise the effective message (PTB's {@code query.edit_message_text} / {@code message.edit_text}).
     * Returns the edited message, or empty for inline messages.
     */
    public Optional<Message> editMessageText(String text) {
        return editMessageText(text, b -> { });
    }

    /** As {@link #editMessageText(String)} with more options (parse mode, keyboard, link preview). */
    public Optional<Message> editMessageText(String text, Consumer<EditMessageText.Builder> options) {
        EditMessageText.Builder b = EditMessageText.builder().text(text);
        Optional<CallbackQuery> query = update instanceof Update u ? u.callbackQuery() : Optional.empty();
        if (query.isPresent() && query.get().inlineMessageId().isPresent()) {
            b.inlineMessageId(query.get().inlineMessageId().get());
        } else {
            Message message = requireMessage("editMessageText");
            b.chatId(message.chat().id()).messageId(message.messageId());
            message.businessConnectionId().ifPresent(b::businessConnectionId);
        }
        options.accept(b);
        return bot().execute(b.build());
    }

    /**
     * Answers the update inside the webhook's HTTP response instead of with a separate call (a "webhook reply",
     * one round trip saved). Only the first reply of an update that came by webhook goes into the response, and
     * only while the webhook server still waits for it; otherwise — polling, a second reply, a reply from a
     * non-blocking handler after processing ended, a server that stopped waiting, a bot with a rate limiter (a reply
     * in the response would bypass it) — the method is sent as a normal call. With arbitrary callback data the
     * reply's keyboards get cache keys as in a normal call. Telegram does not report the result of a webhook reply,
     * so use it for fire-and-forget answers.
     *
     * @return true if the method went into the webhook response, false if it was sent as a normal call
     */
    public boolean replyViaWebhook(ApiMethod<?> method) {
        Objects.requireNonNull(method, "method");
        if (reply != null && reply.offer(method)) {
            return true;
        }
        bot().execute(method);
        return false;
    }

    private boolean shouldQuote(Message message) {
        Optional<Boolean> doQuote = bot().defaults().flatMap(Defaults::doQuote);
        return doQuote.orElseGet(() -> !message.chat().type().equals("private"));
    }

    private Message requireMessage(String what) {
        return Effective.message(update).orElseThrow(() -> new IllegalStateException(
                what + " needs an update with a message; this one has none"
                        + (update == null ? "" : " (" + describe(update) + ")")));
    }

    private CallbackQuery requireCallbackQuery(String what) {
        if (update instanceof Update u && u.callbackQuery().isPresent()) {
            return u.callbackQuery().get();
        }
        throw new IllegalStateException(what + " needs a callback query update; this one is "
                + (update == null ? "no update" : describe(update)));
    }

    private static String describe(Object update) {
        return update instanceof Update u ? "an update of type " + u.type().name().toLowerCase(java.util.Locale.ROOT)
                : "a " + update.getClass().getName();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[chatId=" + chatId + ", userId=" + userId
                + (error != null ? ", error=" + error.getClass().getSimpleName() : "")
                + (job != null ? ", job=" + job.name() : "") + "]";
    }
}
