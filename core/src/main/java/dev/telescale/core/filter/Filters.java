package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.MessageEntity;
import dev.telescale.api.types.User;
import dev.telescale.core.Effective;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every filter of PTB's {@code filters} module (22.8) for Bot API 10.1: constants in UPPER_CASE
 * ({@code Filters.PHOTO}), parametrised filters as factories ({@code Filters.text("Yes", "No")},
 * {@code Filters.regex("\\d+")}, {@code Filters.user(42)}), and the namespaces as nested classes
 * ({@code Filters.ChatType.PRIVATE}, {@code Filters.StatusUpdate.NEW_CHAT_MEMBERS},
 * {@code Filters.Document.mimeType("application/pdf")}, {@code Filters.Dice.darts(6)}). Combine them:
 * {@code Filters.TEXT.and(Filters.COMMAND.not())}, {@code Filters.PHOTO.or(Filters.Document.IMAGE)}.
 *
 * <p>All of them reject updates without a message (see {@link Filter}). Unless said otherwise a filter tests one
 * message field for being present and "truthy" as PTB does in Python: a non-empty string or list, a non-zero
 * number, {@code true}. Every filter here is immutable and shareable except the id filters ({@link UserFilter},
 * {@link ChatFilter}, ...), which are mutable and thread-safe. Each prints as the Java expression that made it.
 */
public final class Filters {

    // ---- content -------------------------------------------------------------------------------------------

    /** Every message-like update. */
    public static final Filter ALL = Filter.message("Filters.ALL", m -> true);
    /** Messages with an animation (GIF or soundless H.264/MPEG-4 video). */
    public static final Filter ANIMATION = present("ANIMATION", Message::animation);
    /**
     * Messages with an attachment (PTB's {@code effective_attachment}): animation, audio, contact, dice, document,
     * game, invoice, live photo, location, paid media, passport data, photo, poll, sticker, story, successful
     * payment, venue, video, video note or voice.
     */
    public static final Filter ATTACHMENT = Filter.message("Filters.ATTACHMENT", Filters::hasAttachment);
    /** Messages with an audio file (music). */
    public static final Filter AUDIO = present("AUDIO", Message::audio);
    /** Messages with a caption (non-empty). */
    public static final Filter CAPTION = Filter.message("Filters.CAPTION", m -> nonEmpty(m.caption()));
    /** Messages with a checklist. */
    public static final Filter CHECKLIST = present("CHECKLIST", Message::checklist);
    /** Messages starting with a bot command (a {@code bot_command} entity at offset 0). */
    public static final Filter COMMAND = command(true);
    /** Messages with a shared contact. */
    public static final Filter CONTACT = present("CONTACT", Message::contact);
    /** Messages with a game. */
    public static final Filter GAME = present("GAME", Message::game);
    /** Messages with a scheduled giveaway. */
    public static final Filter GIVEAWAY = present("GIVEAWAY", Message::giveaway);
    /** Messages announcing the winners of a giveaway. */
    public static final Filter GIVEAWAY_WINNERS = present("GIVEAWAY_WINNERS", Message::giveawayWinners);
    /** Messages with an invoice (payments). */
    public static final Filter INVOICE = present("INVOICE", Message::invoice);
    /** Messages with a live photo. */
    public static final Filter LIVE_PHOTO = present("LIVE_PHOTO", Message::livePhoto);
    /** Messages with a location (venues carry one too). */
    public static final Filter LOCATION = present("LOCATION", Message::location);
    /** Messages with paid media. */
    public static final Filter PAID_MEDIA = present("PAID_MEDIA", Message::paidMedia);
    /** Messages with Telegram Passport data. */
    public static final Filter PASSPORT_DATA = present("PASSPORT_DATA", Message::passportData);
    /** Messages with a photo. */
    public static final Filter PHOTO = Filter.message("Filters.PHOTO", m -> !m.photo().isEmpty());
    /** Messages with a native poll. */
    public static final Filter POLL = present("POLL", Message::poll);
    /** Messages with a forwarded story. */
    public static final Filter STORY = present("STORY", Message::story);
    /** Messages confirming a successful payment; for given payloads see {@link #successfulPayment(String...)}. */
    public static final Filter SUCCESSFUL_PAYMENT = present("SUCCESSFUL_PAYMENT", Message::successfulPayment);
    /** Messages with information about a suggested post. */
    public static final Filter SUGGESTED_POST_INFO = present("SUGGESTED_POST_INFO", Message::suggestedPostInfo);
    /**
     * Messages with a text (non-empty), <b>commands included</b>: use {@code TEXT.and(COMMAND.not())} for plain
     * text. Dice have no text. For given texts see {@link #text(String...)}.
     */
    public static final Filter TEXT = Filter.message("Filters.TEXT", m -> nonEmpty(m.text()));
    /** Messages with a venue. */
    public static final Filter VENUE = present("VENUE", Message::venue);
    /** Messages with a video. */
    public static final Filter VIDEO = present("VIDEO", Message::video);
    /** Messages with a video note (round video). */
    public static final Filter VIDEO_NOTE = present("VIDEO_NOTE", Message::videoNote);
    /** Messages with a voice note. */
    public static final Filter VOICE = present("VOICE", Message::voice);

    // ---- message properties --------------------------------------------------------------------------------

    /** Service messages about a user boosting the chat. */
    public static final Filter BOOST_ADDED = present("BOOST_ADDED", Message::boostAdded);
    /** Messages with a message effect (non-empty effect id). */
    public static final Filter EFFECT_ID = Filter.message("Filters.EFFECT_ID", m -> nonEmpty(m.effectId()));
    /** Forwarded messages (with a {@code forward_origin}); for given origins see {@link #forwardedFrom(long...)}. */
    public static final Filter FORWARDED = present("FORWARDED", Message::forwardOrigin);
    /** Messages whose media is covered by a spoiler animation. */
    public static final Filter HAS_MEDIA_SPOILER = Filter.message("Filters.HAS_MEDIA_SPOILER",
            Message::hasMediaSpoiler);
    /** Messages that cannot be forwarded or saved. */
    public static final Filter HAS_PROTECTED_CONTENT = Filter.message("Filters.HAS_PROTECTED_CONTENT",
            Message::hasProtectedContent);
    /** Channel posts forwarded automatically into the linked discussion group. */
    public static final Filter IS_AUTOMATIC_FORWARD = Filter.message("Filters.IS_AUTOMATIC_FORWARD",
            Message::isAutomaticForward);
    /** Messages sent by an implicit action of an offline user (an away or greeting business message). */
    public static final Filter IS_FROM_OFFLINE = Filter.message("Filters.IS_FROM_OFFLINE", Message::isFromOffline);
    /** Messages sent to a forum topic. */
    public static final Filter IS_TOPIC_MESSAGE = Filter.message("Filters.IS_TOPIC_MESSAGE",
            Message::isTopicMessage);
    /** Replies to a message ({@code reply_to_message}; not replies to stories or external replies). */
    public static final Filter REPLY = present("REPLY", Message::replyToMessage);
    /** Replies to a story. */
    public static final Filter REPLY_TO_STORY = present("REPLY_TO_STORY", Message::replyToStory);
    /** Messages from a user who boosted the chat (a non-zero {@code sender_boost_count}). */
    public static final Filter SENDER_BOOST_COUNT = Filter.message("Filters.SENDER_BOOST_COUNT",
            m -> m.senderBoostCount().orElse(0) != 0);
    /** Messages with a sender user ({@code from}); for given users see {@link #user(long...)}. */
    public static final Filter USER = present("USER", Message::from);
    /** Messages sent via an inline bot; for given bots see {@link #viaBot(long...)}. */
    public static final Filter VIA_BOT = present("VIA_BOT", Message::viaBot);

    // ---- the update's effective chat and user --------------------------------------------------------------

    /** Messages in the direct messages chat of a channel (the effective chat's {@code is_direct_messages}). */
    public static final Filter DIRECT_MESSAGES = Filter.update("Filters.DIRECT_MESSAGES",
            u -> Effective.chat(u).filter(c -> c.isDirectMessages()).isPresent());
    /** Messages in a forum, a supergroup with topics (the effective chat's {@code is_forum}). */
    public static final Filter FORUM = Filter.update("Filters.FORUM",
            u -> Effective.chat(u).filter(c -> c.isForum()).isPresent());
    /** Messages from a Telegram Premium user (the effective user's {@code is_premium}). */
    public static final Filter PREMIUM_USER = Filter.update("Filters.PREMIUM_USER",
            u -> Effective.user(u).filter(User::isPremium).isPresent());
    /** Messages from a user who added the bot to their attachment menu. */
    public static final Filter USER_ATTACHMENT = Filter.update("Filters.USER_ATTACHMENT",
            u -> Effective.user(u).filter(User::addedToAttachmentMenu).isPresent());

    private Filters() {
    }

    // ---- text and caption ----------------------------------------------------------------------------------

    /**
     * Messages whose text is exactly one of {@code strings} (PTB's {@code Text(strings)}), e.g. the buttons of a
     * reply keyboard. For any text use {@link #TEXT}.
     *
     * @throws IllegalArgumentException when no string is given
     */
    public static Filter text(String... strings) {
        Set<String> allowed = strings("Filters.text", strings);
        return Filter.message("Filters.text" + quoted(strings),
                m -> m.text().filter(t -> !t.isEmpty() && allowed.contains(t)).isPresent());
    }

    /**
     * Messages whose caption is exactly one of {@code strings} (PTB's {@code Caption(strings)}). For any caption
     * use {@link #CAPTION}.
     *
     * @throws IllegalArgumentException when no string is given
     */
    public static Filter caption(String... strings) {
        Set<String> allowed = strings("Filters.caption", strings);
        return Filter.message("Filters.caption" + quoted(strings),
                m -> m.caption().filter(t -> !t.isEmpty() && allowed.contains(t)).isPresent());
    }

    /**
     * Messages with a bot command: starting with one (a {@code bot_command} entity at offset 0, PTB's default and
     * {@link #COMMAND}) when {@code onlyStart}, else anywhere in the text.
     */
    public static Filter command(boolean onlyStart) {
        return Filter.message(onlyStart ? "Filters.COMMAND" : "Filters.command(false)", m -> {
            List<MessageEntity> entities = m.entities();
            if (entities.isEmpty()) {
                return false;
            }
            if (onlyStart) {
                MessageEntity first = entities.get(0);
                return "bot_command".equals(first.type()) && first.offset() == 0;
            }
            return entities.stream().anyMatch(e -> "bot_command".equals(e.type()));
        });
    }

    /**
     * Messages whose text contains a match of {@code regex}, searched anywhere (Java's {@code find()}, as PTB's
     * {@code re.search}; anchor with {@code ^} to match at the start). A data filter: the match lands in
     * {@code context.matches()}. The pattern is compiled with Python's meaning of {@code . ^ $} (only {@code \n}
     * ends a line) and Unicode-aware {@code \d \w \s \b}, so patterns written for PTB behave the same.
     *
     * @throws java.util.regex.PatternSyntaxException when {@code regex} is not a valid pattern
     */
    public static Filter regex(String regex) {
        return regex(PythonRegex.compile(regex));
    }

    /** As {@link #regex(String)} with a pattern compiled by you, used as it is (for your own flags). */
    public static Filter regex(Pattern pattern) {
        return RegexFilters.search("Filters.regex(\"" + Objects.requireNonNull(pattern, "pattern").pattern()
                + "\")", pattern, Message::text);
    }

    /** As {@link #regex(String)} on the caption (PTB's {@code CaptionRegex}); text messages never match. */
    public static Filter captionRegex(String regex) {
        return captionRegex(PythonRegex.compile(regex));
    }

    /** As {@link #captionRegex(String)} with a pattern compiled by you. */
    public static Filter captionRegex(Pattern pattern) {
        return RegexFilters.search("Filters.captionRegex(\"" + Objects.requireNonNull(pattern, "pattern").pattern()
                + "\")", pattern, Message::caption);
    }

    /**
     * Messages whose text has an entity of {@code type} ({@code "hashtag"}, {@code "url"}, {@code "mention"},
     * ... — the Bot API's {@code MessageEntity.type}).
     */
    public static Filter entity(String type) {
        requireText(type, "Filters.entity", "type");
        return Filter.message("Filters.entity(\"" + type + "\")",
                m -> m.entities().stream().anyMatch(e -> type.equals(e.type())));
    }

    /** Messages whose caption has an entity of {@code type}. */
    public static Filter captionEntity(String type) {
        requireText(type, "Filters.captionEntity", "type");
        return Filter.message("Filters.captionEntity(\"" + type + "\")",
                m -> m.captionEntities().stream().anyMatch(e -> type.equals(e.type())));
    }

    // ---- who: mutable id filters ---------------------------------------------------------------------------

    /** Messages in one of the chats with these ids; add and remove ids at run time on the result. */
    public static ChatFilter chat(long... chatIds) {
        return new ChatFilter(ids("Filters.chat", chatIds), List.of(), false);
    }

    /** Messages in one of the chats with these usernames (a leading {@code @} is dropped). */
    public static ChatFilter chatUsernames(String... usernames) {
        return new ChatFilter(List.of(), names("Filters.chatUsernames", usernames), false);
    }

    /**
     * PTB's full {@code Chat(chat_id, username, allow_empty)}: ids or usernames (one of them empty) and whether an
     * empty filter passes every message.
     *
     * @throws IllegalArgumentException when both ids and usernames are given
     */
    public static ChatFilter chat(Collection<Long> chatIds, Collection<String> usernames, boolean allowEmpty) {
        return new ChatFilter(chatIds, usernames, allowEmpty);
    }

    /** Messages from one of the users with these ids; add and remove ids at run time on the result. */
    public static UserFilter user(long... userIds) {
        return new UserFilter(ids("Filters.user", userIds), List.of(), false);
    }

    /** Messages from one of the users with these usernames (a leading {@code @} is dropped). */
    public static UserFilter userUsernames(String... usernames) {
        return new UserFilter(List.of(), names("Filters.userUsernames", usernames), false);
    }

    /**
     * PTB's full {@code User(user_id, username, allow_empty)}.
     *
     * @throws IllegalArgumentException when both ids and usernames are given
     */
    public static UserFilter user(Collection<Long> userIds, Collection<String> usernames, boolean allowEmpty) {
        return new UserFilter(userIds, usernames, allowEmpty);
    }

    /** Messages sent via one of the inline bots with these ids. */
    public static ViaBotFilter viaBot(long... botIds) {
        return new ViaBotFilter(ids("Filters.viaBot", botIds), List.of(), false);
    }

    /** Messages sent via one of the inline bots with these usernames. */
    public static ViaBotFilter viaBotUsernames(String... usernames) {
        return new ViaBotFilter(List.of(), names("Filters.viaBotUsernames", usernames), false);
    }

    /**
     * PTB's full {@code ViaBot(bot_id, username, allow_empty)}.
     *
     * @throws IllegalArgumentException when both ids and usernames are given
     */
    public static ViaBotFilter viaBot(Collection<Long> botIds, Collection<String> usernames, boolean allowEmpty) {
        return new ViaBotFilter(botIds, usernames, allowEmpty);
    }

    /**
     * Messages sent on behalf of one of the chats with these ids (channels, anonymous group admins). For any
     * sender chat of a kind see {@link SenderChat}.
     */
    public static SenderChatFilter senderChat(long... chatIds) {
        return new SenderChatFilter(ids("Filters.senderChat", chatIds), List.of(), false);
    }

    /** Messages sent on behalf of one of the chats with these usernames. */
    public static SenderChatFilter senderChatUsernames(String... usernames) {
        return new SenderChatFilter(List.of(), names("Filters.senderChatUsernames", usernames), false);
    }

    /**
     * PTB's full {@code SenderChat(chat_id, username, allow_empty)}.
     *
     * @throws IllegalArgumentException when both ids and usernames are given
     */
    public static SenderChatFilter senderChat(Collection<Long> chatIds, Collection<String> usernames,
            boolean allowEmpty) {
        return new SenderChatFilter(chatIds, usernames, allowEmpty);
    }

    /** Messages forwarded from one of the users or chats with these ids (hidden users never match). */
    public static ForwardedFromFilter forwardedFrom(long... chatIds) {
        return new ForwardedFromFilter(ids("Filters.forwardedFrom", chatIds), List.of(), false);
    }

    /** Messages forwarded from one of the users or chats with these usernames. */
    public static ForwardedFromFilter forwardedFromUsernames(String... usernames) {
        return new ForwardedFromFilter(List.of(), names("Filters.forwardedFromUsernames", usernames), false);
    }

    /**
     * PTB's full {@code ForwardedFrom(chat_id, username, allow_empty)}.
     *
     * @throws IllegalArgumentException when both ids and usernames are given
     */
    public static ForwardedFromFilter forwardedFrom(Collection<Long> chatIds, Collection<String> usernames,
            boolean allowEmpty) {
        return new ForwardedFromFilter(chatIds, usernames, allowEmpty);
    }

    // ---- other parametrised filters ------------------------------------------------------------------------

    /**
     * Messages from users whose language code starts with one of {@code codes} ({@code "en"} matches
     * {@code en-US}). Not every user has a language code.
     *
     * @throws IllegalArgumentException when no code, or an empty one (it would match everyone), is given
     */
    public static Filter language(String... codes) {
        Objects.requireNonNull(codes, "codes");
        List<String> prefixes = List.copyOf(Arrays.asList(codes));
        if (prefixes.isEmpty() || prefixes.contains("")) {
            throw new IllegalArgumentException("Filters.language: give one or more non-empty language codes, got "
                    + prefixes);
        }
        return Filter.message("Filters.language" + quoted(codes), m -> m.from().flatMap(User::languageCode)
                .filter(code -> !code.isEmpty() && prefixes.stream().anyMatch(code::startsWith)).isPresent());
    }

    /**
     * Messages whose text mentions one of these usernames ({@code @alice}; leading {@code @}s dropped), by a
     * {@code mention} entity or a {@code text_mention} whose text is the username (PTB's {@code Mention}).
     */
    public static Filter mention(String... usernames) {
        return MentionFilters.usernames(usernames);
    }

    /** Messages whose text mentions one of the users with these ids (a {@code text_mention} entity). */
    public static Filter mention(long... userIds) {
        return MentionFilters.ids(userIds);
    }

    /** Messages whose text mentions one of these users, by id or by username. */
    public static Filter mention(User... users) {
        return MentionFilters.users(users);
    }

    /**
     * Successful payments of an invoice whose payload is one of {@code invoicePayloads}. For any payment use
     * {@link #SUCCESSFUL_PAYMENT}.
     *
     * @throws IllegalArgumentException when no payload is given
     */
    public static Filter successfulPayment(String... invoicePayloads) {
        Set<String> allowed = strings("Filters.successfulPayment", invoicePayloads);
        return Filter.message("Filters.successfulPayment" + quoted(invoicePayloads),
                m -> m.successfulPayment().filter(p -> p.invoicePayload() != null && allowed.contains(p.invoicePayload())).isPresent());
    }

    /**
     * Dice messages of any emoji whose value is one of {@code values} (PTB's {@code Dice(values)}); for one emoji
     * see {@link Dice}.
     *
     * @throws IllegalArgumentException when no value is given
     */
    public static Filter dice(int... values) {
        return DiceFilters.values("Filters.dice", null, values);
    }

    // ---- namespaces ----------------------------------------------------------------------------------------
    // Each namespace's members are declared (with their documentation) in a package-private class of its own and
    // inherited here, so Filters.StatusUpdate.ALL works without repeating 48 declarations.

    /**
     * The type of the message's chat: {@code CHANNEL}, {@code GROUP}, {@code GROUPS} (group or supergroup),
     * {@code PRIVATE}, {@code SUPERGROUP}.
     */
    public static final class ChatType extends ChatTypeFilters {
        private ChatType() {
        }
    }

    /**
     * Which kind of message update: {@code MESSAGE}, {@code EDITED_MESSAGE}, {@code MESSAGES}, {@code CHANNEL_POST},
     * {@code EDITED_CHANNEL_POST}, {@code CHANNEL_POSTS}, {@code EDITED}, {@code BUSINESS_MESSAGE},
     * {@code EDITED_BUSINESS_MESSAGE}, {@code BUSINESS_MESSAGES}, {@code GUEST_MESSAGE}.
     */
    public static final class UpdateType extends UpdateTypeFilters {
        private UpdateType() {
        }
    }

    /**
     * Documents: {@code ALL}; by mime category ({@code APPLICATION}, {@code AUDIO}, {@code IMAGE}, {@code VIDEO},
     * {@code TEXT}, {@code category(prefix)}); by mime type ({@code PDF}, {@code ZIP}, ..., {@code mimeType(type)});
     * by file name ({@code fileExtension("jpg")}, {@code NO_FILE_EXTENSION}).
     */
    public static final class Document extends DocumentFilters {
        private Document() {
        }
    }

    /** Stickers: {@code ALL}, {@code ANIMATED}, {@code STATIC}, {@code VIDEO}, {@code PREMIUM}. */
    public static final class Sticker extends StickerFilters {
        private Sticker() {
        }
    }

    /**
     * Service messages: {@code ALL} (any of them), {@code NEW_CHAT_MEMBERS}, {@code LEFT_CHAT_MEMBER},
     * {@code PINNED_MESSAGE}, {@code MIGRATE}, {@code WEB_APP_DATA}, ... (every member of PTB 22.8's
     * {@code StatusUpdate}).
     */
    public static final class StatusUpdate extends StatusUpdateFilters {
        private StatusUpdate() {
        }
    }

    /**
     * Dice: {@code ALL}; one emoji with any value ({@code BASKETBALL}, {@code BOWLING}, {@code DARTS}, {@code DICE},
     * {@code FOOTBALL}, {@code SLOT_MACHINE}) or with given values ({@code darts(6)}, {@code slotMachine(64)},
     * ...). Any emoji with given values: {@link Filters#dice(int...)}.
     */
    public static final class Dice extends DiceFilters {
        private Dice() {
        }
    }

    /**
     * Any sender chat of a kind: {@code ALL}, {@code SUPER_GROUP}, {@code CHANNEL}. Given sender chats:
     * {@link Filters#senderChat(long...)}.
     */
    public static final class SenderChat extends SenderChatFilters {
        private SenderChat() {
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Filter present(String constant, Function<Message, Optional<?>> field) {
        return Filter.message("Filters." + constant, m -> field.apply(m).isPresent());
    }

    private static boolean nonEmpty(Optional<String> value) {
        return value.filter(v -> !v.isEmpty()).isPresent();
    }

    private static final List<Predicate<Message>> ATTACHMENTS = List.of(
            m -> m.animation().isPresent(), m -> m.audio().isPresent(), m -> m.contact().isPresent(),
            m -> m.dice().isPresent(), m -> m.document().isPresent(), m -> m.game().isPresent(),
            m -> m.invoice().isPresent(), m -> m.livePhoto().isPresent(), m -> m.location().isPresent(),
            m -> m.paidMedia().isPresent(), m -> m.passportData().isPresent(), m -> !m.photo().isEmpty(),
            m -> m.poll().isPresent(), m -> m.sticker().isPresent(), m -> m.story().isPresent(),
            m -> m.successfulPayment().isPresent(), m -> m.venue().isPresent(), m -> m.video().isPresent(),
            m -> m.videoNote().isPresent(), m -> m.voice().isPresent());

    private static boolean hasAttachment(Message m) {
        for (Predicate<Message> kind : ATTACHMENTS) {
            if (kind.test(m)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> strings(String factory, String... strings) {
        Objects.requireNonNull(strings, () -> factory + ": strings is null");
        if (strings.length == 0) {
            throw new IllegalArgumentException(factory + ": give at least one string (for any value use the "
                    + "constant, e.g. Filters.TEXT)");
        }
        for (String s : strings) {
            Objects.requireNonNull(s, () -> factory + ": null among the strings");
        }
        return Set.copyOf(Arrays.asList(strings));
    }

    private static List<Long> ids(String factory, long... ids) {
        Objects.requireNonNull(ids, () -> factory + ": ids is null");
        return Arrays.stream(ids).boxed().toList();
    }

    private static List<String> names(String factory, String... usernames) {
        Objects.requireNonNull(usernames, () -> factory + ": usernames is null");
        for (String u : usernames) {
            Objects.requireNonNull(u, () -> factory + ": null username");
        }
        return List.of(usernames);
    }

    private static void requireText(String value, String factory, String what) {
        Objects.requireNonNull(value, () -> factory + ": " + what + " is null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(factory + ": " + what + " is empty");
        }
    }

    private static String quoted(String... values) {
        return Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "(", ")"));
    }
}
