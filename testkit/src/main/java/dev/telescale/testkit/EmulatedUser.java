package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.methods.Messages;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.CallbackQueryRecord;
import dev.telescale.testkit.state.ChatRoom;
import dev.telescale.testkit.state.UserAccount;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.telescale.testkit.methods.InlineResults;
import dev.telescale.testkit.methods.Memberships;
import dev.telescale.testkit.methods.Polls;
import dev.telescale.testkit.state.InvoiceRecord;
import dev.telescale.testkit.state.PendingQuery;
import dev.telescale.testkit.state.PollRecord;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
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
        return send(chat, message -> putText(message, text));
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
        if (room.isPrivate() && room.blocked()) {
            throw new IllegalStateException(name() + " blocked the bot; unblockBot(bot) first");
        }
        if (!room.isPrivate() && !room.users().contains(account)) {
            room.users().add(account);
        }
        long thread = chat.threadId();
        ObjectNode message = Messages.sendFromUser(emulator.world(), room, account, m -> {
            if (thread != 0) {
                m.put("message_thread_id", thread);
                m.put("is_topic_message", true);
            }
            content.accept(m);
        });
        deliver(room, "message", message);
        return message;
    }

    // ---- content ------------------------------------------------------------------------------------------

    /**
     * Sends a photo (Telegram's three sizes, smallest first; each has a file_id and the largest downloads as
     * {@code jpeg}) with an optional caption.
     */
    public ObjectNode sendPhoto(EmulatedChat chat, byte[] jpeg, String caption) {
        Objects.requireNonNull(jpeg, "jpeg");
        int[][] sizes = {{90, 67}, {320, 240}, {800, 600}};
        ArrayNode photo = JsonNodeFactory.instance.arrayNode();
        for (int[] size : sizes) {
            StoredFile file = emulator.world().files().store("photos", "photo.jpg", "image/jpeg", jpeg);
            photo.addObject().put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId())
                    .put("file_size", jpeg.length).put("width", size[0]).put("height", size[1]);
        }
        return send(chat, message -> {
            message.set("photo", photo);
            putCaption(message, caption);
        });
    }

    /** Sends a photo to a bot in their private chat. */
    public ObjectNode sendPhoto(EmulatedBot bot, byte[] jpeg) {
        return sendPhoto(chatWith(bot), jpeg, null);
    }

    /** Sends a document (downloadable through getFile) with an optional caption. */
    public ObjectNode sendDocument(EmulatedChat chat, byte[] content, String fileName, String mimeType, String caption) {
        Objects.requireNonNull(content, "content");
        StoredFile file = emulator.world().files().store("documents", fileName,
                mimeType == null ? "application/octet-stream" : mimeType, content);
        return send(chat, message -> {
            ObjectNode document = message.putObject("document").put("file_id", file.fileId())
                    .put("file_unique_id", file.fileUniqueId());
            if (fileName != null && !fileName.isEmpty()) {
                document.put("file_name", fileName);
            }
            document.put("mime_type", file.mimeType()).put("file_size", content.length);
            putCaption(message, caption);
        });
    }

    /** Shares a location. */
    public ObjectNode sendLocation(EmulatedChat chat, double latitude, double longitude) {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("Latitude is -90..90 and longitude -180..180, got " + latitude + ", "
                    + longitude);
        }
        return send(chat, message -> message.putObject("location").put("latitude", latitude).put("longitude", longitude));
    }

    /** Shares a location with a bot in their private chat. */
    public ObjectNode sendLocation(EmulatedBot bot, double latitude, double longitude) {
        return sendLocation(chatWith(bot), latitude, longitude);
    }

    /**
     * Shares a contact; when it is this user's own (as a KeyboardButton with request_contact sends it),
     * pass {@code own = true} and the contact carries this user's user_id.
     */
    public ObjectNode sendContact(EmulatedChat chat, String phoneNumber, String firstName, boolean own) {
        if (phoneNumber == null || phoneNumber.isBlank() || firstName == null || firstName.isBlank()) {
            throw new IllegalArgumentException("A contact needs a phone number and a first name");
        }
        return send(chat, message -> {
            ObjectNode contact = message.putObject("contact").put("phone_number", phoneNumber).put("first_name", firstName);
            if (own) {
                contact.put("user_id", id());
            }
        });
    }

    /** Throws a dice with a known outcome ("🎲" "🎯" "🎳": 1-6, "🏀" "⚽": 1-5, "🎰": 1-64). */
    public ObjectNode sendDice(EmulatedChat chat, String emoji, int value) {
        int faces = switch (emoji) {
            case "\uD83C\uDFAF", "\uD83C\uDFB2", "\uD83C\uDFB3" -> 6;
            case "\uD83C\uDFC0", "\u26BD" -> 5;
            case "\uD83C\uDFB0" -> 64;
            default -> throw new IllegalArgumentException("Not a dice emoji: " + emoji);
        };
        if (value < 1 || value > faces) {
            throw new IllegalArgumentException("A " + emoji + " dice shows 1-" + faces + ", not " + value);
        }
        return send(chat, message -> message.putObject("dice").put("emoji", emoji).put("value", value));
    }

    /** Sends a regular (anonymous, single-answer) poll, as a user creates one. */
    public ObjectNode sendPoll(EmulatedChat chat, String question, String... options) {
        return userPoll(chat, question, options, -1);
    }

    /** Sends a quiz with its correct option (bots see correct_option_ids in their private chat, as on Telegram). */
    public ObjectNode sendQuiz(EmulatedChat chat, String question, int correctOption, String... options) {
        if (correctOption < 0 || correctOption >= options.length) {
            throw new IllegalArgumentException("The correct option is 0.." + (options.length - 1) + ", not " + correctOption);
        }
        return userPoll(chat, question, options, correctOption);
    }

    private ObjectNode userPoll(EmulatedChat chat, String question, String[] options, int correctOption) {
        if (question == null || question.isBlank() || options.length < 2 || options.length > 12) {
            throw new IllegalArgumentException("A poll has a question and 2-12 options");
        }
        ObjectNode poll = Json.object().put("id", emulator.world().nextPollId()).put("question", question);
        ArrayNode pollOptions = poll.putArray("options");
        for (int i = 0; i < options.length; i++) {
            pollOptions.addObject().put("persistent_id", Integer.toString(i)).put("text", options[i]).put("voter_count", 0);
        }
        poll.put("total_voter_count", 0).put("is_closed", false).put("is_anonymous", true)
                .put("type", correctOption >= 0 ? "quiz" : "regular").put("allows_multiple_answers", false)
                .put("allows_revoting", correctOption < 0).put("members_only", false);
        if (correctOption >= 0 && chat.room().isPrivate()) {
            poll.putArray("correct_option_ids").add(correctOption);
        }
        ObjectNode message = send(chat, m -> m.set("poll", poll));
        emulator.world().polls().put(poll.get("id").asText(),
                new PollRecord(null, chat.room(), message.path("message_id").asLong(), poll));
        return message;
    }

    /**
     * Votes in the poll of a message (an empty {@code optionIds} retracts the vote). The message shows the new
     * counts; the bot that sent the poll gets a "poll" update and, for a non-anonymous poll, a "poll_answer".
     *
     * @return the PollAnswer JSON
     * @throws IllegalArgumentException for a message without a known poll or options the poll does not take
     * @throws IllegalStateException    when the poll is closed or the vote may not change
     */
    public ObjectNode vote(JsonNode pollMessage, int... optionIds) {
        String pollId = pollMessage.path("poll").path("id").asText("");
        PollRecord record = emulator.world().polls().get(pollId);
        if (record == null) {
            throw new IllegalArgumentException("Unknown poll '" + pollId + "': pass a message with a poll of this emulator");
        }
        return Polls.vote(emulator.world(), record, account, optionIds);
    }

    /** Replies to a message of the chat with a text. */
    public ObjectNode replyTo(EmulatedChat chat, JsonNode message, String text) {
        requireText(text);
        ObjectNode target = chat.room().log().get(message.path("message_id").asLong());
        if (target == null) {
            throw new IllegalArgumentException("The message " + message.path("message_id") + " is not in chat " + chat.id());
        }
        ObjectNode quoted = target.deepCopy();
        quoted.remove("reply_to_message");
        return send(chat, m -> {
            m.set("reply_to_message", quoted);
            putText(m, text);
        });
    }

    /**
     * Edits one of this user's text messages: the chat shows the new text (with edit_date) and the bots get an
     * "edited_message" update.
     *
     * @return the edited Message JSON
     */
    public ObjectNode editMessage(EmulatedChat chat, JsonNode message, String newText) {
        requireText(newText);
        ChatRoom room = chat.room();
        long messageId = message.path("message_id").asLong();
        ObjectNode current = room.log().get(messageId);
        if (current == null) {
            throw new IllegalArgumentException("The message " + messageId + " is not in chat " + chat.id());
        }
        if (current.path("from").path("id").asLong() != id()) {
            throw new IllegalArgumentException("Users edit only their own messages; " + messageId + " is not "
                    + name() + "'s");
        }
        if (!current.has("text")) {
            throw new IllegalArgumentException("Only text messages are edited by editMessage; " + messageId + " has no text");
        }
        ObjectNode edited = current.deepCopy();
        edited.remove("entities");
        putText(edited, newText);
        edited.put("edit_date", emulator.world().now());
        room.log().replace(messageId, edited);
        deliver(room, "edited_message", edited);
        return edited;
    }

    /**
     * Sends data from a Web App opened by a keyboard button (a web_app_data service message); the reply keyboard
     * the bot shows in the private chat must have a web_app button with this text, as on Telegram.
     */
    public ObjectNode sendWebAppData(EmulatedBot bot, String buttonText, String data) {
        EmulatedChat chat = chatWith(bot);
        JsonNode keyboard = chat.room().replyKeyboard();
        boolean found = false;
        if (keyboard != null) {
            for (JsonNode row : keyboard.path("keyboard")) {
                for (JsonNode button : row) {
                    found |= button.has("web_app") && buttonText.equals(button.path("text").asText());
                }
            }
        }
        if (!found) {
            throw new IllegalStateException("The bot shows no reply keyboard button '" + buttonText
                    + "' with a web_app; keyboard: " + keyboard);
        }
        if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 4096) {
            throw new IllegalArgumentException("Web App data is 1-4096 bytes");
        }
        return send(chat, message -> message.putObject("web_app_data").put("data", data).put("button_text", buttonText));
    }

    /**
     * Sets this user's reactions to a message (no emojis removes them): a "message_reaction" update for the bots
     * that get reactions — the bot of a private chat, administrator bots of groups — and asked for
     * "message_reaction" in allowed_updates.
     *
     * @return the MessageReactionUpdated JSON
     */
    public ObjectNode react(EmulatedChat chat, JsonNode message, String... emojis) {
        ChatRoom room = chat.room();
        long messageId = message.path("message_id").asLong();
        if (room.log().get(messageId) == null) {
            throw new IllegalArgumentException("The message " + messageId + " is not in chat " + chat.id());
        }
        ArrayNode reaction = JsonNodeFactory.instance.arrayNode();
        for (String emoji : emojis) {
            reaction.addObject().put("type", "emoji").put("emoji", emoji);
        }
        String key = id() + "/" + messageId;
        ArrayNode old = reaction.isEmpty() ? room.reactions().remove(key) : room.reactions().put(key, reaction);
        ObjectNode updated = Json.object();
        updated.set("chat", room.chat());
        updated.put("message_id", messageId);
        updated.set("user", account.user());
        updated.put("date", emulator.world().now());
        updated.set("old_reaction", old == null ? JsonNodeFactory.instance.arrayNode() : old);
        updated.set("new_reaction", reaction);
        for (BotAccount bot : room.bots()) {
            if (room.isPrivate() || Memberships.isAdministrator(room, bot)) {
                bot.updates().add(EmulatedChat.updateOf("message_reaction", updated));
            }
        }
        return updated;
    }

    // ---- deep links ---------------------------------------------------------------------------------------

    /**
     * Opens a bot link {@code https://t.me/<bot>?start=<payload>} (or {@code t.me/<bot>}): the client sends
     * "/start payload" to the bot, a bot_command entity covering "/start" only, as Telegram clients do.
     */
    public ObjectNode openLink(String url) {
        DeepLink link = DeepLink.parse(url, emulator);
        if (link.group()) {
            throw new IllegalArgumentException("A startgroup link needs a group: use openLink(url, group)");
        }
        return sendText(chatWith(link.bot()), link.payload() == null ? "/start" : "/start " + link.payload());
    }

    /**
     * Opens a {@code https://t.me/<bot>?startgroup=<payload>} link choosing {@code group}: the bot is added to
     * the group when it is not in it yet and the client sends "/start@botname payload" there.
     */
    public ObjectNode openLink(String url, EmulatedChat group) {
        DeepLink link = DeepLink.parse(url, emulator);
        if (!link.group()) {
            throw new IllegalArgumentException("Not a startgroup link: " + url);
        }
        if (!group.room().bots().contains(link.bot().account())) {
            addBot(group, link.bot());
        }
        String command = "/start@" + link.bot().username();
        return sendText(group, link.payload() == null ? command : command + " " + link.payload());
    }

    // ---- inline mode --------------------------------------------------------------------------------------

    /** Types an inline query "@bot query" in the bot's private chat (chat_type "sender"). */
    public ObjectNode inlineQuery(EmulatedBot bot, String query) {
        return inlineQuery(bot, query, "", chatWith(bot));
    }

    /**
     * Types an inline query in a chat (its chat_type derived from it: "sender" in the bot's own private chat,
     * else the chat's type), asking for the results page {@code offset} ("" for the first).
     *
     * @return the InlineQuery JSON; the bot's answer is {@link EmulatedBot#awaitAnswerTo}
     */
    public ObjectNode inlineQuery(EmulatedBot bot, String query, String offset, EmulatedChat in) {
        if (query == null || query.length() > 256) {
            throw new IllegalArgumentException("An inline query is 0-256 characters");
        }
        ObjectNode inline = Json.object().put("id", emulator.world().nextCallbackQueryId());
        inline.set("from", account.user());
        inline.put("query", query).put("offset", offset == null ? "" : offset);
        ChatRoom room = in.room();
        inline.put("chat_type", room.isPrivate()
                ? (room.privateBot() == bot.account() ? "sender" : "private") : room.type());
        PendingQuery pending = new PendingQuery("inline_query", inline, emulator.world().nowMillis(), null);
        bot.account().queries().put(pending.id(), pending);
        bot.account().updates().add(EmulatedChat.updateOf("inline_query", inline));
        return inline;
    }

    /**
     * Chooses a result of the bot's answer to an inline query: a "chosen_inline_result" update for the bot (with
     * an inline_message_id when the result has an inline keyboard).
     *
     * @return the ChosenInlineResult JSON
     */
    public ObjectNode chooseInlineResult(JsonNode inlineQuery, String resultId) {
        Chosen chosen = chosen(inlineQuery, resultId);
        return chosen.update();
    }

    /**
     * Sends a result of the bot's answer to an inline query into a chat: the message, "via_bot", carries the
     * result's input_message_content (its parse_mode applied) or media; the chat's bots get the message and the
     * inline bot a "chosen_inline_result".
     *
     * @return the Message JSON
     */
    public ObjectNode sendInlineResult(EmulatedChat chat, JsonNode inlineQuery, String resultId) {
        Chosen chosen = chosen(inlineQuery, resultId);
        return send(chat, message -> {
            message.set("via_bot", chosen.bot().user());
            InlineResults.fill(emulator.world(), chosen.result(), message);
        });
    }

    private record Chosen(BotAccount bot, JsonNode result, ObjectNode update) {
    }

    private Chosen chosen(JsonNode inlineQuery, String resultId) {
        String id = inlineQuery.path("id").asText("");
        for (BotAccount bot : emulator.world().bots()) {
            PendingQuery pending = bot.queries().get(id);
            if (pending == null || !pending.kind().equals("inline_query")) {
                continue;
            }
            ObjectNode answer = pending.answer().getNow(null);
            if (answer == null) {
                throw new IllegalStateException("The bot has not answered inline query " + id + " yet");
            }
            for (JsonNode result : answer.path("results")) {
                if (resultId.equals(result.path("id").asText())) {
                    ObjectNode chosen = Json.object().put("result_id", resultId);
                    chosen.set("from", account.user());
                    if (result.path("reply_markup").has("inline_keyboard")) {
                        chosen.put("inline_message_id", "AgAAA" + id);
                    }
                    chosen.put("query", pending.query().path("query").asText());
                    bot.updates().add(EmulatedChat.updateOf("chosen_inline_result", chosen));
                    return new Chosen(bot, result, chosen);
                }
            }
            throw new IllegalArgumentException("The bot's answer to inline query " + id + " has no result '" + resultId
                    + "'; results: " + answer.path("results"));
        }
        throw new IllegalArgumentException("Unknown inline query '" + id + "': pass what inlineQuery(..) returned");
    }

    // ---- chat members ------------------------------------------------------------------------------------

    /** Joins a group (a chat_member update for administrator bots, a new_chat_members message). */
    public ObjectNode join(EmulatedChat chat) {
        requireGroupLike(chat);
        return Memberships.change(emulator.world(), chat.room(), account.user(), account.user(), null, account,
                "member", false);
    }

    /** Leaves a group (chat_member "left", a left_chat_member message). */
    public ObjectNode leave(EmulatedChat chat) {
        requireGroupLike(chat);
        return Memberships.change(emulator.world(), chat.room(), account.user(), account.user(), null, account,
                "left", false);
    }

    /** Adds another user to a group. */
    public ObjectNode addMember(EmulatedChat chat, EmulatedUser member) {
        requireGroupLike(chat);
        return Memberships.change(emulator.world(), chat.room(), account.user(), member.account.user(), null,
                member.account, "member", false);
    }

    /** Bans (removes) another user from a group: status "kicked". */
    public ObjectNode ban(EmulatedChat chat, EmulatedUser member) {
        requireGroupLike(chat);
        return Memberships.change(emulator.world(), chat.room(), account.user(), member.account.user(), null,
                member.account, "kicked", false);
    }

    /**
     * Adds a bot to a group (as a member) or a channel (as an administrator, the only way bots are in channels):
     * a my_chat_member update for it and, in groups, the new_chat_members message.
     *
     * @return the ChatMemberUpdated JSON
     */
    public ObjectNode addBot(EmulatedChat chat, EmulatedBot bot) {
        requireGroupLike(chat);
        return Memberships.change(emulator.world(), chat.room(), account.user(), bot.account().user(), bot.account(),
                null, chat.room().isChannel() ? "administrator" : "member", false);
    }

    /** Makes a bot an administrator (it then gets chat_member, chat_join_request and group reaction updates). */
    public ObjectNode promoteBot(EmulatedChat chat, EmulatedBot bot) {
        requireGroupLike(chat);
        return Memberships.change(emulator.world(), chat.room(), account.user(), bot.account().user(), bot.account(),
                null, "administrator", false);
    }

    /** Removes a bot from a group or channel: "left" in basic groups, "kicked" in supergroups and channels. */
    public ObjectNode removeBot(EmulatedChat chat, EmulatedBot bot) {
        requireGroupLike(chat);
        return Memberships.change(emulator.world(), chat.room(), account.user(), bot.account().user(), bot.account(),
                null, chat.type().equals("group") ? "left" : "kicked", false);
    }

    /** Blocks a bot: my_chat_member "kicked" in the private chat; the bot's sends to this user then fail with 403. */
    public ObjectNode blockBot(EmulatedBot bot) {
        ChatRoom room = chatWith(bot).room();
        room.blocked(true);
        return Memberships.change(emulator.world(), room, account.user(), bot.account().user(), bot.account(), null,
                "kicked", false);
    }

    /** Unblocks (restarts) a bot: my_chat_member "member" in the private chat. */
    public ObjectNode unblockBot(EmulatedBot bot) {
        ChatRoom room = chatWith(bot).room();
        room.blocked(false);
        return Memberships.change(emulator.world(), room, account.user(), bot.account().user(), bot.account(), null,
                "member", false);
    }

    /**
     * Asks to join a group or channel: a "chat_join_request" update for its administrator bots, which answer with
     * approveChatJoinRequest (the user joins) or declineChatJoinRequest.
     *
     * @return the ChatJoinRequest JSON
     */
    public ObjectNode requestToJoin(EmulatedChat chat, String bio) {
        requireGroupLike(chat);
        ChatRoom room = chat.room();
        ObjectNode request = Json.object();
        request.set("chat", room.chat());
        request.set("from", account.user());
        request.put("user_chat_id", id()).put("date", emulator.world().now());
        if (bio != null) {
            request.put("bio", bio);
        }
        room.joinRequests().put(id(), request);
        for (BotAccount bot : room.bots()) {
            if (Memberships.isAdministrator(room, bot)) {
                bot.updates().add(EmulatedChat.updateOf("chat_join_request", request));
            }
        }
        return request;
    }

    // ---- payments ----------------------------------------------------------------------------------------

    /**
     * Starts paying the invoice of a bot's message in a chat; see {@link EmulatedPayment}.
     *
     * @throws IllegalArgumentException when the message is not an invoice a bot of this emulator sent there
     */
    public EmulatedPayment startPayment(EmulatedChat chat, JsonNode invoiceMessage) {
        InvoiceRecord invoice = emulator.world().invoices()
                .get(InvoiceRecord.key(chat.id(), invoiceMessage.path("message_id").asLong()));
        if (invoice == null) {
            throw new IllegalArgumentException("No invoice message " + invoiceMessage.path("message_id") + " in chat "
                    + chat.id() + ": pass the message a bot's sendInvoice produced");
        }
        if (invoice.paid().get()) {
            throw new IllegalStateException("The invoice message " + invoice.messageId() + " was paid already");
        }
        return new EmulatedPayment(emulator.world(), account, invoice);
    }

    private static void requireGroupLike(EmulatedChat chat) {
        if (chat.room().isPrivate()) {
            throw new IllegalArgumentException("Membership changes happen in groups and channels; for a private chat "
                    + "use blockBot/unblockBot");
        }
    }

    private static void deliver(ChatRoom room, String type, ObjectNode message) {
        for (BotAccount bot : room.bots()) {
            bot.updates().add(EmulatedChat.updateOf(type, message));
        }
    }

    private static void putCaption(ObjectNode message, String caption) {
        if (caption != null && !caption.isEmpty()) {
            if (caption.length() > 1024) {
                throw new IllegalArgumentException("A caption is at most 1024 characters");
            }
            message.put("caption", caption);
        }
    }

    private static void putText(ObjectNode message, String text) {
        message.put("text", text);
        int commandLength = commandLength(text);
        if (commandLength > 0) {
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", commandLength);
        }
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

    /**
     * The URL of the inline button with this text on a message (e.g. a t.me deep link to {@link #openLink}).
     *
     * @throws IllegalArgumentException when the message has no URL button with this text
     */
    public String buttonUrl(JsonNode message, String buttonText) {
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (buttonText.equals(button.path("text").asText()) && button.has("url")) {
                    return button.get("url").asText();
                }
            }
        }
        throw new IllegalArgumentException("The message has no URL button '" + buttonText + "'; its keyboard is "
                + message.path("reply_markup"));
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
