package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.methods.Messages;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.ChatRoom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A chat in the emulator — private (one user and one bot), group, supergroup or channel — and its transcript:
 * every message users and bots sent, in their current version (edited, keyboards kept, deleted ones gone).
 */
public final class EmulatedChat {

    private final BotApiEmulator emulator;
    private final ChatRoom room;
    private final long threadId;

    EmulatedChat(BotApiEmulator emulator, ChatRoom room) {
        this(emulator, room, 0);
    }

    private EmulatedChat(BotApiEmulator emulator, ChatRoom room, long threadId) {
        this.emulator = emulator;
        this.room = room;
        this.threadId = threadId;
    }

    /** The forum topic (message_thread_id) users of this view write in; 0 for the chat itself. */
    public long threadId() {
        return threadId;
    }

    /**
     * This forum chat seen as one of its topics: what users send through the returned view carries
     * message_thread_id and is_topic_message, as in Telegram's forum topics.
     *
     * @throws IllegalStateException when the chat is not a forum (see {@link BotApiEmulator#forum})
     */
    public EmulatedChat topic(long threadId) {
        if (!room.chat().path("is_forum").asBoolean()) {
            throw new IllegalStateException("Chat " + id() + " is not a forum; create one with emulator.forum(..)");
        }
        if (threadId < 1) {
            throw new IllegalArgumentException("A topic's message_thread_id is positive, got " + threadId);
        }
        return new EmulatedChat(emulator, room, threadId);
    }

    /**
     * Creates a forum topic (the forum_topic_created service message, whose message_id is the topic's
     * message_thread_id, as on Telegram) and returns the chat seen as that topic.
     */
    public EmulatedChat createTopic(EmulatedUser creator, String name) {
        if (name == null || name.isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("A topic name is 1-128 characters, got '" + name + "'");
        }
        if (!room.chat().path("is_forum").asBoolean()) {
            throw new IllegalStateException("Chat " + id() + " is not a forum; create one with emulator.forum(..)");
        }
        long[] id = new long[1];
        creator.send(this, message -> {
            id[0] = message.path("message_id").asLong();
            message.put("message_thread_id", id[0]);
            message.put("is_topic_message", true);
            message.putObject("forum_topic_created").put("name", name).put("icon_color", 7322096);
        });
        return new EmulatedChat(emulator, room, id[0]);
    }

    /** The chat id. */
    public long id() {
        return room.id();
    }

    /** "private", "group", "supergroup" or "channel". */
    public String type() {
        return room.type();
    }

    /** The Chat object (a copy). */
    public ObjectNode chat() {
        return room.chat().deepCopy();
    }

    /** Adds users to a group-like chat. */
    public EmulatedChat add(EmulatedUser... users) {
        requireGroupLike();
        for (EmulatedUser user : users) {
            if (!room.users().contains(user.account())) {
                room.users().add(user.account());
            }
        }
        return this;
    }

    /** Adds a bot to a group-like chat; it then receives the updates of this chat. */
    public EmulatedChat add(EmulatedBot bot) {
        requireGroupLike();
        if (!room.bots().contains(bot.account())) {
            room.bots().add(bot.account());
        }
        return this;
    }

    /** Posts a text message to a channel (a channel_post update for its bots). */
    public ObjectNode post(String text) {
        if (!room.isChannel()) {
            throw new IllegalStateException("Only channels have posts; chat " + id() + " is a " + type());
        }
        ObjectNode message = room.log().append(id -> {
            ObjectNode post = dev.telescale.testkit.json.Json.object();
            post.put("message_id", id);
            post.set("sender_chat", room.chat());
            post.put("date", emulator.world().now());
            post.set("chat", room.chat());
            post.put("text", text);
            return post;
        });
        for (BotAccount bot : room.bots()) {
            bot.updates().add(updateOf("channel_post", message));
        }
        return message;
    }

    /** All messages, oldest first. */
    public List<ObjectNode> messages() {
        return room.log().snapshot();
    }

    /** The newest message, if any. */
    public Optional<ObjectNode> lastMessage() {
        List<ObjectNode> messages = messages();
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.getLast());
    }

    /** The current version of a message, if it exists. */
    public Optional<ObjectNode> message(long messageId) {
        return Optional.ofNullable(room.log().get(messageId));
    }

    /** The messages bots sent, oldest first. */
    public List<ObjectNode> botMessages() {
        return messages().stream().filter(EmulatedChat::fromBot).toList();
    }

    /** The reply keyboard the bot last showed in this chat, if any is shown. */
    public Optional<JsonNode> replyKeyboard() {
        return Optional.ofNullable(room.replyKeyboard());
    }

    /**
     * Waits for the first message a bot sent after {@code message} (e.g. the answer to what a user just sent).
     *
     * @throws AssertionError when none arrives in time
     */
    public ObjectNode awaitBotMessageAfter(JsonNode message, Duration timeout) {
        return awaitMessage(message.path("message_id").asLong(), EmulatedChat::fromBot, timeout);
    }

    /**
     * Waits for a message with an id above {@code afterMessageId} that matches {@code filter}.
     *
     * @throws AssertionError when none arrives in time
     */
    public ObjectNode awaitMessage(long afterMessageId, Predicate<ObjectNode> filter, Duration timeout) {
        try {
            ObjectNode found = room.log().await(afterMessageId, filter, timeout);
            if (found == null) {
                throw new AssertionError("No matching message after #" + afterMessageId + " in chat " + id()
                        + " within " + timeout + "; transcript: " + messages());
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a message", e);
        }
    }

    ChatRoom room() {
        return room;
    }

    private void requireGroupLike() {
        if (room.isPrivate()) {
            throw new IllegalStateException("Members cannot be added to a private chat");
        }
    }

    static boolean fromBot(JsonNode message) {
        return message.path("from").path("is_bot").asBoolean(false);
    }

    static ObjectNode updateOf(String type, ObjectNode payload) {
        ObjectNode update = dev.telescale.testkit.json.Json.object();
        update.set(type, payload);
        return update;
    }

    /** Whether the stored message has an inline button with this callback_data. */
    static boolean hasButton(JsonNode message, String data) {
        return Messages.hasCallbackButton(message, data);
    }

    @Override
    public String toString() {
        return "EmulatedChat[id=" + id() + ", type=" + type() + (threadId == 0 ? "" : ", thread=" + threadId) + "]";
    }
}
