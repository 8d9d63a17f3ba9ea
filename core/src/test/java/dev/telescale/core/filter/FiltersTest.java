package dev.telescale.core.filter;

import static dev.telescale.core.filter.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The ready-made constants of PTB's filters module (§8.2) and the simple parametrised ones (§8.3): each passes a
 * message with its field truthy, rejects one with the field missing or falsy, and rejects updates without a
 * message (also inverted).
 */
class FiltersTest {

    private static final String PHOTO = "'photo':[{'file_id':'f','file_unique_id':'u','width':1,'height':1}]";
    private static final String FILE = "{'file_id':'f','file_unique_id':'u'}";
    private static final String TEXT = "'text':'hi'";

    /** name, filter, fields of a message it passes, fields of a message it rejects. */
    static Stream<Arguments> constants() {
        return Stream.of(
                row("Filters.ALL", Filters.ALL, "", null),
                row("Filters.ANIMATION", Filters.ANIMATION, "'animation':" + FILE, TEXT),
                row("Filters.ATTACHMENT", Filters.ATTACHMENT, "'voice':" + FILE, TEXT),
                row("Filters.AUDIO", Filters.AUDIO, "'audio':" + FILE, "'voice':" + FILE),
                row("Filters.CAPTION", Filters.CAPTION, "'caption':'c'", "'caption':''"),
                row("Filters.CHECKLIST", Filters.CHECKLIST, "'checklist':{'title':'t','tasks':[]}", TEXT),
                row("Filters.COMMAND", Filters.COMMAND, "'text':'/start','entities':[{'type':'bot_command',"
                        + "'offset':0,'length':6}]", "'text':'a /start','entities':[{'type':'bot_command',"
                        + "'offset':2,'length':6}]"),
                row("Filters.CONTACT", Filters.CONTACT, "'contact':{'phone_number':'1','first_name':'A'}", TEXT),
                row("Filters.GAME", Filters.GAME, "'game':{'title':'g','description':'d','photo':[]}", TEXT),
                row("Filters.GIVEAWAY", Filters.GIVEAWAY, "'giveaway':{'chats':[],'winners_selection_date':0,"
                        + "'winner_count':1}", TEXT),
                row("Filters.GIVEAWAY_WINNERS", Filters.GIVEAWAY_WINNERS, "'giveaway_winners':{'chat':"
                        + Updates.PRIVATE + ",'giveaway_message_id':1,'winners_selection_date':0,'winner_count':1,"
                        + "'winners':[]}", "'giveaway':{'chats':[],'winners_selection_date':0,'winner_count':1}"),
                row("Filters.INVOICE", Filters.INVOICE, "'invoice':{'title':'t','description':'d',"
                        + "'start_parameter':'s','currency':'EUR','total_amount':1}", TEXT),
                row("Filters.LIVE_PHOTO", Filters.LIVE_PHOTO, "'live_photo':{}", PHOTO),
                row("Filters.LOCATION", Filters.LOCATION, "'location':{'latitude':1.5,'longitude':2.5}", TEXT),
                row("Filters.PAID_MEDIA", Filters.PAID_MEDIA, "'paid_media':{'star_count':1,'paid_media':[]}", TEXT),
                row("Filters.PASSPORT_DATA", Filters.PASSPORT_DATA, "'passport_data':{'data':[],'credentials':"
                        + "{'data':'d','hash':'h','secret':'s'}}", TEXT),
                row("Filters.PHOTO", Filters.PHOTO, PHOTO, "'photo':[]"),
                row("Filters.POLL", Filters.POLL, "'poll':{'id':'p','question':'q','options':[]}", TEXT),
                row("Filters.STORY", Filters.STORY, "'story':{'chat':" + Updates.PRIVATE + ",'id':1}", TEXT),
                row("Filters.SUCCESSFUL_PAYMENT", Filters.SUCCESSFUL_PAYMENT, "'successful_payment':{'currency':'EUR',"
                        + "'total_amount':1,'invoice_payload':'p','telegram_payment_charge_id':'t',"
                        + "'provider_payment_charge_id':'p'}", TEXT),
                row("Filters.SUGGESTED_POST_INFO", Filters.SUGGESTED_POST_INFO, "'suggested_post_info':"
                        + "{'state':'pending'}", TEXT),
                row("Filters.TEXT", Filters.TEXT, TEXT, "'text':''"),
                row("Filters.VENUE", Filters.VENUE, "'venue':{'location':{'latitude':1,'longitude':2},'title':'t',"
                        + "'address':'a'}", "'location':{'latitude':1.5,'longitude':2.5}"),
                row("Filters.VIDEO", Filters.VIDEO, "'video':" + FILE, "'video_note':" + FILE),
                row("Filters.VIDEO_NOTE", Filters.VIDEO_NOTE, "'video_note':" + FILE, "'video':" + FILE),
                row("Filters.VOICE", Filters.VOICE, "'voice':" + FILE, "'audio':" + FILE),
                row("Filters.BOOST_ADDED", Filters.BOOST_ADDED, "'boost_added':{'boost_count':2}", TEXT),
                row("Filters.EFFECT_ID", Filters.EFFECT_ID, "'effect_id':'e1'", "'effect_id':''"),
                row("Filters.FORWARDED", Filters.FORWARDED, "'forward_origin':{'type':'hidden_user','date':0,"
                        + "'sender_user_name':'X'}", TEXT),
                row("Filters.HAS_MEDIA_SPOILER", Filters.HAS_MEDIA_SPOILER, "'has_media_spoiler':true",
                        "'has_media_spoiler':false"),
                row("Filters.HAS_PROTECTED_CONTENT", Filters.HAS_PROTECTED_CONTENT, "'has_protected_content':true",
                        "'has_protected_content':false"),
                row("Filters.IS_AUTOMATIC_FORWARD", Filters.IS_AUTOMATIC_FORWARD, "'is_automatic_forward':true",
                        TEXT),
                row("Filters.IS_FROM_OFFLINE", Filters.IS_FROM_OFFLINE, "'is_from_offline':true",
                        "'is_from_offline':false"),
                row("Filters.IS_TOPIC_MESSAGE", Filters.IS_TOPIC_MESSAGE, "'is_topic_message':true", TEXT),
                row("Filters.REPLY", Filters.REPLY, "'reply_to_message':{'message_id':0,'date':0,'chat':"
                        + Updates.PRIVATE + "}", "'reply_to_story':{'chat':" + Updates.PRIVATE + ",'id':1}"),
                row("Filters.REPLY_TO_STORY", Filters.REPLY_TO_STORY, "'reply_to_story':{'chat':" + Updates.PRIVATE
                        + ",'id':1}", "'reply_to_message':{'message_id':0,'date':0,'chat':" + Updates.PRIVATE + "}"),
                row("Filters.SENDER_BOOST_COUNT", Filters.SENDER_BOOST_COUNT, "'sender_boost_count':3",
                        "'sender_boost_count':0"),
                row("Filters.VIA_BOT", Filters.VIA_BOT, "'via_bot':{'id':9,'is_bot':true,'first_name':'B'}", TEXT));
    }

    private static Arguments row(String name, Filter filter, String passing, String rejected) {
        return Arguments.of(name, filter, passing, rejected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constants")
    void constantPassesItsFieldAndRejectsOthers(String name, Filter filter, String passing, String rejected) {
        assertEquals(name, filter.toString());
        assertTrue(filter.check(message(passing)).passed(), "passes " + passing);
        assertFalse(filter.not().check(message(passing)).passed());
        if (rejected != null) {
            assertFalse(filter.check(message(rejected)).passed(), "rejects " + rejected);
            assertTrue(filter.not().check(message(rejected)).passed());
        }
        for (Update u : Updates.withoutMessage()) {
            assertFalse(filter.check(u).passed(), "no message");
            assertFalse(filter.not().check(u).passed(), "no message, inverted");
        }
    }

    @Test
    void textIncludesCommandsAndDiceHaveNoText() {
        assertTrue(Filters.TEXT.check(Updates.textWithEntity("/start", "bot_command")).passed());
        assertFalse(Filters.TEXT.check(message("'dice':{'emoji':'🎲','value':3}")).passed());
    }

    @Test
    void constantsPassEveryMessageLikeUpdateKind() {
        for (String kind : new String[] {"message", "edited_message", "business_message", "edited_business_message",
                "guest_message"}) {
            assertTrue(Filters.TEXT.check(Updates.of(kind, Updates.PRIVATE, Updates.USER, TEXT)).passed(), kind);
        }
        String channel = "{'id':-100,'type':'channel','title':'C'}";
        for (String kind : new String[] {"channel_post", "edited_channel_post"}) {
            assertTrue(Filters.ALL.check(Updates.of(kind, channel, null, TEXT)).passed(), kind);
        }
    }

    @Test
    void attachmentCoversEveryAttachmentKind() {
        for (String field : new String[] {"'animation':" + FILE, "'audio':" + FILE, "'contact':{'phone_number':'1'}",
                "'dice':{'emoji':'🎲','value':1}", "'document':" + FILE, "'game':{'title':'g'}",
                "'invoice':{'title':'t'}", "'live_photo':{}", "'location':{'latitude':1,'longitude':1}",
                "'paid_media':{'star_count':1,'paid_media':[]}", "'passport_data':{'data':[]}", PHOTO,
                "'poll':{'id':'p'}", "'sticker':" + FILE, "'story':{'id':1}", "'successful_payment':{'currency':'X'}",
                "'venue':{'title':'t'}", "'video':" + FILE, "'video_note':" + FILE, "'voice':" + FILE}) {
            assertTrue(Filters.ATTACHMENT.check(message(field)).passed(), field);
        }
        for (String field : new String[] {TEXT, "'caption':'c'", "'checklist':{'title':'t'}", "'photo':[]",
                "'new_chat_members':[" + Updates.USER + "]"}) {
            assertFalse(Filters.ATTACHMENT.check(message(field)).passed(), field);
        }
    }

    @Test
    void userRequiresASenderUser() {
        assertTrue(Filters.USER.check(message(TEXT)).passed());
        assertFalse(Filters.USER.check(Updates.of("channel_post", "{'id':-1,'type':'channel'}", null, TEXT))
                .passed());
    }

    @Test
    void effectiveChatAndUserFilters() {
        String forum = "{'id':-5,'type':'supergroup','title':'F','is_forum':true}";
        String direct = "{'id':-6,'type':'supergroup','title':'D','is_direct_messages':true}";
        String premium = "{'id':8,'is_bot':false,'first_name':'P','is_premium':true,'added_to_attachment_menu':true}";
        assertTrue(Filters.FORUM.check(Updates.of("message", forum, Updates.USER, TEXT)).passed());
        assertFalse(Filters.FORUM.check(message(TEXT)).passed());
        assertTrue(Filters.DIRECT_MESSAGES.check(Updates.of("message", direct, Updates.USER, TEXT)).passed());
        assertFalse(Filters.DIRECT_MESSAGES.check(Updates.of("message", forum, Updates.USER, TEXT)).passed());
        assertTrue(Filters.PREMIUM_USER.check(Updates.of("message", Updates.PRIVATE, premium, TEXT)).passed());
        assertFalse(Filters.PREMIUM_USER.check(message(TEXT)).passed());
        assertTrue(Filters.USER_ATTACHMENT.check(Updates.of("message", Updates.PRIVATE, premium, TEXT)).passed());
        assertFalse(Filters.USER_ATTACHMENT.check(message(TEXT)).passed());
        assertFalse(Filters.PREMIUM_USER.check(Updates.of("channel_post", "{'id':-1,'type':'channel'}", null, TEXT))
                .passed(), "no effective user");
        for (Update u : Updates.withoutMessage()) {
            assertFalse(Filters.FORUM.check(u).passed());
            assertFalse(Filters.PREMIUM_USER.not().check(u).passed());
        }
    }

    @Test
    void textAndCaptionWithStrings() {
        Filter buttons = Filters.text("Yes", "No");
        assertTrue(buttons.check(message("'text':'No'")).passed());
        assertFalse(buttons.check(message("'text':'no'")).passed(), "exact match");
        assertFalse(buttons.check(message("'text':'No thanks'")).passed());
        assertFalse(buttons.check(message("'caption':'No'")).passed());
        assertEquals("Filters.text(\"Yes\", \"No\")", buttons.toString());
        assertFalse(Filters.text("").check(message("'text':''")).passed(), "an empty text never matches, as PTB");

        Filter caption = Filters.caption("PTB rocks!");
        assertTrue(caption.check(message("'caption':'PTB rocks!'")).passed());
        assertFalse(caption.check(message("'text':'PTB rocks!'")).passed());
        assertEquals("Filters.caption(\"PTB rocks!\")", caption.toString());
    }

    @Test
    void commandAnywhere() {
        String later = "'text':'do /this','entities':[{'type':'bold','offset':0,'length':2},"
                + "{'type':'bot_command','offset':3,'length':5}]";
        assertFalse(Filters.COMMAND.check(message(later)).passed());
        assertTrue(Filters.command(false).check(message(later)).passed());
        assertFalse(Filters.command(false).check(message(TEXT)).passed());
        assertEquals("Filters.command(false)", Filters.command(false).toString());
        assertEquals("Filters.COMMAND", Filters.command(true).toString());
        String boldFirst = "'text':'/a','entities':[{'type':'bold','offset':0,'length':2},"
                + "{'type':'bot_command','offset':0,'length':2}]";
        assertFalse(Filters.COMMAND.check(message(boldFirst)).passed(), "PTB looks at the first entity only");
    }

    @Test
    void entityAndCaptionEntity() {
        assertTrue(Filters.entity("hashtag").check(Updates.textWithEntity("#tag", "hashtag")).passed());
        assertFalse(Filters.entity("url").check(Updates.textWithEntity("#tag", "hashtag")).passed());
        assertFalse(Filters.captionEntity("hashtag").check(Updates.textWithEntity("#tag", "hashtag")).passed());
        Update captioned = message("'caption':'#tag','caption_entities':[{'type':'hashtag','offset':0,'length':4}]");
        assertTrue(Filters.captionEntity("hashtag").check(captioned).passed());
        assertFalse(Filters.entity("hashtag").check(captioned).passed());
        assertEquals("Filters.entity(\"hashtag\")", Filters.entity("hashtag").toString());
    }

    @Test
    void languageMatchesByPrefix() {
        assertTrue(Filters.language("en").check(message(TEXT)).passed(), "en matches en-US");
        assertTrue(Filters.language("de", "en-US").check(message(TEXT)).passed());
        assertFalse(Filters.language("de").check(message(TEXT)).passed());
        String noLanguage = "{'id':8,'is_bot':false,'first_name':'N'}";
        assertFalse(Filters.language("en").check(Updates.of("message", Updates.PRIVATE, noLanguage, TEXT)).passed());
        assertFalse(Filters.language("en").check(Updates.of("channel_post", "{'id':-1,'type':'channel'}", null,
                TEXT)).passed());
    }

    @Test
    void successfulPaymentWithPayloads() {
        String paid = "'successful_payment':{'currency':'EUR','total_amount':1,'invoice_payload':'Custom-Payload',"
                + "'telegram_payment_charge_id':'t','provider_payment_charge_id':'p'}";
        assertTrue(Filters.successfulPayment("Custom-Payload").check(message(paid)).passed());
        assertFalse(Filters.successfulPayment("Other").check(message(paid)).passed());
        assertFalse(Filters.successfulPayment("Custom-Payload").check(message(TEXT)).passed());
    }

    @Test
    void diceByValueOfAnyEmoji() {
        assertTrue(Filters.dice(3, 4).check(message("'dice':{'emoji':'🎯','value':4}")).passed());
        assertFalse(Filters.dice(3, 4).check(message("'dice':{'emoji':'🎯','value':6}")).passed());
        assertFalse(Filters.dice(3).check(message(TEXT)).passed());
        assertEquals("Filters.dice(3, 4)", Filters.dice(3, 4).toString());
    }

    @Test
    void badArgumentsAreRefusedWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Filters.text());
        assertTrue(e.getMessage().contains("Filters.TEXT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Filters.caption());
        assertThrows(IllegalArgumentException.class, () -> Filters.successfulPayment());
        assertThrows(IllegalArgumentException.class, () -> Filters.dice());
        assertThrows(IllegalArgumentException.class, () -> Filters.language());
        assertThrows(IllegalArgumentException.class, () -> Filters.language("en", ""));
        assertThrows(IllegalArgumentException.class, () -> Filters.entity(""));
        assertThrows(IllegalArgumentException.class, () -> Filters.captionEntity(""));
        assertThrows(NullPointerException.class, () -> Filters.text((String[]) null));
        assertThrows(NullPointerException.class, () -> Filters.text("a", null));
        assertThrows(NullPointerException.class, () -> Filters.caption((String) null));
        assertThrows(NullPointerException.class, () -> Filters.language("en", null));
        assertThrows(NullPointerException.class, () -> Filters.entity(null));
        assertThrows(NullPointerException.class, () -> Filters.dice((int[]) null));
    }
}
