package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One chat as the emulator keeps it: its Chat JSON, its members (users and bots), its message log and the reply
 * keyboard the bot last showed. A private chat belongs to one bot and one user (its id is the user's id, as on
 * Telegram); group, supergroup and channel chats are shared by all their member bots.
 */
public final class ChatRoom {

    private final ObjectNode chat;
    private final BotAccount privateBot;
    private final UserAccount privateUser;
    private final List<UserAccount> users = new CopyOnWriteArrayList<>();
    private final List<BotAccount> bots = new CopyOnWriteArrayList<>();
    private final MessageLog log;
    private volatile JsonNode replyKeyboard;
    private volatile boolean blocked;
    private final java.util.Map<Long, ObjectNode> members = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, ObjectNode> joinRequests = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, com.fasterxml.jackson.databind.node.ArrayNode> reactions =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param chat         the Chat object
     * @param privateBot   for a private chat its bot, otherwise null
     * @param privateUser  for a private chat its user, otherwise null
     * @param historyLimit how many messages the log keeps
     */
    public ChatRoom(ObjectNode chat, BotAccount privateBot, UserAccount privateUser, int historyLimit) {
        this.chat = chat;
        this.privateBot = privateBot;
        this.privateUser = privateUser;
        this.log = new MessageLog(historyLimit);
        if (privateBot != null) {
            bots.add(privateBot);
            users.add(privateUser);
        }
    }

    public long id() {
        return chat.path("id").asLong();
    }

    /** "private", "group", "supergroup" or "channel". */
    public String type() {
        return chat.path("type").asText();
    }

    /** The Chat object; do not modify. */
    public ObjectNode chat() {
        return chat;
    }

    public boolean isPrivate() {
        return privateBot != null;
    }

    public boolean isChannel() {
        return "channel".equals(type());
    }

    /** The bot of a private chat, null for other chats. */
    public BotAccount privateBot() {
        return privateBot;
    }

    /** The user of a private chat, null for other chats. */
    public UserAccount privateUser() {
        return privateUser;
    }

    public List<UserAccount> users() {
        return users;
    }

    public List<BotAccount> bots() {
        return bots;
    }

    public MessageLog log() {
        return log;
    }

    /** The reply keyboard (ReplyKeyboardMarkup JSON) the user sees, or null. */
    public JsonNode replyKeyboard() {
        return replyKeyboard;
    }

    public void replyKeyboard(JsonNode keyboard) {
        this.replyKeyboard = keyboard;
    }

    /** For a private chat: whether the user blocked the bot (sends to the user then fail with 403). */
    public boolean blocked() {
        return blocked;
    }

    public void blocked(boolean blocked) {
        this.blocked = blocked;
    }

    /**
     * The ChatMember JSON by user id of everyone whose membership changed through a member action (joined, left,
     * banned, promoted); users and bots added without one are plain members and have no entry.
     */
    public java.util.Map<Long, ObjectNode> members() {
        return members;
    }

    /** Pending chat join requests by user id (the ChatJoinRequest JSON). */
    public java.util.Map<Long, ObjectNode> joinRequests() {
        return joinRequests;
    }

    /** The current reactions of a user to a message, by "userId/messageId". */
    public java.util.Map<String, com.fasterxml.jackson.databind.node.ArrayNode> reactions() {
        return reactions;
    }
}
