package dev.telescale.examples;

import static dev.telescale.examples.RunningExample.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.ErrorHandler;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NestedConversationBotTest {

    // The original's callback data: str(chr(n)) of its constants, and str(ConversationHandler.END).
    private static final String ADDING_MEMBER = "\u0001";
    private static final String ADDING_SELF = "\u0002";
    private static final String SHOWING = "\t";
    private static final String END = "-1";
    private static final String PARENTS = "\n";
    private static final String CHILDREN = "\u000b";
    private static final String MALE = "\u000e";
    private static final String FEMALE = "\u000f";
    private static final String AGE = "\u0010";
    private static final String NAME = "\u0011";

    private static final String HELLO = "Hi, I'm Family Bot and I'm here to help you gather information about your "
            + "family.";
    private static final String MENU = "You may choose to add a family member, yourself, show the gathered data, or "
            + "end the conversation. To abort, simply type /stop.";
    private static final List<List<String>> MENU_KEYS = List.of(
            List.of("Add family member=" + ADDING_MEMBER, "Add yourself=" + ADDING_SELF),
            List.of("Show data=" + SHOWING, "Done=" + END));
    private static final String LEVELS = "You may add a parent or a child. Also you can show the gathered data or go "
            + "back.";
    private static final List<List<String>> LEVEL_KEYS = List.of(
            List.of("Add parent=" + PARENTS, "Add child=" + CHILDREN),
            List.of("Show data=" + SHOWING, "Back=" + END));
    private static final String FEATURE = "Please select a feature to update.";
    private static final String GOT_IT = "Got it! Please select a feature to update.";
    private static final List<List<String>> FEATURE_KEYS =
            List.of(List.of("Name=" + NAME, "Age=" + AGE, "Done=" + END));
    private static final List<List<String>> BACK = List.of(List.of("Back=" + END));
    private static final String NOTHING = "\nNo information yet.";

    @Test
    void describesYourselfAndShowsIt() throws Exception {
        try (var run = RunningExample.start("FamilyBot", NestedConversationBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            ObjectNode menu = start(run, alice);

            run.pressEdits(alice, menu, SHOWING, "Yourself:" + NOTHING + "\n\nParents:" + NOTHING + "\n\nChildren:"
                    + NOTHING, BACK);
            run.pressEdits(alice, menu, END, MENU, MENU_KEYS);

            run.pressEdits(alice, menu, ADDING_SELF, "Okay, please tell me about yourself.",
                    List.of(List.of("Add info=" + MALE)));
            run.pressEdits(alice, menu, MALE, FEATURE, FEATURE_KEYS);
            run.pressEdits(alice, menu, NAME, "Okay, tell me.", null);
            ObjectNode features = typed(run, alice, "Alice");
            run.pressEdits(alice, features, AGE, "Okay, tell me.", null);
            features = typed(run, alice, "33");
            run.pressEdits(alice, features, END, MENU, MENU_KEYS);

            run.pressEdits(alice, features, SHOWING, "Yourself:\nName: Alice, Age: 33\n\nParents:" + NOTHING
                    + "\n\nChildren:" + NOTHING, BACK);
            run.pressEdits(alice, features, END, MENU, MENU_KEYS);
            run.pressEdits(alice, features, END, "See you around!", null);
            assertConversationEnded(run, alice);
        }
    }

    @Test
    void addsParentsAndChildrenThroughTheSecondLevel() throws Exception {
        try (var run = RunningExample.start("FamilyBot", NestedConversationBot::build)) {
            EmulatedUser bob = run.emulator.user("bob");
            ObjectNode menu = start(run, bob);

            run.pressEdits(bob, menu, ADDING_MEMBER, LEVELS, LEVEL_KEYS);
            run.pressEdits(bob, menu, PARENTS, "Please choose, whom to add.", List.of(
                    List.of("Add Father=" + MALE, "Add Mother=" + FEMALE),
                    List.of("Show data=" + SHOWING, "Back=" + END)));
            run.pressEdits(bob, menu, FEMALE, FEATURE, FEATURE_KEYS);
            run.pressEdits(bob, menu, NAME, "Okay, tell me.", null);
            ObjectNode features = typed(run, bob, "Eve");
            run.pressEdits(bob, features, END, LEVELS, LEVEL_KEYS);

            run.pressEdits(bob, features, CHILDREN, "Please choose, whom to add.", List.of(
                    List.of("Add Brother=" + MALE, "Add Sister=" + FEMALE),
                    List.of("Show data=" + SHOWING, "Back=" + END)));
            run.pressEdits(bob, features, MALE, FEATURE, FEATURE_KEYS);
            run.pressEdits(bob, features, END, LEVELS, LEVEL_KEYS);
            run.pressEdits(bob, features, PARENTS, "Please choose, whom to add.", List.of(
                    List.of("Add Father=" + MALE, "Add Mother=" + FEMALE),
                    List.of("Show data=" + SHOWING, "Back=" + END)));
            run.pressEdits(bob, features, MALE, FEATURE, FEATURE_KEYS);
            run.pressEdits(bob, features, AGE, "Okay, tell me.", null);
            features = typed(run, bob, "70");
            run.pressEdits(bob, features, END, LEVELS, LEVEL_KEYS);

            // "Show data" on the second level returns to the top level's SHOWING.
            run.pressEdits(bob, features, SHOWING, "Yourself:" + NOTHING + "\n\nParents:\nMother: Name: Eve, Age: -"
                    + "\nFather: Name: -, Age: 70\n\nChildren:\nBrother: Name: -, Age: -", BACK);
            run.pressEdits(bob, features, END, MENU, MENU_KEYS);
            // Back from the level menu and from the gender menu returns to the main menu.
            run.pressEdits(bob, features, ADDING_MEMBER, LEVELS, LEVEL_KEYS);
            run.pressEdits(bob, features, END, MENU, MENU_KEYS);
            run.pressEdits(bob, features, ADDING_MEMBER, LEVELS, LEVEL_KEYS);
            run.pressEdits(bob, features, CHILDREN, "Please choose, whom to add.", List.of(
                    List.of("Add Brother=" + MALE, "Add Sister=" + FEMALE),
                    List.of("Show data=" + SHOWING, "Back=" + END)));
            run.pressEdits(bob, features, END, MENU, MENU_KEYS);
            run.pressEdits(bob, features, END, "See you around!", null);
            assertConversationEnded(run, bob);
        }
    }

    @Test
    void showDataFromTheGenderMenuAndUsersApart() throws Exception {
        try (var run = RunningExample.start("FamilyBot", NestedConversationBot::build)) {
            EmulatedUser gina = run.emulator.user("gina");
            EmulatedUser hank = run.emulator.user("hank");
            ObjectNode ginas = start(run, gina);
            run.pressEdits(gina, ginas, ADDING_MEMBER, LEVELS, LEVEL_KEYS);
            run.pressEdits(gina, ginas, PARENTS, "Please choose, whom to add.", List.of(
                    List.of("Add Father=" + MALE, "Add Mother=" + FEMALE),
                    List.of("Show data=" + SHOWING, "Back=" + END)));
            ObjectNode hanks = start(run, hank);
            run.pressEdits(hank, hanks, ADDING_SELF, "Okay, please tell me about yourself.",
                    List.of(List.of("Add info=" + MALE)));
            run.pressEdits(hank, hanks, MALE, FEATURE, FEATURE_KEYS);
            run.pressEdits(hank, hanks, END, MENU, MENU_KEYS);
            // The gender menu's "Show data" is the second level's fallback, mapped to the top level's SHOWING.
            run.pressEdits(gina, ginas, SHOWING, "Yourself:" + NOTHING + "\n\nParents:" + NOTHING + "\n\nChildren:"
                    + NOTHING, BACK);
            run.pressEdits(hank, hanks, SHOWING, "Yourself:\nName: -, Age: -\n\nParents:" + NOTHING + "\n\nChildren:"
                    + NOTHING, BACK);
            run.pressEdits(gina, ginas, END, MENU, MENU_KEYS);
        }
    }

    @Test
    void stopEndsEverythingFromTheDeepestLevel() throws Exception {
        try (var run = RunningExample.start("FamilyBot", NestedConversationBot::build)) {
            EmulatedUser carol = run.emulator.user("carol");
            ObjectNode menu = start(run, carol);
            run.pressEdits(carol, menu, ADDING_MEMBER, LEVELS, LEVEL_KEYS);
            run.pressEdits(carol, menu, CHILDREN, "Please choose, whom to add.", List.of(
                    List.of("Add Brother=" + MALE, "Add Sister=" + FEMALE),
                    List.of("Show data=" + SHOWING, "Back=" + END)));
            run.pressEdits(carol, menu, FEMALE, FEATURE, FEATURE_KEYS);
            run.pressEdits(carol, menu, NAME, "Okay, tell me.", null);
            // TYPING takes no commands: /stop is the third level's fallback, mapped to END at the top.
            assertEquals("Okay, bye.", run.answerTo(carol, "/stop"));
            assertConversationEnded(run, carol);
        }
    }

    @Test
    void stopWhileDescribingYourselfWaitsForStart() throws Exception {
        try (var run = RunningExample.start("FamilyBot", NestedConversationBot::build)) {
            EmulatedUser dave = run.emulator.user("dave");
            EmulatedChat chat = dave.chatWith(run.bot);
            ObjectNode menu = start(run, dave);
            run.pressEdits(dave, menu, ADDING_SELF, "Okay, please tell me about yourself.",
                    List.of(List.of("Add info=" + MALE)));
            run.pressEdits(dave, menu, MALE, FEATURE, FEATURE_KEYS);
            assertEquals("Okay, bye.", run.answerTo(dave, "/stop"));
            run.next("sendMessage");
            // STOPPING: the old buttons do nothing, /start shows the menu again.
            dave.pressButton(menu, NAME);
            ObjectNode again = start(run, dave);
            assertEquals(FEATURE, chat.message(menu.path("message_id").asLong()).orElseThrow().path("text").asText(),
                    "the old menu was not edited again");
            run.pressEdits(dave, again, END, "See you around!", null);
        }
    }

    @Test
    void stopAtTheTopLevelAndIgnoredInput() throws Exception {
        try (var run = RunningExample.start("FamilyBot", NestedConversationBot::build)) {
            EmulatedUser erin = run.emulator.user("erin");
            EmulatedChat chat = erin.chatWith(run.bot);
            // Before /start nothing is heard; during the conversation /start and texts are ignored.
            assertConversationEnded(run, erin);
            run.next("sendMessage");
            run.next("sendMessage");
            ObjectNode ignored = erin.sendText(run.bot, "/start");
            erin.sendText(run.bot, "hello");
            ObjectNode stop = erin.sendText(run.bot, "/stop");
            assertEquals("Okay, bye.", RunningExample.assertSilentBefore(chat, ignored, stop).path("text").asText());
            run.next("sendMessage");
            assertConversationEnded(run, erin);
        }
    }

    @Test
    void stopAfterShowingDataLeavesStartFailingAsInTheOriginal() throws Exception {
        try (var run = RunningExample.start("FamilyBot", NestedConversationBot::build)) {
            BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
            ErrorHandler<Object> collect = (update, context) ->
                    errors.add(((CallbackContext<?, ?, ?>) context).error().orElseThrow());
            run.app().addErrorHandler(collect);
            EmulatedUser frank = run.emulator.user("frank");
            EmulatedChat chat = frank.chatWith(run.bot);
            ObjectNode menu = start(run, frank);
            run.pressEdits(frank, menu, SHOWING, "Yourself:" + NOTHING + "\n\nParents:" + NOTHING + "\n\nChildren:"
                    + NOTHING, BACK);
            assertEquals("Okay, bye.", run.answerTo(frank, "/stop"));
            int written = chat.botMessages().size();
            // "Starting over" is still set: start() answers a callback query the /start message does not have.
            frank.sendText(run.bot, "/start");
            Throwable error = errors.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(error, "the /start failed");
            assertInstanceOf(IllegalStateException.class, error);
            assertEquals(written, chat.botMessages().size(), "and nothing was said");
        }
    }

    /** Sends /start: the greeting, then the main menu; returns the menu. */
    private static ObjectNode start(RunningExample run, EmulatedUser user) {
        ObjectNode command = user.sendText(run.bot, "/start");
        EmulatedChat chat = user.chatWith(run.bot);
        ObjectNode hello = chat.awaitBotMessageAfter(command, WAIT);
        assertEquals(HELLO, hello.path("text").asText());
        ObjectNode menu = chat.awaitBotMessageAfter(hello, WAIT);
        RecordedCall first = run.next("sendMessage");
        assertEquals(HELLO, first.text());
        assertNull(first.param("reply_markup"));
        RecordedCall second = run.next("sendMessage");
        assertEquals(MENU, second.text());
        assertNull(second.param("parse_mode"));
        assertEquals(MENU_KEYS, RunningExample.inlineKeyboard(second));
        return menu;
    }

    /** Types a feature's value: a new message asks for the next feature; returns it. */
    private static ObjectNode typed(RunningExample run, EmulatedUser user, String value) {
        ObjectNode reply = run.say(user, value);
        assertEquals(GOT_IT, reply.path("text").asText());
        RecordedCall sent = run.next("sendMessage");
        assertEquals(GOT_IT, sent.text());
        assertEquals(FEATURE_KEYS, RunningExample.inlineKeyboard(sent));
        return reply;
    }

    /** No conversation: /stop is not heard, and /start greets again (with exactly its two messages). */
    private static void assertConversationEnded(RunningExample run, EmulatedUser user) {
        EmulatedChat chat = user.chatWith(run.bot);
        ObjectNode silent = user.sendText(run.bot, "/stop");
        ObjectNode probe = user.sendText(run.bot, "/start");
        ObjectNode hello = chat.awaitBotMessageAfter(probe, WAIT);
        assertEquals(HELLO, hello.path("text").asText());
        assertEquals(MENU, chat.awaitBotMessageAfter(hello, WAIT).path("text").asText());
        assertEquals(2, chat.botMessages().stream()
                .filter(m -> m.path("message_id").asLong() > silent.path("message_id").asLong()).count(),
                "only /start was answered: " + chat.botMessages());
    }
}
