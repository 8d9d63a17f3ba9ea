package dev.telescale.core.data;

import java.util.Set;

/**
 * Which chat and user data changed or was dropped since the last persistence run: a persistence writes the
 * updated entries and deletes the dropped ones.
 */
public record DataMarks(Set<Long> updatedChats, Set<Long> updatedUsers, Set<Long> droppedChats,
                        Set<Long> droppedUsers) {

    public DataMarks {
        updatedChats = Set.copyOf(updatedChats);
        updatedUsers = Set.copyOf(updatedUsers);
        droppedChats = Set.copyOf(droppedChats);
        droppedUsers = Set.copyOf(droppedUsers);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return updatedChats.isEmpty() && updatedUsers.isEmpty() && droppedChats.isEmpty() && droppedUsers.isEmpty();
    }
}
