package dev.telescale.core.filter;

import static dev.telescale.core.filter.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The mutable id filters: chat, user, viaBot, senderChat, forwardedFrom (PTB's {@code _ChatUserBaseFilter}). */
class IdFilterTest {

    private static final String ANN = Updates.USER; // id 7, @ann
    private static final String GROUP = "{'id':-100,'type':'supergroup','title':'G','username':'thegroup'}";
    private static final String CHANNEL = "{'id':-200,'type':'channel','title':'C','username':'news'}";

    private static Update fromAnn() {
        return message("'text':'x'");
    }

    @Test
    void userByIdOrUsername() {
        assertTrue(Filters.user(7).check(fromAnn()).passed());
        assertTrue(Filters.user(1, 7).check(fromAnn()).passed());
        assertFalse(Filters.user(8).check(fromAnn()).passed());
        assertTrue(Filters.userUsernames("ann").check(fromAnn()).passed());
        assertTrue(Filters.userUsernames("@ann").check(fromAnn()).passed(), "@ dropped");
        assertFalse(Filters.userUsernames("Ann").check(fromAnn()).passed(), "exact, as PTB");
        String noUsername = "{'id':9,'is_bot':false,'first_name':'N'}";
        assertFalse(Filters.userUsernames("ann").check(Updates.of("message", Updates.PRIVATE, noUsername, "'text':'x'"))
                .passed());
        assertFalse(Filters.user(7).check(Updates.of("channel_post", CHANNEL, null, "'text':'x'")).passed(),
                "no sender user");
    }

    @Test
    void emptyFiltersFollowAllowEmpty() {
        UserFilter none = Filters.user();
        assertFalse(none.check(fromAnn()).passed());
        none.setAllowEmpty(true);
        assertTrue(none.allowEmpty());
        assertTrue(none.check(fromAnn()).passed());
        assertFalse(none.check(Updates.of("channel_post", CHANNEL, null, "'text':'x'")).passed(),
                "allowEmpty still needs a sender");
        assertTrue(Filters.chat(List.of(), List.of(), true).check(fromAnn()).passed());
        assertFalse(Filters.chat(List.of(), List.of(), false).check(fromAnn()).passed());
    }

    @Test
    void chatViaBotSenderChatAndForwardedFrom() {
        Update inGroup = Updates.of("message", GROUP, ANN, "'text':'x'");
        assertTrue(Filters.chat(-100).check(inGroup).passed());
        assertTrue(Filters.chatUsernames("@thegroup").check(inGroup).passed());
        assertFalse(Filters.chat(7).check(inGroup).passed());

        Update viaBot = message("'text':'x','via_bot':{'id':55,'is_bot':true,'first_name':'B','username':'gif'}");
        assertTrue(Filters.viaBot(55).check(viaBot).passed());
        assertTrue(Filters.viaBotUsernames("gif").check(viaBot).passed());
        assertFalse(Filters.viaBot(55).check(fromAnn()).passed());

        Update asChannel = Updates.of("message", GROUP, null, "'text':'x','sender_chat':" + CHANNEL);
        assertTrue(Filters.senderChat(-200).check(asChannel).passed());
        assertTrue(Filters.senderChatUsernames("news").check(asChannel).passed());
        assertFalse(Filters.senderChat(-100).check(asChannel).passed());
        assertFalse(Filters.senderChat(-200).check(fromAnn()).passed());

        Update fromUser = message("'forward_origin':{'type':'user','date':0,'sender_user':" + ANN + "}");
        Update fromChat = message("'forward_origin':{'type':'chat','date':0,'sender_chat':" + GROUP + "}");
        Update fromChannel = message("'forward_origin':{'type':'channel','date':0,'chat':" + CHANNEL
                + ",'message_id':3}");
        Update hidden = message("'forward_origin':{'type':'hidden_user','date':0,'sender_user_name':'ann'}");
        ForwardedFromFilter byId = Filters.forwardedFrom(7, -100, -200);
        assertTrue(byId.check(fromUser).passed());
        assertTrue(byId.check(fromChat).passed());
        assertTrue(byId.check(fromChannel).passed());
        assertFalse(byId.check(hidden).passed());
        assertFalse(byId.check(fromAnn()).passed(), "not forwarded");
        assertTrue(Filters.forwardedFromUsernames("news").check(fromChannel).passed());
        ForwardedFromFilter anyOrigin = Filters.forwardedFrom(List.of(), List.of(), true);
        assertFalse(anyOrigin.check(hidden).passed(), "hidden users never match, even with allowEmpty");
        assertTrue(anyOrigin.check(fromUser).passed());
    }

    @Test
    void addAndRemoveAtRunTime() {
        UserFilter f = Filters.user();
        f.addUserIds(7, 8);
        assertEquals(Set.of(7L, 8L), f.userIds());
        assertTrue(f.check(fromAnn()).passed());
        f.removeUserIds(7, 99);
        assertEquals(Set.of(8L), f.userIds());
        assertFalse(f.check(fromAnn()).passed());
        f.removeUserIds(8);
        assertFalse(f.check(fromAnn()).passed(), "empty again, allowEmpty false");

        f.addUsernames("@ann", "bob");
        assertEquals(Set.of("ann", "bob"), f.usernames());
        assertTrue(f.check(fromAnn()).passed());
        f.removeUsernames("ann");
        assertFalse(f.check(fromAnn()).passed());
        assertEquals("Filters.userUsernames(\"bob\")", f.toString());

        ChatFilter chats = Filters.chat(-1);
        chats.addChatIds(-2);
        chats.removeChatIds(-1);
        assertEquals(Set.of(-2L), chats.chatIds());
        ViaBotFilter bots = Filters.viaBot();
        bots.addBotIds(5);
        assertEquals(Set.of(5L), bots.botIds());
        bots.removeBotIds(5);
        assertEquals(Set.of(), bots.botIds());
        SenderChatFilter senders = Filters.senderChat();
        senders.addChatIds(3);
        assertEquals(Set.of(3L), senders.chatIds());
        ForwardedFromFilter origins = Filters.forwardedFrom();
        origins.addChatIds(4);
        assertEquals(Set.of(4L), origins.chatIds());
    }

    @Test
    void snapshotsAreImmutableCopies() {
        UserFilter f = Filters.user(1);
        Set<Long> before = f.userIds();
        f.addUserIds(2);
        assertEquals(Set.of(1L), before, "a snapshot does not change");
        assertThrows(UnsupportedOperationException.class, () -> f.userIds().add(3L));
        assertThrows(UnsupportedOperationException.class, () -> f.usernames().add("x"));
    }

    @Test
    void idsAndUsernamesCannotBeMixed() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> Filters.user(List.of(1L), List.of("ann"), false));
        assertTrue(both.getMessage().contains("Filters.user") && both.getMessage().contains("not both"),
                both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Filters.chat(List.of(1L), List.of("g"), true));
        assertThrows(IllegalArgumentException.class, () -> Filters.viaBot(List.of(1L), List.of("b"), true));
        assertThrows(IllegalArgumentException.class, () -> Filters.senderChat(List.of(1L), List.of("c"), true));
        assertThrows(IllegalArgumentException.class, () -> Filters.forwardedFrom(List.of(1L), List.of("c"), true));

        UserFilter byId = Filters.user(1);
        IllegalStateException add = assertThrows(IllegalStateException.class, () -> byId.addUsernames("ann"));
        assertTrue(add.getMessage().contains("user ids [1]"), add.getMessage());
        assertThrows(IllegalStateException.class, () -> byId.removeUsernames("ann"));
        UserFilter byName = Filters.userUsernames("ann");
        assertThrows(IllegalStateException.class, () -> byName.addUserIds(1));
        assertThrows(IllegalStateException.class, () -> byName.removeUserIds(1));
        assertEquals(Set.of("ann"), byName.usernames(), "a refused change changes nothing");
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> Filters.userUsernames(""));
        assertThrows(IllegalArgumentException.class, () -> Filters.userUsernames("@"));
        assertThrows(IllegalArgumentException.class, () -> Filters.user().addUsernames("ok", "@"));
        assertThrows(NullPointerException.class, () -> Filters.userUsernames("a", null));
        assertThrows(NullPointerException.class, () -> Filters.user((long[]) null));
        assertThrows(NullPointerException.class, () -> Filters.user(null, List.of(), false));
        assertThrows(NullPointerException.class, () -> Filters.user(List.of(), null, false));
        List<Long> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> Filters.chat(withNull, List.of(), false));
        assertThrows(NullPointerException.class, () -> Filters.user().addUserIds((long[]) null));
        assertThrows(NullPointerException.class, () -> Filters.user().addUsernames((String[]) null));
    }

    @Test
    void printsAsItsCurrentFactoryCall() {
        assertEquals("Filters.user(1, 2)", Filters.user(2, 1).toString());
        assertEquals("Filters.chatUsernames(\"a\", \"b\")", Filters.chatUsernames("@b", "a").toString());
        assertEquals("Filters.viaBot()", Filters.viaBot().toString());
        assertEquals("Filters.senderChat(-5)", Filters.senderChat(-5).toString());
        assertEquals("Filters.forwardedFromUsernames(\"x\")", Filters.forwardedFromUsernames("x").toString());
    }

    @Test
    void concurrentAddRemoveAndChecksAreSafeAndEndDeterministic() throws Exception {
        UserFilter f = Filters.user();
        int writers = 4;
        int perWriter = 300;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            long base = w * 100_000L;
            threads.add(Thread.ofVirtual().unstarted(() -> run(start, failures, () -> {
                for (long i = 0; i < perWriter; i++) {
                    f.addUserIds(base + i, base + i + 50_000);
                    f.removeUserIds(base + i + 50_000); // every second id is added then removed again
                }
            })));
        }
        for (int r = 0; r < 2; r++) {
            threads.add(Thread.ofVirtual().unstarted(() -> run(start, failures, () -> {
                for (int i = 0; i < perWriter; i++) {
                    f.check(fromAnn());
                    for (long id : f.userIds()) {
                        long offset = id % 100_000;
                        if (offset >= perWriter && (offset < 50_000 || offset >= 50_000 + perWriter)) {
                            throw new AssertionError("an id never added: " + id);
                        }
                    }
                    f.toString();
                }
            })));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), List.copyOf(failures));
        Set<Long> expected = new HashSet<>();
        for (int w = 0; w < writers; w++) {
            long base = w * 100_000L;
            LongStream.range(0, perWriter).forEach(i -> expected.add(base + i));
        }
        assertEquals(expected, f.userIds());
        assertTrue(f.check(fromAnn()).passed(), "7 was added by writer 0 and kept");
    }

    @Test
    void racingIdsAndUsernamesNeverEndUpMixed() throws Exception {
        for (int round = 0; round < 20; round++) {
            ChatFilter f = Filters.chat();
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Thread ids = Thread.ofVirtual().start(() -> run(start, failures, () -> f.addChatIds(1)));
            Thread names = Thread.ofVirtual().start(() -> run(start, failures, () -> f.addUsernames("g")));
            start.countDown();
            ids.join();
            names.join();
            assertEquals(1, failures.size(), "exactly one of the two is refused");
            assertTrue(failures.peek() instanceof IllegalStateException, String.valueOf(failures.peek()));
            assertTrue(f.chatIds().isEmpty() != f.usernames().isEmpty(), "ids or usernames, never both");
        }
    }

    private static void run(CountDownLatch start, ConcurrentLinkedQueue<Throwable> failures, Runnable work) {
        try {
            start.await();
            work.run();
        } catch (Throwable t) {
            failures.add(t);
        }
    }
}
