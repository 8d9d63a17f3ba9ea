package dev.telescale.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import dev.telescale.testkit.RecordedCall;
import org.junit.jupiter.api.Test;

class ChatMemberBotTest {

    @Test
    void tracksTheChatsTheBotIsIn() throws Exception {
        try (var run = RunningExample.start("MemberBot", ChatMemberBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedUser bob = run.emulator.user("bob");
            assertEquals("@MemberBot is currently in a conversation with the user IDs . Moreover it is a member of the "
                    + "groups with IDs  and administrator in the channels with IDs .", run.answerTo(alice, "/show_chats"));

            EmulatedChat group = run.emulator.group("Club", alice);
            EmulatedChat other = run.emulator.supergroup("Hall", alice);
            EmulatedChat channel = run.emulator.channel("News", "news");
            alice.addBot(group, run.bot);
            alice.addBot(other, run.bot);
            alice.addBot(channel, run.bot);
            alice.promoteBot(group, run.bot);             // still a member: nothing changes
            alice.blockBot(run.bot);
            alice.unblockBot(run.bot);                    // "started the bot"
            bob.chatWith(run.bot);
            bob.blockBot(run.bot);                        // never counted
            alice.removeBot(other, run.bot);

            // alice's updates are handled in order, so /show_chats sees all of hers.
            assertEquals("@MemberBot is currently in a conversation with the user IDs " + alice.id() + ". Moreover it is "
                    + "a member of the groups with IDs " + group.id() + " and administrator in the channels with IDs "
                    + channel.id() + ".", run.answerTo(alice, "/show_chats"));
        }
    }

    @Test
    void greetsMembersWhoComeAndGo() throws Exception {
        try (var run = RunningExample.start("MemberBot", ChatMemberBot::build)) {
            EmulatedUser alice = run.emulator.user("alice");
            EmulatedUser bob = run.emulator.user("bob");
            EmulatedUser carol = run.emulator.user("carol");
            // Telegram applies allowed_updates to updates made after the poll that asked: one round trip first.
            run.answerTo(alice, "/show_chats");
            run.next("sendMessage");
            EmulatedChat group = run.emulator.group("Club", alice);
            alice.addBot(group, run.bot);
            bob.join(group);                               // the bot is no administrator yet: it is not told
            alice.promoteBot(group, run.bot);

            carol.join(group);
            assertGreeting(run, group, mention(carol) + " was added by " + mention(carol) + ". Welcome!");
            alice.addMember(group, run.emulator.user("dave"));
            assertGreeting(run, group, mention(run.emulator.user("dave")) + " was added by " + mention(alice)
                    + ". Welcome!");
            bob.leave(group);
            assertGreeting(run, group, mention(bob) + " is no longer with us. Thanks a lot, " + mention(bob) + " ...");
            alice.ban(group, carol);
            assertGreeting(run, group, mention(carol) + " is no longer with us. Thanks a lot, " + mention(alice)
                    + " ...");
            // Await the list's call, not its message: a greeting's message can show after the probe was sent.
            alice.sendText(group, "/show_chats");
            assertEquals(Long.toString(group.id()), run.next("sendMessage").chatId());
            assertEquals(6, run.emulator.calls("sendMessage").size(), "four greetings and two lists, nothing else");
        }
    }

    private static void assertGreeting(RunningExample run, EmulatedChat group, String text) {
        RecordedCall greeting = run.next("sendMessage");
        assertEquals(Long.toString(group.id()), greeting.chatId());
        assertEquals(text, greeting.text());
        assertEquals("HTML", greeting.string("parse_mode"));
    }

    private static String mention(EmulatedUser user) {
        return "<a href=\"tg://user?id=" + user.id() + "\">" + user.name() + "</a>";
    }
}
