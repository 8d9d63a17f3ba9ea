package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextTypesBotTest {

    private static final List<List<String>> CLICK_ME = List.of(List.of("Click me!=button"));

    @Test
    void countsClicksPerMessage() throws Exception {
        try (var run = RunningExample.start("ContextBot", ContextTypesBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedChat chat = alice.chatWith(run.bot);

            ObjectNode first = run.say(alice, "/start");
            RecordedCall sent = run.next("sendMessage");
            assertEquals("This button was clicked <i>0</i> times.", sent.text());
            assertEquals("HTML", sent.string("parse_mode"));
            assertEquals(CLICK_ME, RunningExample.inlineKeyboard(sent));

            assertClicked(run, alice, first, 1);
            assertClicked(run, alice, first, 2);

            ObjectNode second = run.say(alice, "/start");
            assertEquals("This button was clicked <i>0</i> times.", run.next("sendMessage").text());
            assertClicked(run, alice, second, 1);
            assertClicked(run, alice, first, 3);
            assertEquals(2, chat.botMessages().size(), "clicks edit, they send nothing");
        }
    }

    @Test
    void tracksEveryUserAndPrintsThem() throws Exception {
        try (var run = RunningExample.start("ContextBot", ContextTypesBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedUser bob = run.emulator.user("bob");
            EmulatedUser carol = run.emulator.user("carol");
            assertEquals("The following user IDs have used this bot: " + alice.id(),
                    run.answerTo(alice, "/print_users"));
            run.say(bob, "/start");
            assertEquals("The following user IDs have used this bot: " + alice.id() + ", " + bob.id(),
                    run.answerTo(bob, "/print_users"));

            // A text is answered by no handler, but group -1 still records its user.
            EmulatedChat carols = carol.chatWith(run.bot);
            ObjectNode silent = carol.sendText(run.bot, "hi");
            ObjectNode probe = carol.sendText(run.bot, "/print_users");
            assertEquals("The following user IDs have used this bot: " + alice.id() + ", " + bob.id() + ", "
                    + carol.id(), RunningExample.assertSilentBefore(carols, silent, probe).path("text").asText());
        }
    }

    private static void assertClicked(RunningExample run, EmulatedUser user, ObjectNode message, int times)
            throws InterruptedException {
        user.pressButton(message, "button");
        run.next("answerCallbackQuery");
        RecordedCall edit = run.next("editMessageText");
        assertEquals(message.path("message_id").asLong(), edit.param("message_id").asLong());
        assertEquals("This button was clicked <i>" + times + "</i> times.", edit.text());
        assertEquals("HTML", edit.string("parse_mode"));
        assertEquals(CLICK_ME, RunningExample.inlineKeyboard(edit));
        RunningExample.awaitVersion(user.chatWith(run.bot), message.path("message_id").asLong(),
                m -> RunningExample.withoutTags(m).equals("This button was clicked " + times + " times."));
    }
}
