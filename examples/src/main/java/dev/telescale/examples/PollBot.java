package dev.telescale.examples;

import dev.telescale.api.ChatId;
import dev.telescale.api.methods.SendPoll;
import dev.telescale.api.types.InputPollOption;
import dev.telescale.api.types.KeyboardButton;
import dev.telescale.api.types.KeyboardButtonPollType;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Poll;
import dev.telescale.api.types.PollAnswer;
import dev.telescale.api.types.ReplyKeyboardMarkup;
import dev.telescale.api.types.ReplyKeyboardRemove;
import dev.telescale.api.types.ReplyParameters;
import dev.telescale.bot.text.Html;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.handler.PollAnswerHandler;
import dev.telescale.core.handler.PollHandler;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Polls and quizzes (PTB's {@code pollbot.py}): {@code /poll} sends a non-anonymous multiple-answer poll and tells
 * the chat what each voter feels, closing the poll after three answers; {@code /quiz} sends a quiz and closes it when
 * three people took it; {@code /preview} shows a button that lets the user create a poll, which the bot answers with
 * a closed copy; {@code /start} and {@code /help} explain. Only 3 people interact with each poll.
 *
 * <p>The bot data holds a {@link PollInfo} or {@link QuizInfo} per poll id where the original keeps dicts. As in the
 * original, an answer to a poll the bot does not know raises an error (logged; nothing is sent), and one to a quiz is
 * ignored.
 */
public final class PollBot {

    static final List<String> POLL_OPTIONS = List.of("Good", "Really good", "Fantastic", "Great");
    static final List<String> QUIZ_OPTIONS = List.of("1", "2", "4", "20");

    /** What the bot keeps about a poll it sent: its options, where it is, and how many answered. */
    record PollInfo(List<String> questions, long messageId, long chatId, AtomicInteger answers) {
    }

    /** Where a quiz the bot sent is. */
    record QuizInfo(long chatId, long messageId) {
    }

    private PollBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyText(
                "Please select /poll to get a Poll, /quiz to get a Quiz or /preview to generate a preview for your poll")));
        app.addHandler(new CommandHandler<>("poll", (update, context) -> {
            long chatId = context.effectiveChat().orElseThrow().id();
            Message message = context.bot().sendPoll(b -> b.chatId(ChatId.of(chatId)).question("How are you?")
                    .options(options(POLL_OPTIONS)).isAnonymous(false).allowsMultipleAnswers(true));
            context.botData().put(message.poll().orElseThrow().id(),
                    new PollInfo(POLL_OPTIONS, message.messageId(), chatId, new AtomicInteger()));
        }));
        app.addHandler(new CommandHandler<>("quiz", (update, context) -> {
            Message message = replyPoll(context, b -> b.question("How many eggs do you need for a cake?")
                    .options(options(QUIZ_OPTIONS)).type("quiz").correctOptionIds(2L));
            context.botData().put(message.poll().orElseThrow().id(),
                    new QuizInfo(context.effectiveChat().orElseThrow().id(), message.messageId()));
        }));
        app.addHandler(new CommandHandler<>("preview", (update, context) -> context.replyText(
                "Press the button to let the bot generate a preview for your poll",
                // No poll type: the user chooses between a poll and a quiz. One-time: the keyboard hides after use.
                b -> b.replyMarkup(ReplyKeyboardMarkup.builder().keyboard(List.of(List.of(KeyboardButton.builder()
                        .text("Press me!").requestPoll(KeyboardButtonPollType.builder().build()).build())))
                        .oneTimeKeyboard(true).build()))));
        app.addHandler(new CommandHandler<>("help", (update, context) ->
                context.replyText("Use /quiz, /poll or /preview to test this bot.")));
        app.addHandler(new MessageHandler<>(Filters.POLL, (update, context) -> {
            Poll poll = context.effectiveMessage().orElseThrow().poll().orElseThrow();
            // A closed poll needs only the question and the options.
            replyPoll(context, b -> b.question(poll.question())
                    .options(options(poll.options().stream().map(o -> o.text()).toList()))
                    .isClosed(true).replyMarkup(ReplyKeyboardRemove.builder().removeKeyboard(true).build()));
        }));
        app.addHandler(new PollAnswerHandler<>((update, context) -> {
            PollAnswer answer = update.pollAnswer().orElseThrow();
            Object stored = context.botData().get(answer.pollId());
            if (stored == null) {
                throw new NoSuchElementException("No poll " + answer.pollId() + " in the bot data");
            }
            if (!(stored instanceof PollInfo poll)) {
                // An answer to a quiz: nothing to say about it.
                return;
            }
            String feelings = answer.optionIds().stream().map(id -> poll.questions().get(Math.toIntExact(id)))
                    .collect(Collectors.joining(" and "));
            context.bot().sendMessage(b -> b.chatId(ChatId.of(poll.chatId()))
                    .text(Html.mention(context.effectiveUser().orElseThrow()) + " feels " + feelings + "!")
                    .parseMode("HTML"));
            // Close the poll after three participants voted.
            if (poll.answers().incrementAndGet() == 3) {
                context.bot().stopPoll(ChatId.of(poll.chatId()), poll.messageId());
            }
        }));
        app.addHandler(new PollHandler<>((update, context) -> {
            Poll poll = update.poll().orElseThrow();
            // Closed polls come too; they need nothing.
            if (poll.isClosed() || poll.totalVoterCount() != 3) {
                return;
            }
            switch (context.botData().get(poll.id())) {
                case QuizInfo quiz -> context.bot().stopPoll(ChatId.of(quiz.chatId()), quiz.messageId());
                case PollInfo other -> context.bot().stopPoll(ChatId.of(other.chatId()), other.messageId());
                case null, default -> {
                    // A poll the bot does not know (an old one): it cannot be stopped.
                }
            }
        }));
        return app;
    }

    /** Sends a poll to the update's chat as PTB's {@code reply_poll}: quoting the message except in private chats. */
    private static Message replyPoll(DefaultContext context, Consumer<SendPoll.Builder> poll) {
        Message message = context.effectiveMessage().orElseThrow();
        SendPoll.Builder b = SendPoll.builder().chatId(message.chat().id());
        if (!"private".equals(message.chat().type())) {
            b.replyParameters(ReplyParameters.builder().messageId(message.messageId()).build());
        }
        poll.accept(b);
        return context.bot().execute(b.build());
    }

    private static List<InputPollOption> options(List<String> texts) {
        return texts.stream().map(text -> InputPollOption.builder().text(text).build()).toList();
    }
}
