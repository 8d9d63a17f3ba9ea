package dev.telescale.core.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import dev.telescale.core.Application;
import dev.telescale.core.ContextTypes;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.testkit.BotApiEmulator;
import dev.telescale.testkit.EmulatedBot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the single-file store does: its file, refusing foreign files, write-on-change, onFlush, a failing disk. */
class JsonFilePersistenceTest {

    @TempDir
    Path dir;

    private JsonFilePersistence<Map<String, Object>, Map<String, Object>, Map<String, Object>> store(Path file) {
        return JsonFilePersistence.builder(file).build();
    }

    @Test
    void aMissingFileIsAnEmptyStoreAndTheFirstChangeWritesItWithItsHeader() throws Exception {
        Path file = dir.resolve("state.json");
        var p = store(file);
        assertEquals(Map.of(), p.getUserData());
        assertFalse(Files.exists(file), "loading writes nothing");
        p.updateUserData(7, Map.of("name", "ann"));
        var doc = DataCodec.defaultMapper().readTree(file.toFile());
        assertEquals("telescale-persistence", doc.get("format").asText());
        assertEquals(1, doc.get("version").asInt());
        assertEquals("ann", doc.get("userData").get("7").get("name").asText());
        assertEquals(file.toAbsolutePath(), p.file());
    }

    @Test
    void invalidJsonIsRefusedNamingTheFileLineAndColumnAndTheFileIsNeverWritten() throws Exception {
        Path file = dir.resolve("state.json");
        byte[] broken = "{\n  \"format\": \"telescale-persistence\",\n  \"version\": 1,\n  oops\n}"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, broken);
        var p = store(file);
        PersistenceException e = assertThrows(PersistenceException.class, p::getUserData);
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON at line 4, column"), e.getMessage());
        assertTrue(e.getMessage().contains("move it away"), e.getMessage());
        assertThrows(PersistenceException.class, () -> p.updateUserData(1, Map.of("a", 1)));
        assertThrows(PersistenceException.class, () -> p.dropChatData(1));
        p.flush();
        assertArrayEquals(broken, Files.readAllBytes(file), "a refused file is never overwritten");
    }

    @Test
    void foreignAndDamagedDocumentsAreRefusedSayingWhatIsWrong() throws Exception {
        assertRefused("", "it is empty");
        assertRefused("[1, 2]", "the top level is an array");
        assertRefused("{\"users\": {}}", "the format marker is missing");
        assertRefused("{\"format\": \"pickle\", \"version\": 1}", "the format marker is wrong (\"pickle\")");
        assertRefused("{\"format\": \"telescale-persistence\"}", "\"version\" must be a positive integer");
        assertRefused("{\"format\": \"telescale-persistence\", \"version\": 2}", "format version 2 was written by a "
                + "newer Telescale");
        assertRefused("{\"format\": \"telescale-persistence\", \"version\": 1, \"extra\": 1}", "unknown part \"extra\"");
        assertRefused("{\"format\": \"telescale-persistence\", \"version\": 1, \"userData\": {\"abc\": {}}}",
                "\"userData\" has the key \"abc\", which is not an id");
        assertRefused("{\"format\": \"telescale-persistence\", \"version\": 1, \"chatData\": []}",
                "\"chatData\" must be an object of ids");
        assertRefused("{\"format\": \"telescale-persistence\", \"version\": 1, \"conversations\": {\"c\": "
                + "[{\"key\": {\"chatId\": 1, \"x\": 2}, \"state\": 1}]}}", "conversations[\"c\"][0]: The stored "
                + "conversation key");
        assertRefused("{\"format\": \"telescale-persistence\", \"version\": 1, \"version\": 1}", "Duplicate field");
        assertRefused("{\"format\": \"telescale-persistence\", \"version\": 1} trailing", "not valid JSON");
    }

    private void assertRefused(String content, String expected) throws Exception {
        Path file = Files.createTempFile(dir, "foreign", ".json");
        Files.writeString(file, content);
        var p = store(file);
        PersistenceException e = assertThrows(PersistenceException.class, p::getChatData, content);
        assertTrue(e.getMessage().startsWith("Refusing to use " + file), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertThrows(PersistenceException.class, () -> p.updateBotData(Map.of()));
        assertEquals(content, Files.readString(file));
    }

    @Test
    void dataThatDoesNotFitTheTypesNamesTheFileTheIdAndTheField() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"format\": \"telescale-persistence\", \"version\": 1, \"userData\": "
                + "{\"5\": {\"name\": \"x\", \"age\": \"old\"}}}");
        var p = JsonFilePersistence.builder(file, PersistenceContract.CODEC).build();
        DataCodecException e = assertThrows(DataCodecException.class, p::getUserData);
        assertTrue(e.getMessage().contains("the user data of user 5"), e.getMessage());
        assertTrue(e.getMessage().contains("[\"age\"]"), e.getMessage());
        assertTrue(e.getMessage().contains("in file " + file), e.getMessage());
    }

    @Test
    void aMissingDirectoryIsRefusedInsteadOfCreated() {
        Path file = dir.resolve("not-mounted").resolve("state.json");
        var p = store(file);
        PersistenceException e = assertThrows(PersistenceException.class, () -> p.updateUserData(1, Map.of()));
        assertTrue(e.getMessage().contains("its directory " + file.getParent() + " does not exist"), e.getMessage());
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void aCorruptFileFailsInitializeAndMovingItAwayRecovers() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"format\": \"telescale-persistence\", \"version\": 1,");
        try (BotApiEmulator emulator = BotApiEmulator.start()) {
            EmulatedBot bot = emulator.createBot("FileBot");
            Application<DefaultContext> app = Application.builder().token(bot.token())
                    .apiBaseUrl(emulator.apiBaseUrl()).noUpdater().shutdownHook(false)
                    .contextTypes(ContextTypes.defaults(), store(file)).build();
            PersistenceException e = assertThrows(PersistenceException.class, app::initialize);
            assertTrue(e.getMessage().contains("Refusing to use " + file), e.getMessage());
            app.shutdown();
            assertEquals("{\"format\": \"telescale-persistence\", \"version\": 1,", Files.readString(file));

            Files.move(file, dir.resolve("state.json.broken"));
            Application<DefaultContext> again = Application.builder().token(bot.token())
                    .apiBaseUrl(emulator.apiBaseUrl()).noUpdater().shutdownHook(false)
                    .contextTypes(ContextTypes.defaults(), store(file)).build();
            again.initialize();
            again.shutdown();
            assertTrue(Files.exists(file), "the final run wrote a new file");
        }
    }

    @Test
    void onlyChangedContentIsWritten() throws Exception {
        Path file = dir.resolve("state.json");
        var p = store(file);
        p.updateUserData(1, Map.of("a", 1));
        Files.delete(file); // a write would bring it back
        p.updateUserData(1, Map.of("a", 1));
        p.dropUserData(404);
        p.updateConversation("c", ConversationKey.ofChat(1), java.util.Optional.empty());
        assertFalse(Files.exists(file), "nothing changed, nothing written");
        p.updateUserData(2, Map.of("b", 2));
        assertEquals(Map.of(1L, Map.of("a", 1), 2L, Map.of("b", 2)), store(file).getUserData());
    }

    @Test
    void onFlushWritesOnlyAtFlush() throws Exception {
        Path file = dir.resolve("state.json");
        var p = JsonFilePersistence.builder(file).onFlush(true).build();
        p.updateUserData(1, Map.of("a", 1));
        p.updateBotData(Map.of("b", 2));
        assertFalse(Files.exists(file));
        p.flush();
        var q = store(file);
        assertEquals(Map.of(1L, Map.of("a", 1)), q.getUserData());
        assertEquals(Map.of("b", 2), q.getBotData().orElseThrow());
    }

    @Test
    void staleTemporaryFilesOfACrashAreDeletedOnLoad() throws Exception {
        Path file = dir.resolve("state.json");
        store(file).updateUserData(1, Map.of());
        Path stale = dir.resolve(".state.json.123456.tmp");
        Files.writeString(stale, "{\"format\": \"telescale-persi");
        Path other = dir.resolve(".other.json.1.tmp");
        Files.writeString(other, "not ours");
        assertEquals(Map.of(1L, Map.of()), store(file).getUserData());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(other), "only this store's temporary files");
    }

    @Test
    void anUnwritableDirectoryReachesTheErrorHandlersAndTheNextRunWrites() throws Exception {
        Path storeDir = Files.createDirectory(dir.resolve("store"));
        Path file = storeDir.resolve("state.json");
        try (BotApiEmulator emulator = BotApiEmulator.start()) {
            EmulatedBot bot = emulator.createBot("FileBot");
            Application<DefaultContext> app = Application.builder().token(bot.token())
                    .apiBaseUrl(emulator.apiBaseUrl()).noUpdater().shutdownHook(false)
                    .contextTypes(ContextTypes.defaults(), store(file)).build();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            app.addErrorHandler((u, c) -> errors.add(c.error().orElseThrow()));
            app.addHandler(new MessageHandler<>(Filters.TEXT, (u, c) -> c.userData().put("seen", true)));
            app.initialize();
            app.processUpdate(text(3, 4));

            Path away = dir.resolve("store-away");
            makeUnwritable(storeDir, away);
            app.updatePersistence();
            assertFalse(errors.isEmpty(), "the failed write reached the error handlers");
            Throwable e = errors.get(0);
            assertInstanceOf(PersistenceException.class, e);
            assertTrue(e.getMessage().contains("Cannot write " + file), e.getMessage());

            restore(storeDir, away);
            errors.clear();
            app.updatePersistence();
            assertEquals(List.of(), errors);
            assertEquals(Map.of(4L, Map.of("seen", true)), store(file).getUserData(), "the next run wrote it");
            app.shutdown();
        }
    }

    /**
     * Makes the directory read-only; as root (permissions do not bind) it is also swapped for a plain file, so that
     * creating the temporary file fails either way.
     */
    private static void makeUnwritable(Path storeDir, Path away) throws Exception {
        Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (canCreateIn(storeDir)) {
            Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(storeDir, away);
            Files.writeString(storeDir, "a file where the directory was");
        }
    }

    private static void restore(Path storeDir, Path away) throws Exception {
        if (Files.isRegularFile(storeDir)) {
            Files.delete(storeDir);
            Files.move(away, storeDir);
        }
        Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean canCreateIn(Path directory) {
        try {
            Files.delete(Files.createTempFile(directory, "probe", ".tmp"));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Update text(long chatId, long userId) {
        return TelegramJson.parse("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":0,\"chat\":{\"id\":"
                + chatId + ",\"type\":\"private\"},\"from\":{\"id\":" + userId + ",\"is_bot\":false,"
                + "\"first_name\":\"u\"},\"text\":\"hi\"}}", Update.class);
    }
}
