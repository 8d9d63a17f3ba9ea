package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import java.util.List;
import java.util.function.Predicate;

/**
 * PTB's {@code filters.StatusUpdate}: service messages (someone joined, the title changed, a topic was created,
 * ...). Exposed as {@link Filters.StatusUpdate}. Each tests one field of the message for being present and
 * non-empty (Python's truthiness: a non-empty list or string, a non-zero number, {@code true}); every field
 * exists in Bot API 10.1.
 */
class StatusUpdateFilters {

    /** A chat background was set. */
    public static final Filter CHAT_BACKGROUND_SET = status("CHAT_BACKGROUND_SET",
            m -> m.chatBackgroundSet().isPresent());
    /** A group, supergroup or channel was created. */
    public static final Filter CHAT_CREATED = status("CHAT_CREATED",
            m -> m.groupChatCreated() || m.supergroupChatCreated() || m.channelChatCreated());
    /** The chat owner changed. */
    public static final Filter CHAT_OWNER_CHANGED = status("CHAT_OWNER_CHANGED", m -> m.chatOwnerChanged().isPresent());
    /** The chat owner left. */
    public static final Filter CHAT_OWNER_LEFT = status("CHAT_OWNER_LEFT", m -> m.chatOwnerLeft().isPresent());
    /** A chat was shared with the bot (a {@code KeyboardButtonRequestChat} button). */
    public static final Filter CHAT_SHARED = status("CHAT_SHARED", m -> m.chatShared().isPresent());
    /** Tasks were added to a checklist. */
    public static final Filter CHECKLIST_TASKS_ADDED = status("CHECKLIST_TASKS_ADDED",
            m -> m.checklistTasksAdded().isPresent());
    /** Tasks of a checklist were marked done or not done. */
    public static final Filter CHECKLIST_TASKS_DONE = status("CHECKLIST_TASKS_DONE",
            m -> m.checklistTasksDone().isPresent());
    /** The user logged in on a website through the bot (a non-empty domain). */
    public static final Filter CONNECTED_WEBSITE = status("CONNECTED_WEBSITE",
            m -> m.connectedWebsite().filter(s -> !s.isEmpty()).isPresent());
    /** The price of direct messages to the channel changed. */
    public static final Filter DIRECT_MESSAGE_PRICE_CHANGED = status("DIRECT_MESSAGE_PRICE_CHANGED",
            m -> m.directMessagePriceChanged().isPresent());
    /** The chat photo was deleted. */
    public static final Filter DELETE_CHAT_PHOTO = status("DELETE_CHAT_PHOTO", Message::deleteChatPhoto);
    /** A forum topic was closed. */
    public static final Filter FORUM_TOPIC_CLOSED = status("FORUM_TOPIC_CLOSED", m -> m.forumTopicClosed().isPresent());
    /** A forum topic was created. */
    public static final Filter FORUM_TOPIC_CREATED = status("FORUM_TOPIC_CREATED",
            m -> m.forumTopicCreated().isPresent());
    /** A forum topic was edited. */
    public static final Filter FORUM_TOPIC_EDITED = status("FORUM_TOPIC_EDITED", m -> m.forumTopicEdited().isPresent());
    /** A forum topic was reopened. */
    public static final Filter FORUM_TOPIC_REOPENED = status("FORUM_TOPIC_REOPENED",
            m -> m.forumTopicReopened().isPresent());
    /** The General forum topic was hidden. */
    public static final Filter GENERAL_FORUM_TOPIC_HIDDEN = status("GENERAL_FORUM_TOPIC_HIDDEN",
            m -> m.generalForumTopicHidden().isPresent());
    /** The General forum topic was unhidden. */
    public static final Filter GENERAL_FORUM_TOPIC_UNHIDDEN = status("GENERAL_FORUM_TOPIC_UNHIDDEN",
            m -> m.generalForumTopicUnhidden().isPresent());
    /** A regular gift was sent or received. */
    public static final Filter GIFT = status("GIFT", m -> m.gift().isPresent());
    /** An upgrade of a gift was purchased. */
    public static final Filter GIFT_UPGRADE_SENT = status("GIFT_UPGRADE_SENT", m -> m.giftUpgradeSent().isPresent());
    /** A giveaway without public winners was completed. */
    public static final Filter GIVEAWAY_COMPLETED = status("GIVEAWAY_COMPLETED",
            m -> m.giveawayCompleted().isPresent());
    /** A giveaway was scheduled. */
    public static final Filter GIVEAWAY_CREATED = status("GIVEAWAY_CREATED", m -> m.giveawayCreated().isPresent());
    /** A member was removed or left. */
    public static final Filter LEFT_CHAT_MEMBER = status("LEFT_CHAT_MEMBER", m -> m.leftChatMember().isPresent());
    /** A managed bot was created. */
    public static final Filter MANAGED_BOT_CREATED = status("MANAGED_BOT_CREATED",
            m -> m.managedBotCreated().isPresent());
    /** The auto-delete timer changed. */
    public static final Filter MESSAGE_AUTO_DELETE_TIMER_CHANGED = status("MESSAGE_AUTO_DELETE_TIMER_CHANGED",
            m -> m.messageAutoDeleteTimerChanged().isPresent());
    /**
     * The group migrated to a supergroup (either side of the migration: {@code migrate_to_chat_id} or {@code
     * migrate_from_chat_id}).
     */
    public static final Filter MIGRATE = status("MIGRATE",
            m -> m.migrateToChatId().orElse(0) != 0 || m.migrateFromChatId().orElse(0) != 0);
    /** Members were added (a non-empty list). */
    public static final Filter NEW_CHAT_MEMBERS = status("NEW_CHAT_MEMBERS", m -> !m.newChatMembers().isEmpty());
    /** The chat photo changed. */
    public static final Filter NEW_CHAT_PHOTO = status("NEW_CHAT_PHOTO", m -> !m.newChatPhoto().isEmpty());
    /** The chat title changed (a non-empty title). */
    public static final Filter NEW_CHAT_TITLE = status("NEW_CHAT_TITLE",
            m -> m.newChatTitle().filter(s -> !s.isEmpty()).isPresent());
    /** The price of paid messages changed. */
    public static final Filter PAID_MESSAGE_PRICE_CHANGED = status("PAID_MESSAGE_PRICE_CHANGED",
            m -> m.paidMessagePriceChanged().isPresent());
    /** A message was pinned. */
    public static final Filter PINNED_MESSAGE = status("PINNED_MESSAGE", m -> m.pinnedMessage().isPresent());
    /** An option was added to a poll. */
    public static final Filter POLL_OPTION_ADDED = status("POLL_OPTION_ADDED", m -> m.pollOptionAdded().isPresent());
    /** An option was deleted from a poll. */
    public static final Filter POLL_OPTION_DELETED = status("POLL_OPTION_DELETED",
            m -> m.pollOptionDeleted().isPresent());
    /** A user in the chat triggered a proximity alert. */
    public static final Filter PROXIMITY_ALERT_TRIGGERED = status("PROXIMITY_ALERT_TRIGGERED",
            m -> m.proximityAlertTriggered().isPresent());
    /** A payment was refunded. */
    public static final Filter REFUNDED_PAYMENT = status("REFUNDED_PAYMENT", m -> m.refundedPayment().isPresent());
    /** Approving a suggested post failed. */
    public static final Filter SUGGESTED_POST_APPROVAL_FAILED = status("SUGGESTED_POST_APPROVAL_FAILED",
            m -> m.suggestedPostApprovalFailed().isPresent());
    /** A suggested post was approved. */
    public static final Filter SUGGESTED_POST_APPROVED = status("SUGGESTED_POST_APPROVED",
            m -> m.suggestedPostApproved().isPresent());
    /** A suggested post was declined. */
    public static final Filter SUGGESTED_POST_DECLINED = status("SUGGESTED_POST_DECLINED",
            m -> m.suggestedPostDeclined().isPresent());
    /** A suggested post was paid for. */
    public static final Filter SUGGESTED_POST_PAID = status("SUGGESTED_POST_PAID",
            m -> m.suggestedPostPaid().isPresent());
    /** The payment for a suggested post was refunded. */
    public static final Filter SUGGESTED_POST_REFUNDED = status("SUGGESTED_POST_REFUNDED",
            m -> m.suggestedPostRefunded().isPresent());
    /** A unique gift was sent or received. */
    public static final Filter UNIQUE_GIFT = status("UNIQUE_GIFT", m -> m.uniqueGift().isPresent());
    /** Users were shared with the bot (a {@code KeyboardButtonRequestUsers} button). */
    public static final Filter USERS_SHARED = status("USERS_SHARED", m -> m.usersShared().isPresent());
    /** A video chat ended. */
    public static final Filter VIDEO_CHAT_ENDED = status("VIDEO_CHAT_ENDED", m -> m.videoChatEnded().isPresent());
    /** Participants were invited to a video chat. */
    public static final Filter VIDEO_CHAT_PARTICIPANTS_INVITED = status("VIDEO_CHAT_PARTICIPANTS_INVITED",
            m -> m.videoChatParticipantsInvited().isPresent());
    /** A video chat was scheduled. */
    public static final Filter VIDEO_CHAT_SCHEDULED = status("VIDEO_CHAT_SCHEDULED",
            m -> m.videoChatScheduled().isPresent());
    /** A video chat started. */
    public static final Filter VIDEO_CHAT_STARTED = status("VIDEO_CHAT_STARTED", m -> m.videoChatStarted().isPresent());
    /** A Web App sent data (through {@code Telegram.WebApp.sendData}). */
    public static final Filter WEB_APP_DATA = status("WEB_APP_DATA", m -> m.webAppData().isPresent());
    /** The user allowed the bot to write (a Web App, attachment menu or login). */
    public static final Filter WRITE_ACCESS_ALLOWED = status("WRITE_ACCESS_ALLOWED",
            m -> m.writeAccessAllowed().isPresent());

    /** Any of the status updates above (checked in this order, the first that passes wins). */
    public static final Filter ALL = any(List.of(
                CHAT_BACKGROUND_SET,
                CHAT_CREATED,
                CHAT_OWNER_CHANGED,
                CHAT_OWNER_LEFT,
                CHAT_SHARED,
                CHECKLIST_TASKS_ADDED,
                CHECKLIST_TASKS_DONE,
                CONNECTED_WEBSITE,
                DIRECT_MESSAGE_PRICE_CHANGED,
                DELETE_CHAT_PHOTO,
                FORUM_TOPIC_CLOSED,
                FORUM_TOPIC_CREATED,
                FORUM_TOPIC_EDITED,
                FORUM_TOPIC_REOPENED,
                GENERAL_FORUM_TOPIC_HIDDEN,
                GENERAL_FORUM_TOPIC_UNHIDDEN,
                GIFT,
                GIFT_UPGRADE_SENT,
                GIVEAWAY_COMPLETED,
                GIVEAWAY_CREATED,
                LEFT_CHAT_MEMBER,
                MANAGED_BOT_CREATED,
                MESSAGE_AUTO_DELETE_TIMER_CHANGED,
                MIGRATE,
                NEW_CHAT_MEMBERS,
                NEW_CHAT_PHOTO,
                NEW_CHAT_TITLE,
                PAID_MESSAGE_PRICE_CHANGED,
                PINNED_MESSAGE,
                POLL_OPTION_ADDED,
                POLL_OPTION_DELETED,
                PROXIMITY_ALERT_TRIGGERED,
                REFUNDED_PAYMENT,
                SUGGESTED_POST_APPROVAL_FAILED,
                SUGGESTED_POST_APPROVED,
                SUGGESTED_POST_DECLINED,
                SUGGESTED_POST_PAID,
                SUGGESTED_POST_REFUNDED,
                UNIQUE_GIFT,
                USERS_SHARED,
                VIDEO_CHAT_ENDED,
                VIDEO_CHAT_PARTICIPANTS_INVITED,
                VIDEO_CHAT_SCHEDULED,
                VIDEO_CHAT_STARTED,
                WEB_APP_DATA,
                WRITE_ACCESS_ALLOWED));

    StatusUpdateFilters() {
    }

    private static Filter status(String constant, Predicate<Message> test) {
        return Filter.message("Filters.StatusUpdate." + constant, test);
    }

    private static Filter any(List<Filter> members) {
        return Filter.update("Filters.StatusUpdate.ALL", u -> {
            for (Filter f : members) {
                if (f.check(u).passed()) {
                    return true;
                }
            }
            return false;
        });
    }
}
