package dev.telescale.api.errors;

/**
 * The group was upgraded to a supergroup, which has a new chat id ({@code parameters.migrate_to_chat_id}); repeat
 * the call with {@link #newChatId()}. The message follows PTB's: "Group migrated to supergroup. New chat id: N".
 */
public final class ChatMigrated extends TelegramApiException {

    private final long newChatId;

    public ChatMigrated(String method, long newChatId, String description) {
        super("Group migrated to supergroup. New chat id: " + newChatId + (method == null ? "" : " (" + method + ")"),
                400, description, method, null);
        this.newChatId = newChatId;
    }

    /** The supergroup's chat id. */
    public long newChatId() {
        return newChatId;
    }
}
