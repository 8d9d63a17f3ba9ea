package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.methods.Messages;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.CallbackQueryRecord;
import dev.telescale.testkit.state.ChatRoom;
import dev.telescale.testkit.state.UserAccount;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A human user acting in the emulator: sends texts and commands to a bot (in their private chat) or to a group,
 * and presses inline buttons. Each action stores the message in the chat's transcript and queues the update for
 * the bots concerned; the methods return the Message (or CallbackQuery) JSON that the update carries.
 */
public final class EmulatedUser {

    private final BotApiEmulator emulator;
    private final UserAccount account;

    EmulatedUser(BotApiEmulator emulator, UserAccount account) {
        this.emulator = emulator;
        this.account = account;
    }

    public long id() {
        return account.id();
    }

    /** The first name (also the name given to {@code emulator.user(name)}). */
    public String name() {
        return account.firstName();
    }

    /** The User object (a copy). */
    public ObjectNode user() {
        return account.user().deepCopy();
    }

    /** The private chat with a bot. */
    public EmulatedChat chatWith(EmulatedBot bot) {
        return emulator.privateChat(this, bot);
    }

    /** Sends a text to a bot in their private chat; a leading "/command" gets a bot_command entity. */
    public ObjectNode sendText(EmulatedBot bot, String text) {
        return sendText(chatWith(bot), text);
    }

    /** Sends a text to the bot with this token. */
    public ObjectNode sendText(String botToken, String text) {
        return sendText(bot(botToken), text);
    }

    /** Sends a text to a chat; every bot of the chat gets the update. */
    public ObjectNode sendText(EmulatedChat chat, String text) {
        requireText(text);
        return send(chat, message -> {
            message.put("text", text);
            int commandLength = commandLength(text);
            if (commandLength > 0) {
                message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", commandLength);
            }
        });
    }

    /** Sends "/command args" to a bot; {@code args} may be null or empty. */
    public ObjectNode sendCommand(EmulatedBot bot, String command, String args) {
        return sendCommand(chatWith(bot), command, args);
    }

    /** Sends "/command args" to a chat. */
    public ObjectNode sendCommand(EmulatedChat chat, String command, String args) {
        String slashed = command.startsWith("/") ? command : "/" + command;
        if (slashed.length() < 2 || slashed.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("A command is one word like /start, got '" + command + "'");
        }
        return sendText(chat, args == null || args.isEmpty() ? slashed : slashed + " " + args);
    }

    /**
     * Sends a message with arbitrary content to a chat: {@code content} fills the Message fields beyond the
     * envelope (e.g. {@code m -> m.putObject("location").put("latitude", 1).put("longitude", 2)}).
     */
    public ObjectNode send(EmulatedChat chat, Consumer<ObjectNode> content) {
        ChatRoom room = chat.room();
        if (room.isChannel()) {
            throw new IllegalStateException("Users do not write in channels; use chat.post(text)");
        }
        if (!room.isPrivate() && !room.users().contains(account)) {
            room.users().add(account);
        }
        ObjectNode message = Messages.sendFromUser(emulator.world(), room, account, content);
        for (BotAccount bot : room.bots()) {
            bot.updates().add(EmulatedChat.updateOf("message", message));
        }
        return message;
    }

    /**
     * Presses the inline button with {@code callbackData} on a bot's message (its current version in the chat is
     * checked for the button) and sends the callback_query update to that bot.
     *
     * @return the CallbackQuery JSON; its "id" finds the bot's answer with {@link EmulatedBot#callbackAnswer}
     */
    public ObjectNode pressButton(JsonNode message, String callbackData) {
        long senderId = message.path("from").path("id").asLong();
        BotAccount bot = emulator.world().botById(senderId);
        if (bot == null) {
            throw new IllegalArgumentException("The message was not sent by a bot of this emulator: " + message);
        }
        ChatRoom room = emulator.world().resolveChat(bot, message.path("chat").path("id"));
        ObjectNode current = room.log().get(message.path("message_id").asLong());
        if (current == null) {
            throw new IllegalStateException("The message " + message.path("message_id") + " no longer exists in chat "
                    + room.id());
        }
        if (!EmulatedChat.hasButton(current, callbackData)) {
            throw new IllegalArgumentException("The message has no button with callback_data '" + callbackData
                    + "'; its keyboard is " + current.path("reply_markup"));
        }
        ObjectNode query = Json.object();
        query.put("id", emulator.world().nextCallbackQueryId());
        query.set("from", account.user());
        query.set("message", current);
        query.put("chat_instance", Long.toString(room.id() * 31 + bot.id()));
        query.put("data", callbackData);
        bot.callbackQueries().put(query.get("id").asText(), new CallbackQueryRecord(query));
        bot.updates().add(EmulatedChat.updateOf("callback_query", query));
        return query;
    }

    UserAccount account() {
        return account;
    }

    private EmulatedBot bot(String token) {
        return emulator.bot(token).orElseThrow(() ->
                new IllegalArgumentException("No bot of this emulator has the given token"));
    }

    private static void requireText(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("A message text must not be empty");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > 4096 * 4) {
            throw new IllegalArgumentException("A message text is at most 4096 characters");
        }
    }

    private static int commandLength(String text) {
        if (!text.startsWith("/") || text.length() < 2) {
            return 0;
        }
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end > 1 ? end : 0;
    }

    @Override
    public String toString() {
        return "EmulatedUser[id=" + id() + ", name=" + name() + "]";
    }
}
