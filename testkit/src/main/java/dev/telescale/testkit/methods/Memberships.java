package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.ChatRoom;
import dev.telescale.testkit.state.UserAccount;
import dev.telescale.testkit.state.World;

/**
 * Chat membership as Telegram reports it: ChatMember objects of each status, and membership changes that produce
 * a my_chat_member update for the bot concerned, chat_member updates for the chat's administrator bots (delivered
 * only to bots that asked for "chat_member" in allowed_updates, as Telegram does) and the new_chat_members /
 * left_chat_member service messages of groups.
 */
public final class Memberships {

    private Memberships() {
    }

    /** Whether a status means being in the chat. */
    public static boolean isIn(String status) {
        return status.equals("creator") || status.equals("administrator") || status.equals("member");
    }

    /** The current ChatMember JSON of a user or bot in a chat. */
    public static ObjectNode current(ChatRoom room, ObjectNode user) {
        long id = user.path("id").asLong();
        ObjectNode member = room.members().get(id);
        if (member != null) {
            return member;
        }
        boolean present = user.path("is_bot").asBoolean()
                ? room.bots().stream().anyMatch(bot -> bot.id() == id)
                : room.users().stream().anyMatch(u -> u.id() == id);
        return of(user, present ? (room.isChannel() && user.path("is_bot").asBoolean() ? "administrator" : "member") : "left",
                room);
    }

    /** A ChatMember of the given status with the fields the Bot API requires for it. */
    public static ObjectNode of(ObjectNode user, String status, ChatRoom room) {
        ObjectNode member = Json.object().put("status", status);
        member.set("user", user);
        switch (status) {
            case "creator" -> member.put("is_anonymous", false);
            case "administrator" -> {
                member.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                        .put("can_delete_messages", true).put("can_manage_video_chats", true)
                        .put("can_restrict_members", true).put("can_promote_members", false)
                        .put("can_change_info", true).put("can_invite_users", true).put("can_post_stories", true)
                        .put("can_edit_stories", true).put("can_delete_stories", true);
                if (room.isChannel()) {
                    member.put("can_post_messages", true).put("can_edit_messages", true);
                } else {
                    member.put("can_pin_messages", true);
                    if (room.chat().path("is_forum").asBoolean()) {
                        member.put("can_manage_topics", true);
                    }
                }
            }
            case "kicked" -> member.put("until_date", 0);
            default -> {
            }
        }
        return member;
    }

    /**
     * Changes the membership of a user ({@code bot} null) or a bot in a chat and tells the bots.
     *
     * @param actor           the User JSON of who made the change (the "from" of updates and service messages)
     * @param subject         the User JSON of the member whose status changes
     * @param bot             the bot whose membership changes, or null when the subject is a user
     * @param user            the user whose membership changes, or null when the subject is a bot
     * @param newStatus       "creator", "administrator", "member", "left" or "kicked"
     * @param viaJoinRequest  whether the change approves a join request
     * @return the ChatMemberUpdated JSON
     */
    public static ObjectNode change(World world, ChatRoom room, ObjectNode actor, ObjectNode subject, BotAccount bot,
                                    UserAccount user, String newStatus, boolean viaJoinRequest) {
        ObjectNode old = current(room, subject);
        ObjectNode next = of(subject, newStatus, room);
        long id = subject.path("id").asLong();
        room.members().put(id, next);
        boolean wasIn = isIn(old.path("status").asText());
        boolean nowIn = isIn(newStatus);
        if (!room.isPrivate()) {
            if (bot != null) {
                if (nowIn && !room.bots().contains(bot)) {
                    room.bots().add(bot);
                } else if (!nowIn) {
                    room.bots().remove(bot);
                }
            } else if (nowIn && !room.users().contains(user)) {
                room.users().add(user);
            } else if (!nowIn) {
                room.users().remove(user);
            }
        }
        ObjectNode updated = Json.object();
        updated.set("chat", room.chat());
        updated.set("from", actor);
        updated.put("date", world.now());
        updated.set("old_chat_member", old);
        updated.set("new_chat_member", next);
        if (viaJoinRequest) {
            updated.put("via_join_request", true);
        }
        if (bot != null) {
            bot.updates().add(update("my_chat_member", updated));
        }
        if (!room.isPrivate()) {
            for (BotAccount admin : room.bots()) {
                if (admin != bot && isAdministrator(room, admin)) {
                    admin.updates().add(update("chat_member", updated));
                }
            }
        }
        if (!room.isPrivate() && !room.isChannel() && wasIn != nowIn) {
            serviceMessage(world, room, actor, subject, nowIn);
        }
        return updated;
    }

    private static void serviceMessage(World world, ChatRoom room, ObjectNode actor, ObjectNode subject, boolean joined) {
        ObjectNode message = room.log().append(messageId -> {
            ObjectNode m = Messages.envelope(messageId, world, room);
            m.set("from", actor);
            if (joined) {
                m.putArray("new_chat_members").add(subject);
            } else {
                m.set("left_chat_member", subject);
            }
            return m;
        });
        for (BotAccount member : room.bots()) {
            member.updates().add(update("message", message));
        }
    }

    /** Whether a bot is an administrator of a chat (it then gets chat_member and chat_join_request updates). */
    public static boolean isAdministrator(ChatRoom room, BotAccount bot) {
        ObjectNode member = room.members().get(bot.id());
        String status = member == null ? (room.isChannel() && room.bots().contains(bot) ? "administrator" : "")
                : member.path("status").asText();
        return status.equals("administrator") || status.equals("creator");
    }

    static ObjectNode update(String type, ObjectNode payload) {
        ObjectNode update = Json.object();
        update.set(type, payload);
        return update;
    }
}
