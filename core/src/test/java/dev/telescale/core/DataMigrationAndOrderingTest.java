package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.errors.ChatMigrated;
import dev.telescale.api.errors.TimedOut;
import dev.telescale.api.types.Update;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Automatic chat data migration, and per-chat order through the whole application with failing handlers. */
class DataMigrationAndOrderingTest {

    private EmulatorHarness h;
    private Application<DefaultContext> app;

    @BeforeEach
    void setUp() {
        h = new EmulatorHarness();
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            if (app.isRunning()) {
                app.stop();
            }
            app.shutdown();
        }
        h.close();
    }

    @Test
    void aChatMigratedErrorMovesTheChatDataWhenOptedIn() {
        app = h.app(b -> b.autoMigrateChatData(true));
        app.initialize();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        app.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            c.chatData().put("score", 10);
            c.replyText("hi");
        }));
        EmulatedUser alice = h.emulator.user("alice");
        EmulatedChat group = h.emulator.group("old group", alice).add(h.bot);
        alice.sendText(group, "x");
        h.emulator.faults().next(1, "sendMessage").migrateToChat(-1009876);

        app.processUpdate(h.single(app));

        assertInstanceOf(ChatMigrated.class, errors.get(0), "error handlers still see the error");
        assertEquals(10, ((Map<?, ?>) app.data().allChatData().get(-1009876L)).get("score"));
        assertTrue(!app.data().allChatData().containsKey(group.id()));
    }

    @Test
    void withoutOptInChatDataStaysWhereItWas() {
        app = h.app(b -> { });
        app.initialize();
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> c.chatData().put("k", "v")));
        Update service = EmulatorHarness.update("{\"update_id\":1,\"message\":{\"message_id\":2,\"date\":0,"
                + "\"chat\":{\"id\":-200,\"type\":\"supergroup\"},\"migrate_from_chat_id\":-5}}");
        app.processUpdate(service);
        assertTrue(app.data().allChatData().containsKey(-200L));
        assertTrue(!app.data().allChatData().containsKey(-5L));
    }

    @Test
    void aMigrationServiceMessageMovesTheDataBeforeHandlersRun() {
        app = h.app(b -> b.autoMigrateChatData(true));
        app.initialize();
        List<Object> seen = new ArrayList<>();
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> c.chatData().put("k", "v")));
        app.addHandler(new MessageHandler<>(Filters.ALL, (u, c) -> seen.add(c.chatData().get("k"))), 1);
        app.processUpdate(EmulatorHarness.update("{\"update_id\":1,\"message\":{\"message_id\":2,\"date\":0,"
                + "\"chat\":{\"id\":-5,\"type\":\"group\"},\"text\":\"before\"}}"));
        app.processUpdate(EmulatorHarness.update("{\"update_id\":2,\"message\":{\"message_id\":3,\"date\":0,"
                + "\"chat\":{\"id\":-200,\"type\":\"supergroup\"},\"migrate_from_chat_id\":-5}}"));

        assertEquals(List.of("v", "v"), seen);
        assertTrue(!app.data().allChatData().containsKey(-5L));
    }

    @Test
    void perChatOrderHoldsThroughTheApplicationWithFailingAndTimingOutHandlers() {
        app = h.app(b -> b.botOptions(o -> o.readTimeout(Duration.ofMillis(300))));
        app.initialize();
        Map<Long, List<String>> seen = new ConcurrentHashMap<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        app.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
        app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
            String text = u.message().orElseThrow().text().orElseThrow();
            seen.computeIfAbsent(c.chatId().getAsLong(), k -> new CopyOnWriteArrayList<>()).add(text);
            if (text.endsWith("-fail")) {
                throw new IllegalStateException("handler failed on " + text);
            }
            if (text.endsWith("-slow")) {
                c.replyText("slow reply"); // the emulator answers late: TimedOut
            }
        }));
        List<EmulatedUser> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(h.emulator.user("u" + i));
        }
        h.emulator.faults().next(3, "sendMessage").delay(Duration.ofSeconds(2));
        app.start();
        for (int round = 0; round < 10; round++) {
            for (EmulatedUser user : users) {
                String suffix = round == 3 ? "-fail" : round == 5 && users.indexOf(user) < 3 ? "-slow" : "";
                user.sendText(h.bot, user.name() + ":" + round + suffix);
            }
        }
        int submitted = 0;
        while (submitted < 200) {
            submitted += h.submitPending(app);
        }
        app.stop();

        for (EmulatedUser user : users) {
            List<String> texts = seen.get(user.id());
            assertEquals(10, texts.size(), texts.toString());
            for (int round = 0; round < 10; round++) {
                assertTrue(texts.get(round).startsWith(user.name() + ":" + round), texts.toString());
            }
        }
        assertEquals(20, errors.stream().filter(e -> e instanceof IllegalStateException).count());
        assertEquals(3, errors.stream().filter(e -> e instanceof TimedOut).count(), errors.toString());
    }
}
