package dev.telescale.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.ApplicationHandlerStop;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CallbackQueryHandler;
import dev.telescale.core.handler.CheckResult;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.persistence.ConversationKey;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The selection and transition rules of §7.3–§7.4 one by one, driven by an emulated user through the emulator:
 * entry points, states, fallbacks, return values, reentry, unknown states, ApplicationHandlerStop with a state.
 */
class ConversationFlowTest {

    enum Step { NAME, AGE, DONE }

    private ConversationHarness h;
    private EmulatedUser alice;
    private Application<DefaultContext> app;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        h = new ConversationHarness();
        alice = h.emulator.user("alice");
        app = h.builder().build();
        app.initialize();
    }

    @AfterEach
    void tearDown() {
        if (app.isRunning()) {
            app.stop();
        }
        app.shutdown();
        h.close();
    }

    private ConversationKey aliceKey() {
        return ConversationKey.of(alice.chatWith(h.bot).id(), alice.id());
    }

    /** A command handler logging its name and returning {@code next}. */
    private CommandHandler<DefaultContext> command(String command, Object next) {
        return CommandHandler.returning(command, (u, c) -> {
            log.add("/" + command);
            return next;
        });
    }

    /** A handler of texts matching {@code regex}, logging {@code name} and returning {@code next}. */
    private MessageHandler<DefaultContext> text(String name, String regex, Object next) {
        return MessageHandler.returning(Filters.regex(regex).and(Filters.COMMAND.not()), (u, c) -> {
            log.add(name);
            return next;
        });
    }

    private void say(String text) {
        alice.sendText(h.bot, text);
        h.processPending(app);
    }

    private ConversationHandler<DefaultContext> registration() {
        return ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", Step.NAME))
                .state(Step.NAME, text("name", "^[A-Z]", Step.AGE))
                .state(Step.AGE, text("age", "^\\d+$", ConversationHandler.END), text("stay", "^later$", null))
                .fallbacks(command("cancel", ConversationHandler.END), text("fallback", ".", null))
                .build();
    }

    @Test
    void anEntryPointStartsTheConversationAndEachCallbackReturnsTheNextStateUntilEnd() {
        ConversationHandler<DefaultContext> conv = registration();
        app.addHandler(conv);

        say("/start");
        assertEquals(Optional.of(Step.NAME), conv.state(aliceKey()));
        say("Alice");
        assertEquals(Optional.of(Step.AGE), conv.state(aliceKey()));
        say("42");

        assertEquals(List.of("/start", "name", "age"), log);
        assertEquals(Optional.empty(), conv.state(aliceKey()), "END removes the conversation");
        assertEquals(0, conv.activeConversations());
    }

    @Test
    void withoutAConversationOnlyEntryPointsAreAskedAndOtherHandlersOfTheGroupGetTheRest() {
        app.addHandler(registration());
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> log.add("other")));

        say("Alice");
        say("/cancel");

        assertEquals(List.of("other", "other"), log);
    }

    @Test
    void nullStaysInTheCurrentState() {
        ConversationHandler<DefaultContext> conv = registration();
        app.addHandler(conv);

        say("/start");
        say("Alice");
        say("later");

        assertEquals(Optional.of(Step.AGE), conv.state(aliceKey()));
        assertEquals(List.of("/start", "name", "stay"), log);
    }

    @Test
    void anEntryPointReturningNullNeverStartsAConversation() {
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", null))
                .state(Step.NAME, text("name", ".", Step.AGE))
                .build();
        app.addHandler(conv);

        say("/start");
        say("Alice");

        assertEquals(List.of("/start"), log);
        assertEquals(Optional.empty(), conv.state(aliceKey()));
    }

    @Test
    void fallbacksRunWhenNoHandlerOfTheStateMatches() {
        ConversationHandler<DefaultContext> conv = registration();
        app.addHandler(conv);

        say("/start");
        say("lowercase name");   // the NAME handler wants a capital
        say("/cancel");

        assertEquals(List.of("/start", "fallback", "/cancel"), log);
        assertEquals(Optional.empty(), conv.state(aliceKey()));
    }

    @Test
    void withoutReentryTheEntryPointIsNotAskedDuringAConversation() {
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", Step.NAME))
                .state(Step.NAME, text("name", "^[A-Z]", Step.AGE))
                .state(Step.AGE, command("start", Step.DONE))
                .build();
        app.addHandler(conv);

        say("/start");
        say("Alice");
        say("/start");

        assertEquals(Optional.of(Step.DONE), conv.state(aliceKey()), "the AGE state's /start handler ran");
    }

    @Test
    void withReentryTheEntryPointsAreAskedFirstAndRestartTheConversation() {
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", Step.NAME))
                .state(Step.NAME, text("name", "^[A-Z]", Step.AGE))
                .state(Step.AGE, command("start", Step.DONE))
                .allowReentry(true)
                .build();
        app.addHandler(conv);

        say("/start");
        say("Alice");
        say("/start");

        assertEquals(Optional.of(Step.NAME), conv.state(aliceKey()), "the entry point won over the state handler");
    }

    @Test
    void anUnknownStateIsStoredWithAWarningAndOnlyFallbacksContinue() {
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .name("survey")
                .entryPoints(command("start", "nowhere"))
                .state(Step.NAME, text("name", ".", Step.AGE))
                .fallbacks(command("cancel", ConversationHandler.END))
                .build();
        app.addHandler(conv);

        String err = captureStdErr(() -> say("/start"));

        assertEquals(Optional.of("nowhere"), conv.state(aliceKey()));
        assertTrue(err.contains("returned the state nowhere, which is unknown to the ConversationHandler 'survey'"),
                err);
        say("Alice");
        say("/cancel");
        assertEquals(List.of("/start", "/cancel"), log);
    }

    @Test
    void applicationHandlerStopWithAStateStoresTheStateAndStopsLaterGroups() {
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CommandHandler.returning("start", (u, c) -> {
                    throw new ApplicationHandlerStop(Step.AGE);
                }))
                .state(Step.AGE, text("age", ".", ConversationHandler.END))
                .build();
        app.addHandler(conv);
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> log.add("group 1")), 1);

        say("/start");
        assertEquals(Optional.of(Step.AGE), conv.state(aliceKey()));
        assertEquals(List.of(), log, "group 1 did not run");
        say("42");
        assertEquals(List.of("age", "group 1"), log);
    }

    @Test
    void aFailingCallbackKeepsTheStateAndReachesTheErrorHandlers() {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        app.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", Step.NAME))
                .state(Step.NAME, MessageHandler.returning(Filters.TEXT, (u, c) -> {
                    throw new IllegalStateException("boom");
                }))
                .build();
        app.addHandler(conv);

        say("/start");
        say("Alice");

        assertEquals(Optional.of(Step.NAME), conv.state(aliceKey()));
        assertEquals("boom", errors.getFirst().getMessage());
    }

    @Test
    void channelPostsAndUpdatesWithoutTheKeyPartsAreNotTaken() {
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(new MessageHandler<>(Filters.ALL, (u, c) -> { }))
                .state(Step.NAME, text("name", ".", Step.AGE))
                .build();
        Update post = ConversationHarness.update("""
                {"update_id":1,"channel_post":{"message_id":1,"date":1,"chat":{"id":-1001,"type":"channel"},
                 "text":"hi"}}""");
        Update noUser = ConversationHarness.update("""
                {"update_id":2,"message":{"message_id":2,"date":1,"chat":{"id":-1002,"type":"group","title":"g"},
                 "text":"hi"}}""");
        Update inlineQuery = ConversationHarness.update("""
                {"update_id":3,"inline_query":{"id":"q","from":{"id":5,"is_bot":false,"first_name":"u"},
                 "query":"","offset":""}}""");

        assertEquals(CheckResult.noMatch(), conv.check(post, app));
        assertEquals(CheckResult.noMatch(), conv.check(noUser, app));
        assertEquals(CheckResult.noMatch(), conv.check(inlineQuery, app));
        assertEquals(CheckResult.noMatch(), conv.check("not an update", app));
    }

    @Test
    void twoUsersInOneGroupHaveTheirOwnConversationsByDefault() {
        EmulatedUser bob = h.emulator.user("bob");
        EmulatedChat group = h.emulator.group("team", alice, bob).add(h.bot);
        ConversationHandler<DefaultContext> conv = registration();
        app.addHandler(conv);

        alice.sendText(group, "/start");
        bob.sendText(group, "/start");
        alice.sendText(group, "Alice");
        h.processPending(app);

        assertEquals(Optional.of(Step.AGE), conv.state(ConversationKey.of(group.id(), alice.id())));
        assertEquals(Optional.of(Step.NAME), conv.state(ConversationKey.of(group.id(), bob.id())));
    }

    @Test
    void perUserFalseSharesOneConversationPerChat() {
        EmulatedUser bob = h.emulator.user("bob");
        EmulatedChat group = h.emulator.group("team", alice, bob).add(h.bot);
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", Step.NAME))
                .state(Step.NAME, text("name", "^[A-Z]", Step.AGE))
                .perUser(false)
                .build();
        app.addHandler(conv);

        alice.sendText(group, "/start");
        bob.sendText(group, "Bob");
        h.processPending(app);

        assertEquals(Optional.of(Step.AGE), conv.state(ConversationKey.ofChat(group.id())));
    }

    @Test
    void perChatFalseFollowsTheUserAcrossChats() {
        EmulatedChat group = h.emulator.group("team", alice).add(h.bot);
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", Step.NAME))
                .state(Step.NAME, text("name", "^[A-Z]", Step.AGE))
                .perChat(false)
                .build();
        app.addHandler(conv);

        alice.sendText(group, "/start");
        alice.sendText(h.bot, "Alice");
        h.processPending(app);

        assertEquals(Optional.of(Step.AGE), conv.state(ConversationKey.ofUser(alice.id())));
    }

    @Test
    void perThreadKeepsOneConversationPerForumTopic() {
        EmulatedChat forum = h.emulator.supergroup("forum", alice).add(h.bot);
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(command("start", Step.NAME))
                .state(Step.NAME, text("name", "^[A-Z]", Step.AGE))
                .perThread(true)
                .build();
        app.addHandler(conv);

        inTopic(forum, 7, "/start");
        inTopic(forum, 9, "/start");
        inTopic(forum, 7, "Alice");
        alice.sendText(forum, "/start"); // the General topic: no topic part
        h.processPending(app);

        ConversationKey general = ConversationKey.of(forum.id(), alice.id());
        assertEquals(Optional.of(Step.AGE), conv.state(general.withThreadId(7)));
        assertEquals(Optional.of(Step.NAME), conv.state(general.withThreadId(9)));
        assertEquals(Optional.of(Step.NAME), conv.state(general));
        assertEquals("[" + forum.id() + ", " + alice.id() + ", thread:7]", general.withThreadId(7).toString());
    }

    private void inTopic(EmulatedChat forum, int thread, String text) {
        alice.send(forum, m -> {
            m.put("text", text).put("message_thread_id", thread).put("is_topic_message", true);
            if (text.startsWith("/")) {
                m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", text.length());
            }
        });
    }

    @Test
    void perMessageKeepsOneConversationPerMessageWithButtons() {
        ConversationHandler<DefaultContext> conv = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CallbackQueryHandler.returning((u, c) -> {
                    c.answer();
                    return Step.NAME;
                }))
                .state(Step.NAME, CallbackQueryHandler.returning((u, c) -> Step.AGE))
                .perMessage(true)
                .build();
        app.addHandler(conv);
        app.addHandler(new CommandHandler<>("menu", (u, c) -> c.replyText("pick", b -> b.replyMarkup(
                dev.telescale.api.types.InlineKeyboardMarkup.builder().inlineKeyboard(List.of(List.of(
                        dev.telescale.api.types.InlineKeyboardButton.builder().text("A").callbackData("a").build())))
                        .build()))));

        say("/menu");
        say("/menu");
        EmulatedChat chat = alice.chatWith(h.bot);
        List<com.fasterxml.jackson.databind.node.ObjectNode> menus = chat.botMessages();
        alice.pressButton(menus.get(0), "a");
        alice.pressButton(menus.get(0), "a");
        alice.pressButton(menus.get(1), "a");
        h.processPending(app);

        ConversationKey base = ConversationKey.of(chat.id(), alice.id());
        assertEquals(Optional.of(Step.AGE), conv.state(base.withMessageId(menus.get(0).get("message_id").asLong())));
        assertEquals(Optional.of(Step.NAME), conv.state(base.withMessageId(menus.get(1).get("message_id").asLong())));
    }

    @Test
    void perMessageOnInlineMessagesUsesTheInlineMessageIdAndNeedsPerChatOff() {
        ConversationHandler<DefaultContext> perChat = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CallbackQueryHandler.returning((u, c) -> Step.NAME))
                .state(Step.NAME, CallbackQueryHandler.returning((u, c) -> Step.AGE))
                .perMessage(true)
                .build();
        ConversationHandler<DefaultContext> perUserAndMessage = ConversationHandler.<DefaultContext>builder()
                .entryPoints(CallbackQueryHandler.returning((u, c) -> Step.NAME))
                .state(Step.NAME, CallbackQueryHandler.returning((u, c) -> Step.AGE))
                .perMessage(true).perChat(false)
                .build();
        app.addHandler(perChat);
        app.addHandler(perUserAndMessage, 1);
        Update inline = ConversationHarness.update("""
                {"update_id":1,"callback_query":{"id":"1","from":{"id":5,"is_bot":false,"first_name":"u"},
                 "chat_instance":"ci","inline_message_id":"AAE-inline","data":"x"}}""");

        assertEquals(CheckResult.noMatch(), perChat.check(inline, app), "per chat: an inline message has no chat");
        app.processUpdate(inline);

        assertEquals(Optional.of(Step.NAME), perUserAndMessage.state(ConversationKey.ofUser(5)
                .withInlineMessageId("AAE-inline")));
        assertEquals("[5, \"AAE-inline\"]", ConversationKey.ofUser(5).withInlineMessageId("AAE-inline").toString());
    }

    @Test
    void handleRefusesAMatchItsCheckDidNotMake() {
        ConversationHandler<DefaultContext> conv = registration();
        alice.sendText(h.bot, "/start");
        Update update = h.single(app);
        DefaultContext[] context = new DefaultContext[1];
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> context[0] = c));
        app.processUpdate(update);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.handle(update, CheckResult.match("forged"), context[0]));
        assertTrue(e.getMessage().contains("the match its own check returned"), e.getMessage());
        assertFalse(conv.state(aliceKey()).isPresent());
    }

    /** Runs {@code action} with System.err captured (slf4j-simple writes there) and returns what was written. */
    static String captureStdErr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
