package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import dev.telescale.api.types.MessageEntity;
import dev.telescale.api.types.Update;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ready-made filters (PTB's {@code filters} module): the basic set needed by the first handlers. Each is immutable
 * and may be shared and combined ({@code Filters.TEXT.and(Filters.COMMAND.not())}).
 */
public final class Filters {

    /** Every message-like update (PTB's {@code filters.ALL}). */
    public static final Filter ALL = Filter.message("All", m -> true);

    /** Messages with a non-empty text, commands included. */
    public static final Filter TEXT = Filter.message("Text", m -> m.text().filter(t -> !t.isEmpty()).isPresent());

    /** Messages starting with a bot command (a {@code bot_command} entity at offset 0). */
    public static final Filter COMMAND = command(true);

    private Filters() {
    }

    /** Messages whose text is exactly one of {@code strings}. */
    public static Filter text(String... strings) {
        Set<String> allowed = Set.of(strings);
        return Filter.message("Text" + List.of(strings), m -> m.text().filter(allowed::contains).isPresent());
    }

    /**
     * Messages with a bot command: at the start when {@code onlyStart} (PTB's default), else anywhere in the text.
     */
    public static Filter command(boolean onlyStart) {
        return Filter.message(onlyStart ? "Command" : "Command(onlyStart=false)", m -> {
            List<MessageEntity> entities = m.entities();
            if (entities.isEmpty()) {
                return false;
            }
            if (onlyStart) {
                MessageEntity first = entities.get(0);
                return first.type().equals("bot_command") && first.offset() == 0;
            }
            return entities.stream().anyMatch(e -> e.type().equals("bot_command"));
        });
    }

    /**
     * Messages whose text contains a match of {@code regex} (searched anywhere, Java's {@code find()}, as PTB's
     * {@code re.search}). A data filter: the match lands in {@code context.matches()}.
     */
    public static Filter regex(String regex) {
        return regex(Pattern.compile(regex));
    }

    /** As {@link #regex(String)} with a compiled pattern (for flags). */
    public static Filter regex(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return Filter.messageData("Regex(" + pattern.pattern() + ")", m -> {
            if (m.text().isEmpty()) {
                return FilterResult.reject();
            }
            Matcher matcher = pattern.matcher(m.text().get());
            if (!matcher.find()) {
                return FilterResult.reject();
            }
            return FilterResult.pass(Map.of(FilterResult.MATCHES, List.of(matcher.toMatchResult())));
        });
    }

    /** Filters on the type of the message's chat (PTB's {@code filters.ChatType}). */
    public static final class ChatType {
        /** Private chats with a user. */
        public static final Filter PRIVATE = chatType("ChatType.PRIVATE", "private");
        /** Basic groups. */
        public static final Filter GROUP = chatType("ChatType.GROUP", "group");
        /** Supergroups. */
        public static final Filter SUPERGROUP = chatType("ChatType.SUPERGROUP", "supergroup");
        /** Channels. */
        public static final Filter CHANNEL = chatType("ChatType.CHANNEL", "channel");
        /** Groups and supergroups. */
        public static final Filter GROUPS = Filter.message("ChatType.GROUPS",
                m -> m.chat().type().equals("group") || m.chat().type().equals("supergroup"));

        private ChatType() {
        }

        private static Filter chatType(String name, String type) {
            return Filter.message(name, m -> m.chat().type().equals(type));
        }
    }

    /** Filters on which kind of message update it is (PTB's {@code filters.UpdateType}). */
    public static final class UpdateType {
        /** New messages. */
        public static final Filter MESSAGE = kind("UpdateType.MESSAGE", Update::message);
        /** Edited messages. */
        public static final Filter EDITED_MESSAGE = kind("UpdateType.EDITED_MESSAGE", Update::editedMessage);
        /** New or edited messages: the default filter of {@code CommandHandler}. */
        public static final Filter MESSAGES = Filter.update("UpdateType.MESSAGES",
                u -> u.message().isPresent() || u.editedMessage().isPresent());
        /** New channel posts. */
        public static final Filter CHANNEL_POST = kind("UpdateType.CHANNEL_POST", Update::channelPost);
        /** Edited channel posts. */
        public static final Filter EDITED_CHANNEL_POST = kind("UpdateType.EDITED_CHANNEL_POST",
                Update::editedChannelPost);
        /** New or edited channel posts. */
        public static final Filter CHANNEL_POSTS = Filter.update("UpdateType.CHANNEL_POSTS",
                u -> u.channelPost().isPresent() || u.editedChannelPost().isPresent());
        /** Edited messages, channel posts and business messages. */
        public static final Filter EDITED = Filter.update("UpdateType.EDITED",
                u -> u.editedMessage().isPresent() || u.editedChannelPost().isPresent()
                        || u.editedBusinessMessage().isPresent());
        /** New business messages. */
        public static final Filter BUSINESS_MESSAGE = kind("UpdateType.BUSINESS_MESSAGE", Update::businessMessage);
        /** Edited business messages. */
        public static final Filter EDITED_BUSINESS_MESSAGE = kind("UpdateType.EDITED_BUSINESS_MESSAGE",
                Update::editedBusinessMessage);
        /** New or edited business messages. */
        public static final Filter BUSINESS_MESSAGES = Filter.update("UpdateType.BUSINESS_MESSAGES",
                u -> u.businessMessage().isPresent() || u.editedBusinessMessage().isPresent());

        private UpdateType() {
        }

        private static Filter kind(String name, java.util.function.Function<Update, java.util.Optional<Message>> part) {
            return Filter.update(name, u -> part.apply(u).isPresent());
        }
    }
}
