package dev.telescale.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.telescale.api.methods.GetUpdates;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.CallbackContext;
import dev.telescale.core.ContextTypes;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.persistence.DataCodec;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import dev.telescale.testkit.EmulatedChat;
import dev.telescale.testkit.EmulatedUser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances of one bot on one SQLite file in read-through mode, with a <b>record</b> as user data: each update
 * goes to the other instance, and each instance sees the count the other one wrote — the store's refresh hook
 * returns a new record decoded from the row, which the Application puts in place of its stale one.
 */
class ReadThroughEndToEndTest {

    /** Immutable user data: a handler replaces it. */
    record Visits(int count) {
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DataCodec<Visits, Map<String, Object>, Map<String, Object>> CODEC = DataCodec.of(
            new TypeReference<Visits>() { }, new TypeReference<Map<String, Object>>() { },
            new TypeReference<Map<String, Object>>() { });

    @Test
    void twoInstancesTakingTurnsCountTheVisitsOfOneUserWithRecordData() throws Exception {
        Path db = PostgresServer.buildDir().resolve("read-through-" + UUID.randomUUID() + ".db");
        try (BotApiEmulator emulator = BotApiEmulator.start()) {
            EmulatedBot bot = emulator.createBot("CounterBot");
            EmulatedUser alice = emulator.user("alice");
            EmulatedChat chat = alice.chatWith(bot);
            List<Application<CallbackContext<Visits, Map<String, Object>, Map<String, Object>>>> apps =
                    new ArrayList<>();
            List<JdbcPersistence<Visits, Map<String, Object>, Map<String, Object>>> stores = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    var store = JdbcPersistence.builder().sqliteFile(db).codec(CODEC).readThrough(true).build();
                    stores.add(store);
                    var app = Application.builder().token(bot.token()).apiBaseUrl(emulator.apiBaseUrl()).noUpdater()
                            .shutdownHook(false).contextTypes(ContextTypes.of(() -> new Visits(0),
                                    ConcurrentHashMap<String, Object>::new, ConcurrentHashMap<String, Object>::new), store)
                            .build();
                    String name = "instance " + (i + 1);
                    app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> {
                        Visits next = new Visits(c.userData().count() + 1);
                        c.dataStore().setUserData(c.userId().getAsLong(), next);
                        c.replyText("visit " + next.count() + " (" + name + ")");
                    }));
                    app.initialize();
                    apps.add(app);
                }
                long offset = 0;
                for (int visit = 1; visit <= 6; visit++) {
                    var sent = alice.sendText(chat, "hi");
                    List<Update> updates = apps.getFirst().bot().getUpdates(
                            GetUpdates.builder().offset(offset).timeout(0L).build());
                    assertEquals(1, updates.size());
                    offset = updates.getFirst().updateId() + 1;
                    int instance = (visit - 1) % 2;
                    apps.get(instance).processUpdate(updates.getFirst());
                    String expected = "visit " + visit + " (instance " + (instance + 1) + ")";
                    chat.awaitMessage(sent.path("message_id").asLong(),
                            m -> m.path("text").asText().equals(expected), WAIT);
                }
                assertEquals(Map.of(alice.user().path("id").asLong(), new Visits(6)), stores.getFirst().getUserData(),
                        "written through after each update");
            } finally {
                apps.forEach(Application::shutdown);
                stores.forEach(JdbcPersistence::close);
            }
        }
    }
}
