package dev.telescale.examples;

import dev.telescale.api.ChatId;
import dev.telescale.api.types.Chat;
import dev.telescale.api.types.ChatMember;
import dev.telescale.api.types.ChatMemberRestricted;
import dev.telescale.api.types.ChatMemberUpdated;
import dev.telescale.bot.text.Html;
import dev.telescale.bot.text.Names;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.handler.ChatMemberHandler;
import dev.telescale.core.handler.CommandHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat membership (PTB's {@code chatmemberbot.py}): the bot keeps track of the private chats, groups and channels it
 * is in ({@code my_chat_member} updates, logged), {@code /show_chats} lists them, and in groups where it is an
 * administrator it greets members who join and says goodbye to those who leave ({@code chat_member} updates, which
 * Telegram sends only when asked for: the bot polls for every update kind).
 *
 * <p>The ids are sorted sets, listed in ascending order, where Python lists its sets in hash order.
 */
public final class ChatMemberBot {

    private static final Logger log = LoggerFactory.getLogger(ChatMemberBot.class);
    private static final Set<String> MEMBER_STATUSES = Set.of("member", "creator", "administrator");

    /** Whether the user was a member before and is one after a change of status. */
    record StatusChange(boolean wasMember, boolean isMember) {
    }

    private ChatMemberBot() {
    }

    public static void main(String[] args) {
        build(Environment.botToken(), Environment.apiBaseUrl()).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers; {@code apiBaseUrl} null means Telegram's server. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(new ChatMemberHandler<DefaultContext>((update, context) ->
                trackChats(update.myChatMember().orElseThrow(), context)).types(ChatMemberHandler.Type.MY_CHAT_MEMBER));
        app.addHandler(new CommandHandler<>("show_chats", (update, context) -> context.replyText(
                "@" + context.application().botUser().username().orElseThrow()
                        + " is currently in a conversation with the user IDs " + joined(ids(context.botData(), "user_ids"))
                        + ". Moreover it is a member of the groups with IDs " + joined(ids(context.botData(), "group_ids"))
                        + " and administrator in the channels with IDs " + joined(ids(context.botData(), "channel_ids"))
                        + ".")));
        app.addHandler(new ChatMemberHandler<DefaultContext>((update, context) -> {
            ChatMemberUpdated change = update.chatMember().orElseThrow();
            Optional<StatusChange> result = statusChange(change);
            if (result.isEmpty()) {
                return;
            }
            String cause = Html.mention(change.from());
            String member = Html.mention(change.newChatMember().user());
            String text;
            if (!result.get().wasMember() && result.get().isMember()) {
                text = member + " was added by " + cause + ". Welcome!";
            } else if (result.get().wasMember() && !result.get().isMember()) {
                text = member + " is no longer with us. Thanks a lot, " + cause + " ...";
            } else {
                return;
            }
            context.bot().sendMessage(b -> b.chatId(ChatId.of(change.chat().id())).text(text).parseMode("HTML"));
        }).types(ChatMemberHandler.Type.CHAT_MEMBER));
        return app;
    }

    /**
     * Whether the member was and is a member, or empty when the status did not change. Restricted members count
     * when they are still in the chat ({@code is_member}).
     */
    static Optional<StatusChange> statusChange(ChatMemberUpdated change) {
        ChatMember before = change.oldChatMember();
        ChatMember after = change.newChatMember();
        if (before.status().equals(after.status())) {
            return Optional.empty();
        }
        return Optional.of(new StatusChange(isMember(before), isMember(after)));
    }

    private static boolean isMember(ChatMember member) {
        return MEMBER_STATUSES.contains(member.status())
                || member instanceof ChatMemberRestricted restricted && restricted.isMember();
    }

    private static void trackChats(ChatMemberUpdated change, DefaultContext context) {
        Optional<StatusChange> result = statusChange(change);
        if (result.isEmpty()) {
            return;
        }
        boolean joined = !result.get().wasMember() && result.get().isMember();
        boolean left = result.get().wasMember() && !result.get().isMember();
        // Who is responsible for the change.
        String cause = Names.fullName(context.effectiveUser().orElseThrow());
        Chat chat = change.chat();
        Map<String, Object> botData = context.botData();
        switch (chat.type()) {
            case "private" -> {
                if (joined) {
                    log.info("{} started the bot", cause);
                    ids(botData, "user_ids").add(chat.id());
                } else if (left) {
                    log.info("{} blocked the bot", cause);
                    ids(botData, "user_ids").remove(chat.id());
                }
            }
            case "group", "supergroup" -> {
                if (joined) {
                    log.info("{} added the bot to the group {}", cause, chat.title().orElse(null));
                    ids(botData, "group_ids").add(chat.id());
                } else if (left) {
                    log.info("{} removed the bot from the group {}", cause, chat.title().orElse(null));
                    ids(botData, "group_ids").remove(chat.id());
                }
            }
            default -> {
                if (joined) {
                    log.info("{} added the bot to the channel {}", cause, chat.title().orElse(null));
                    ids(botData, "channel_ids").add(chat.id());
                } else if (left) {
                    log.info("{} removed the bot from the channel {}", cause, chat.title().orElse(null));
                    ids(botData, "channel_ids").remove(chat.id());
                }
            }
        }
    }

    @SuppressWarnings("unchecked") // only this class puts these keys, always as Set<Long>
    private static Set<Long> ids(Map<String, Object> botData, String key) {
        return (Set<Long>) botData.computeIfAbsent(key, k -> new ConcurrentSkipListSet<Long>());
    }

    private static String joined(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
