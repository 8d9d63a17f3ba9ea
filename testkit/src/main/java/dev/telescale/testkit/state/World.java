package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.json.Json;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the emulator simulates: bots by token, users, chats (group-like ones by id and username, private
 * ones by bot and user) and files. Ids follow Telegram's shapes: users and bots positive, basic groups negative,
 * supergroups and channels -100xxxxxxxxxx.
 */
public final class World {

    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private final Map<String, BotAccount> botsByToken = new ConcurrentHashMap<>();
    private final Map<Long, BotAccount> botsById = new ConcurrentHashMap<>();
    private final Map<String, UserAccount> usersByName = new ConcurrentHashMap<>();
    private final Map<Long, UserAccount> usersById = new ConcurrentHashMap<>();
    private final Map<Long, ChatRoom> groupChats = new ConcurrentHashMap<>();
    private final Map<String, ChatRoom> chatsByUsername = new ConcurrentHashMap<>();
    private final Map<PrivateChatKey, ChatRoom> privateChats = new ConcurrentHashMap<>();
    private final FileStore files = new FileStore();
    private final Map<String, PollRecord> polls = new ConcurrentHashMap<>();
    private final Map<String, InvoiceRecord> invoices = new ConcurrentHashMap<>();
    private final AtomicLong nextPollNumber = new AtomicLong(1);
    private final AtomicLong nextPaymentNumber = new AtomicLong(1);
    private volatile long answerDeadlineMillis = 10_000;
    private final AtomicLong nextUserId = new AtomicLong(100_000_001);
    private final AtomicLong nextBotId = new AtomicLong(7_000_000_001L);
    private final AtomicLong nextGroupNumber = new AtomicLong(4_000_001);
    private final AtomicLong nextCallbackNumber = new AtomicLong(1);
    private final int historyLimit;
    private final Clock clock;

    public World(int historyLimit, Clock clock) {
        this.historyLimit = historyLimit;
        this.clock = clock;
    }

    /** Unix time in seconds, for "date" fields. */
    public long now() {
        return clock.millis() / 1000;
    }

    public FileStore files() {
        return files;
    }

    /** Polls by id: those bots sent and those users sent. */
    public Map<String, PollRecord> polls() {
        return polls;
    }

    /** Invoices bots sent, by {@link InvoiceRecord#key}. */
    public Map<String, InvoiceRecord> invoices() {
        return invoices;
    }

    /** A new poll id (Telegram's are long decimal strings). */
    public String nextPollId() {
        return Long.toString(5_000_000_000_000_000_000L + nextPollNumber.getAndIncrement());
    }

    /** A new number for payment charge ids. */
    public long nextPaymentNumber() {
        return nextPaymentNumber.getAndIncrement();
    }

    /** Milliseconds of the world clock. */
    public long nowMillis() {
        return clock.millis();
    }

    /** How long inline, shipping and pre-checkout queries wait for an answer (world clock). */
    public long answerDeadlineMillis() {
        return answerDeadlineMillis;
    }

    public void answerDeadlineMillis(long millis) {
        this.answerDeadlineMillis = millis;
    }

    /** The bot with this username (case-insensitive), or null. */
    public BotAccount botByUsername(String username) {
        for (BotAccount bot : botsById.values()) {
            if (bot.username().equalsIgnoreCase(username)) {
                return bot;
            }
        }
        return null;
    }

    /** Creates a bot; its username is {@code name} with a "bot" suffix added when missing. */
    public BotAccount createBot(String name) {
        long id = nextBotId.getAndIncrement();
        StringBuilder secret = new StringBuilder(35);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 35; i++) {
            secret.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        String username = name.toLowerCase(java.util.Locale.ROOT).endsWith("bot") ? name : name + "Bot";
        ObjectNode user = Json.object()
                .put("id", id)
                .put("is_bot", true)
                .put("first_name", name)
                .put("username", username)
                .put("can_join_groups", true)
                .put("can_read_all_group_messages", false)
                .put("supports_inline_queries", false);
        BotAccount bot = new BotAccount(id, id + ":" + secret, user);
        botsByToken.put(bot.token(), bot);
        botsById.put(id, bot);
        return bot;
    }

    /** The bot with this token, or null. */
    public BotAccount botByToken(String token) {
        return botsByToken.get(token);
    }

    /** The bot with this id, or null. */
    public BotAccount botById(long id) {
        return botsById.get(id);
    }

    public Collection<BotAccount> bots() {
        return botsById.values();
    }

    /** The user with this name, created on first use with the name as first name and username. */
    public UserAccount user(String name) {
        return usersByName.computeIfAbsent(name, n -> {
            long id = nextUserId.getAndIncrement();
            ObjectNode user = Json.object()
                    .put("id", id)
                    .put("is_bot", false)
                    .put("first_name", n)
                    .put("username", n.replaceAll("[^A-Za-z0-9_]", "_"))
                    .put("language_code", "en");
            UserAccount account = new UserAccount(id, user);
            usersById.put(id, account);
            return account;
        });
    }

    /** The user with this id, or null. */
    public UserAccount userById(long id) {
        return usersById.get(id);
    }

    /** The private chat of a bot and a user, created on first use. */
    public ChatRoom privateChat(BotAccount bot, UserAccount user) {
        return privateChats.computeIfAbsent(new PrivateChatKey(bot.id(), user.id()), key -> {
            ObjectNode chat = Json.object().put("id", user.id()).put("type", "private");
            chat.put("first_name", user.firstName());
            JsonNode username = user.user().get("username");
            if (username != null) {
                chat.set("username", username);
            }
            return new ChatRoom(chat, bot, user, historyLimit);
        });
    }

    /**
     * Creates a group-like chat.
     *
     * @param type     "group", "supergroup" or "channel"
     * @param title    its title
     * @param username its public username without '@', or null
     */
    public ChatRoom createChat(String type, String title, String username) {
        long number = nextGroupNumber.getAndIncrement();
        long id = type.equals("group") ? -number : -(1_000_000_000_000L + number);
        ObjectNode chat = Json.object().put("id", id).put("type", type).put("title", title);
        if (username != null) {
            chat.put("username", username);
        }
        ChatRoom room = new ChatRoom(chat, null, null, historyLimit);
        groupChats.put(id, room);
        if (username != null) {
            chatsByUsername.put(username.toLowerCase(java.util.Locale.ROOT), room);
        }
        return room;
    }

    /**
     * Finds the chat a bot means by a chat_id parameter (number, numeric string or "@username"). A user id
     * means that user's private chat with the bot.
     */
    public ChatRoom resolveChat(BotAccount bot, JsonNode chatId) {
        if (chatId == null || chatId.isNull() || (chatId.isTextual() && chatId.asText().isEmpty())) {
            throw BotApiError.badRequest("chat_id is empty");
        }
        String text = chatId.asText();
        if (chatId.isTextual() && text.startsWith("@")) {
            ChatRoom room = chatsByUsername.get(text.substring(1).toLowerCase(java.util.Locale.ROOT));
            if (room == null) {
                throw BotApiError.badRequest("chat not found");
            }
            return room;
        }
        long id;
        if (chatId.canConvertToLong() && chatId.isIntegralNumber()) {
            id = chatId.asLong();
        } else {
            try {
                id = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw BotApiError.badRequest("chat not found");
            }
        }
        ChatRoom room = groupChats.get(id);
        if (room != null) {
            return room;
        }
        UserAccount user = usersById.get(id);
        if (user != null) {
            return privateChat(bot, user);
        }
        throw BotApiError.badRequest("chat not found");
    }

    /** A new callback query id. */
    public String nextCallbackQueryId() {
        return Long.toString(4_000_000_000_000_000L + nextCallbackNumber.getAndIncrement());
    }

    /** Stops every waiting long poll and webhook sender. */
    public void close() {
        for (BotAccount bot : botsById.values()) {
            bot.updates().close();
        }
    }

    private record PrivateChatKey(long botId, long userId) {
    }
}
