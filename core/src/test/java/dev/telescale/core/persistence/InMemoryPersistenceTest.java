package dev.telescale.core.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.telescale.bot.callbackdata.CallbackDataSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the in-memory store does: export and import of JSON, and the errors of a bad import. */
class InMemoryPersistenceTest {

    @Test
    void exportAndImportRoundTripToTheSameText() {
        var p = InMemoryPersistence.create();
        p.updateUserData(2, Map.of("b", 2));
        p.updateUserData(1, Map.of("a", List.of(1, "x")));
        p.updateChatData(-100, Map.of("c", true));
        p.updateBotData(Map.of("total", 3));
        p.updateCallbackData(CallbackDataSnapshot.empty());
        p.updateConversation("conv", ConversationKey.of(-100, 1), Optional.of("ASK"));
        String json = p.exportJson();
        assertTrue(json.startsWith("{\"format\":\"telescale-persistence\",\"version\":1,\"userData\":{\"1\":"), json);

        var q = InMemoryPersistence.fromJson(json, DataCodec.maps());
        assertEquals(json, q.exportJson());
        assertEquals(Map.of(1L, Map.of("a", List.of(1, "x")), 2L, Map.of("b", 2)), q.getUserData());
        assertEquals(Map.of(ConversationKey.of(-100, 1), "ASK"), q.getConversations("conv"));
    }

    @Test
    void theExportIsAFileTheJsonFileStoreReads(@TempDir Path dir) throws Exception {
        var p = InMemoryPersistence.builder(PersistenceContract.CODEC).build();
        p.updateUserData(1, new PersistenceContract.Profile("ann", 1, List.of(), 2));
        Path file = dir.resolve("moved.json");
        Files.writeString(file, p.exportJson());
        var f = JsonFilePersistence.builder(file, PersistenceContract.CODEC).build();
        assertEquals(p.getUserData(), f.getUserData());
    }

    @Test
    void invalidJsonIsRefusedWithLineAndColumn() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> InMemoryPersistence.fromJson("{\n\"format\": nope}", DataCodec.maps()));
        assertTrue(e.getMessage().startsWith("Cannot import the in-memory store: not valid JSON at line 2, column"),
                e.getMessage());
        assertThrows(PersistenceException.class, () -> InMemoryPersistence.fromJson("", DataCodec.maps()));
    }

    @Test
    void aWrongPartIsNamed() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> InMemoryPersistence.fromJson(
                "{\"format\":\"telescale-persistence\",\"version\":1,\"userData\":{\"-x\":{}}}", DataCodec.maps()));
        assertTrue(e.getMessage().contains("\"userData\" has the key \"-x\""), e.getMessage());
        PersistenceException state = assertThrows(PersistenceException.class, () -> InMemoryPersistence.fromJson(
                "{\"format\":\"telescale-persistence\",\"version\":1,\"conversations\":{\"c\":[{\"key\":"
                        + "{\"chatId\":1},\"state\":[1]}]}}", DataCodec.maps()));
        assertTrue(state.getMessage().contains("conversations[\"c\"][0]: A stored conversation state must be"),
                state.getMessage());
    }

    @Test
    void dataNotFittingTheTypesIsRefusedAtBuildNamingTheIdAndField() {
        DataCodecException e = assertThrows(DataCodecException.class, () -> InMemoryPersistence.fromJson(
                "{\"format\":\"telescale-persistence\",\"version\":1,\"chatData\":{\"9\":{\"counters\":"
                        + "{\"visits\":\"many\"}}}}", PersistenceContract.CODEC));
        assertTrue(e.getMessage().contains("the chat data of chat 9"), e.getMessage());
        assertTrue(e.getMessage().contains("[\"counters\"]"), e.getMessage());
        assertTrue(e.getMessage().contains("in the in-memory store"), e.getMessage());
    }

    @Test
    void badOptionsFail() {
        assertThrows(IllegalArgumentException.class, () -> InMemoryPersistence.builder(DataCodec.maps())
                .updateInterval(java.time.Duration.ZERO).build());
        assertThrows(NullPointerException.class, () -> InMemoryPersistence.builder(null));
        assertThrows(NullPointerException.class, () -> JsonFilePersistence.builder(null));
    }
}
