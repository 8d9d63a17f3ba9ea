package dev.telescale.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Creation on first access, drop, migrate and marks (reference §2.9). */
class DataStoreTest {

    private final DataStore<List<String>, List<String>, List<String>> store =
            new DataStore<>(ArrayList::new, ArrayList::new, ArrayList::new);

    private static Message message(String fields) {
        return TelegramJson.parse("{\"message_id\":1,\"date\":0,\"chat\":{\"id\":-100,\"type\":\"supergroup\"}"
                + fields + "}", Message.class);
    }

    @Test
    void dataIsCreatedOnFirstAccessAndKept() {
        assertTrue(store.allChatData().isEmpty());
        List<String> chat = store.chatData(1);
        chat.add("x");
        assertSame(chat, store.chatData(1));
        assertEquals(Set.of(1L), store.allChatData().keySet());
        assertThrows(UnsupportedOperationException.class, () -> store.allChatData().clear());
        store.userData(7).add("u");
        assertEquals(List.of("u"), store.allUserData().get(7L));
    }

    @Test
    void dropRemovesEvenNonEmptyDataAndIsRemembered() {
        store.chatData(1).add("x");
        store.userData(2).add("y");
        store.dropChatData(1);
        store.dropUserData(2);
        assertTrue(store.allChatData().isEmpty());
        assertTrue(store.allUserData().isEmpty());
        DataMarks marks = store.drainMarks();
        assertEquals(Set.of(1L), marks.droppedChats());
        assertEquals(Set.of(2L), marks.droppedUsers());
        assertTrue(store.pendingMarks().isEmpty());
    }

    @Test
    void migrateByIdsMovesTheDataObject() {
        List<String> data = store.chatData(-1);
        data.add("kept");
        store.chatData(-100).add("overwritten");
        store.migrateChatData(-1, -100);
        assertSame(data, store.chatData(-100));
        assertFalse(store.allChatData().containsKey(-1L));
        DataMarks marks = store.pendingMarks();
        assertTrue(marks.droppedChats().contains(-1L));
        assertTrue(marks.updatedChats().contains(-100L));
    }

    @Test
    void migrateByServiceMessageUsesTheMigrateFields() {
        store.chatData(-5).add("group data");
        store.migrateChatData(message(",\"migrate_from_chat_id\":-5"));
        assertEquals(List.of("group data"), store.chatData(-100));
        // Telegram's second service message (in the old group) must not wipe the moved data.
        store.migrateChatData(-5, -100);
        assertEquals(List.of("group data"), store.chatData(-100));
    }

    @Test
    void migrateWithoutMigrateFieldsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.migrateChatData(message(",\"text\":\"hi\"")));
        assertTrue(e.getMessage().contains("not a chat migration message"), e.getMessage());
        assertThrows(NullPointerException.class, () -> store.migrateChatData(null));
    }

    @Test
    void marksForPersistence() {
        store.markForUpdate(List.of(1L, 2L), List.of(3L));
        DataMarks marks = store.drainMarks();
        assertEquals(Set.of(1L, 2L), marks.updatedChats());
        assertEquals(Set.of(3L), marks.updatedUsers());
        assertTrue(store.drainMarks().isEmpty());
        assertThrows(NullPointerException.class, () -> store.markForUpdate(java.util.Arrays.asList(1L, null),
                List.of()));
    }

    @Test
    void suppliersReturningNullFailClearly() {
        DataStore<Object, Object, Object> broken = new DataStore<>(() -> null, () -> null, Object::new);
        NullPointerException e = assertThrows(NullPointerException.class, () -> broken.chatData(1));
        assertTrue(e.getMessage().contains("chatData supplier"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new DataStore<>(Object::new, Object::new, () -> null));
    }

    @Test
    void settersReplaceTheObjectAndMarkItWhileLoadsFromTheStoreDoNot() {
        store.dropUserData(7);
        store.drainMarks();
        store.setUserData(7, List.of("immutable"));
        store.setChatData(1, List.of("c"));
        store.setBotData(List.of("b"));
        assertEquals(List.of("immutable"), store.userData(7));
        assertEquals(List.of("c"), store.chatData(1));
        assertEquals(List.of("b"), store.botData());
        DataMarks marks = store.drainMarks();
        assertEquals(Set.of(7L), marks.updatedUsers());
        assertEquals(Set.of(1L), marks.updatedChats());
        assertTrue(marks.droppedUsers().isEmpty(), "set after a drop: written, not dropped");

        store.loadUserData(7, List.of("from the store"));
        store.loadChatData(1, List.of("from the store"));
        assertEquals(List.of("from the store"), store.userData(7));
        assertTrue(store.pendingMarks().isEmpty(), "what came from the store is not written back");
        assertThrows(NullPointerException.class, () -> store.setUserData(7, null));
        assertThrows(NullPointerException.class, () -> store.loadChatData(1, null));
    }
}
