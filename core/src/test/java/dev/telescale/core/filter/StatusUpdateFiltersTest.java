package dev.telescale.core.filter;

import static dev.telescale.core.filter.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every member of {@code Filters.StatusUpdate} (PTB 22.8's {@code StatusUpdate}, §8.4) and {@code ALL}. */
class StatusUpdateFiltersTest {

    private static final String USER = Updates.USER;
    private static final String CHAT = Updates.PRIVATE;

    /** constant, filter, fields of a service message it passes, fields of a look-alike it rejects (or null). */
    static Stream<Arguments> members() {
        return Stream.of(
                row("CHAT_BACKGROUND_SET", Filters.StatusUpdate.CHAT_BACKGROUND_SET,
                        "'chat_background_set':{'type':{'type':'fill'}}", null),
                row("CHAT_CREATED", Filters.StatusUpdate.CHAT_CREATED, "'group_chat_created':true",
                        "'group_chat_created':false"),
                row("CHAT_OWNER_CHANGED", Filters.StatusUpdate.CHAT_OWNER_CHANGED,
                        "'chat_owner_changed':{'new_owner':" + USER + "}", null),
                row("CHAT_OWNER_LEFT", Filters.StatusUpdate.CHAT_OWNER_LEFT, "'chat_owner_left':{}", null),
                row("CHAT_SHARED", Filters.StatusUpdate.CHAT_SHARED, "'chat_shared':{'request_id':1,'chat_id':2}",
                        null),
                row("CHECKLIST_TASKS_ADDED", Filters.StatusUpdate.CHECKLIST_TASKS_ADDED,
                        "'checklist_tasks_added':{'tasks':[]}", null),
                row("CHECKLIST_TASKS_DONE", Filters.StatusUpdate.CHECKLIST_TASKS_DONE, "'checklist_tasks_done':{}",
                        null),
                row("CONNECTED_WEBSITE", Filters.StatusUpdate.CONNECTED_WEBSITE, "'connected_website':'a.com'",
                        "'connected_website':''"),
                row("DIRECT_MESSAGE_PRICE_CHANGED", Filters.StatusUpdate.DIRECT_MESSAGE_PRICE_CHANGED,
                        "'direct_message_price_changed':{'are_direct_messages_enabled':true}", null),
                row("DELETE_CHAT_PHOTO", Filters.StatusUpdate.DELETE_CHAT_PHOTO, "'delete_chat_photo':true",
                        "'delete_chat_photo':false"),
                row("FORUM_TOPIC_CLOSED", Filters.StatusUpdate.FORUM_TOPIC_CLOSED, "'forum_topic_closed':{}", null),
                row("FORUM_TOPIC_CREATED", Filters.StatusUpdate.FORUM_TOPIC_CREATED,
                        "'forum_topic_created':{'name':'t','icon_color':1}", null),
                row("FORUM_TOPIC_EDITED", Filters.StatusUpdate.FORUM_TOPIC_EDITED, "'forum_topic_edited':{}", null),
                row("FORUM_TOPIC_REOPENED", Filters.StatusUpdate.FORUM_TOPIC_REOPENED, "'forum_topic_reopened':{}",
                        null),
                row("GENERAL_FORUM_TOPIC_HIDDEN", Filters.StatusUpdate.GENERAL_FORUM_TOPIC_HIDDEN,
                        "'general_forum_topic_hidden':{}", null),
                row("GENERAL_FORUM_TOPIC_UNHIDDEN", Filters.StatusUpdate.GENERAL_FORUM_TOPIC_UNHIDDEN,
                        "'general_forum_topic_unhidden':{}", null),
                row("GIFT", Filters.StatusUpdate.GIFT, "'gift':{'gift':{'id':'g'}}", null),
                row("GIFT_UPGRADE_SENT", Filters.StatusUpdate.GIFT_UPGRADE_SENT,
                        "'gift_upgrade_sent':{'gift':{'id':'g'}}", "'gift':{'gift':{'id':'g'}}"),
                row("GIVEAWAY_COMPLETED", Filters.StatusUpdate.GIVEAWAY_COMPLETED,
                        "'giveaway_completed':{'winner_count':1}", null),
                row("GIVEAWAY_CREATED", Filters.StatusUpdate.GIVEAWAY_CREATED, "'giveaway_created':{}", null),
                row("LEFT_CHAT_MEMBER", Filters.StatusUpdate.LEFT_CHAT_MEMBER, "'left_chat_member':" + USER, null),
                row("MANAGED_BOT_CREATED", Filters.StatusUpdate.MANAGED_BOT_CREATED,
                        "'managed_bot_created':{'bot':" + USER + "}", null),
                row("MESSAGE_AUTO_DELETE_TIMER_CHANGED", Filters.StatusUpdate.MESSAGE_AUTO_DELETE_TIMER_CHANGED,
                        "'message_auto_delete_timer_changed':{'message_auto_delete_time':60}", null),
                row("MIGRATE", Filters.StatusUpdate.MIGRATE, "'migrate_to_chat_id':-1001", "'migrate_to_chat_id':0"),
                row("NEW_CHAT_MEMBERS", Filters.StatusUpdate.NEW_CHAT_MEMBERS, "'new_chat_members':[" + USER + "]",
                        "'new_chat_members':[]"),
                row("NEW_CHAT_PHOTO", Filters.StatusUpdate.NEW_CHAT_PHOTO,
                        "'new_chat_photo':[{'file_id':'f','file_unique_id':'u','width':1,'height':1}]",
                        "'new_chat_photo':[]"),
                row("NEW_CHAT_TITLE", Filters.StatusUpdate.NEW_CHAT_TITLE, "'new_chat_title':'T'",
                        "'new_chat_title':''"),
                row("PAID_MESSAGE_PRICE_CHANGED", Filters.StatusUpdate.PAID_MESSAGE_PRICE_CHANGED,
                        "'paid_message_price_changed':{'paid_message_star_count':5}", null),
                row("PINNED_MESSAGE", Filters.StatusUpdate.PINNED_MESSAGE,
                        "'pinned_message':{'message_id':3,'date':0,'chat':" + CHAT + "}", null),
                row("POLL_OPTION_ADDED", Filters.StatusUpdate.POLL_OPTION_ADDED, "'poll_option_added':{}", null),
                row("POLL_OPTION_DELETED", Filters.StatusUpdate.POLL_OPTION_DELETED, "'poll_option_deleted':{}",
                        null),
                row("PROXIMITY_ALERT_TRIGGERED", Filters.StatusUpdate.PROXIMITY_ALERT_TRIGGERED,
                        "'proximity_alert_triggered':{'traveler':" + USER + ",'watcher':" + USER + ",'distance':5}",
                        null),
                row("REFUNDED_PAYMENT", Filters.StatusUpdate.REFUNDED_PAYMENT,
                        "'refunded_payment':{'currency':'XTR','total_amount':1}", null),
                row("SUGGESTED_POST_APPROVAL_FAILED", Filters.StatusUpdate.SUGGESTED_POST_APPROVAL_FAILED,
                        "'suggested_post_approval_failed':{}", null),
                row("SUGGESTED_POST_APPROVED", Filters.StatusUpdate.SUGGESTED_POST_APPROVED,
                        "'suggested_post_approved':{'send_date':0}", null),
                row("SUGGESTED_POST_DECLINED", Filters.StatusUpdate.SUGGESTED_POST_DECLINED,
                        "'suggested_post_declined':{}", null),
                row("SUGGESTED_POST_PAID", Filters.StatusUpdate.SUGGESTED_POST_PAID,
                        "'suggested_post_paid':{'currency':'XTR'}", null),
                row("SUGGESTED_POST_REFUNDED", Filters.StatusUpdate.SUGGESTED_POST_REFUNDED,
                        "'suggested_post_refunded':{'reason':'post_deleted'}", null),
                row("UNIQUE_GIFT", Filters.StatusUpdate.UNIQUE_GIFT, "'unique_gift':{'origin':'upgrade'}", null),
                row("USERS_SHARED", Filters.StatusUpdate.USERS_SHARED, "'users_shared':{'request_id':1,'users':[]}",
                        null),
                row("VIDEO_CHAT_ENDED", Filters.StatusUpdate.VIDEO_CHAT_ENDED, "'video_chat_ended':{'duration':5}",
                        null),
                row("VIDEO_CHAT_PARTICIPANTS_INVITED", Filters.StatusUpdate.VIDEO_CHAT_PARTICIPANTS_INVITED,
                        "'video_chat_participants_invited':{'users':[]}", null),
                row("VIDEO_CHAT_SCHEDULED", Filters.StatusUpdate.VIDEO_CHAT_SCHEDULED,
                        "'video_chat_scheduled':{'start_date':1}", null),
                row("VIDEO_CHAT_STARTED", Filters.StatusUpdate.VIDEO_CHAT_STARTED, "'video_chat_started':{}", null),
                row("WEB_APP_DATA", Filters.StatusUpdate.WEB_APP_DATA,
                        "'web_app_data':{'data':'d','button_text':'b'}", null),
                row("WRITE_ACCESS_ALLOWED", Filters.StatusUpdate.WRITE_ACCESS_ALLOWED,
                        "'write_access_allowed':{}", null));
    }

    private static Arguments row(String constant, Filter filter, String passing, String rejected) {
        return Arguments.of(constant, filter, passing, rejected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("members")
    void memberPassesItsServiceMessageAndAllToo(String constant, Filter filter, String passing, String rejected) {
        assertEquals("Filters.StatusUpdate." + constant, filter.toString());
        Update service = message(passing);
        assertTrue(filter.check(service).passed());
        assertTrue(Filters.StatusUpdate.ALL.check(service).passed(), "ALL includes " + constant);
        assertFalse(filter.check(message("'text':'x'")).passed());
        if (rejected != null) {
            assertFalse(filter.check(message(rejected)).passed(), "falsy " + rejected);
        }
        for (Update u : Updates.withoutMessage()) {
            assertFalse(filter.check(u).passed());
            assertFalse(filter.not().check(u).passed());
        }
    }

    @Test
    void chatCreatedAndMigrateCoverEveryVariant() {
        for (String field : new String[] {"'group_chat_created':true", "'supergroup_chat_created':true",
                "'channel_chat_created':true"}) {
            assertTrue(Filters.StatusUpdate.CHAT_CREATED.check(message(field)).passed(), field);
        }
        assertTrue(Filters.StatusUpdate.MIGRATE.check(message("'migrate_from_chat_id':-5")).passed());
    }

    @Test
    void allRejectsOrdinaryMessages() {
        for (String field : new String[] {"'text':'x'", "'caption':'c'", "'new_chat_members':[]",
                "'delete_chat_photo':false", "'dice':{'emoji':'🎲','value':1}"}) {
            assertFalse(Filters.StatusUpdate.ALL.check(message(field)).passed(), field);
        }
        assertEquals("Filters.StatusUpdate.ALL", Filters.StatusUpdate.ALL.toString());
    }

    @Test
    void everyDeclaredMemberIsTested() throws IllegalAccessException {
        Set<String> declared = new HashSet<>();
        for (Field f : Filters.StatusUpdate.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Filter.class && !f.getName().equals("ALL")) {
                declared.add(f.getName());
            }
        }
        Set<String> tested = new HashSet<>();
        members().forEach(a -> tested.add((String) a.get()[0]));
        assertEquals(declared, tested);
        assertEquals(46, declared.size(), "PTB 22.8 lists 46 members besides ALL");
    }
}
