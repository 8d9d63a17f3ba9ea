package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Chat;
import dev.telescale.api.types.Message;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.UpdateType;
import dev.telescale.api.types.User;
import dev.telescale.core.Effective;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Effective message, chat and user for every update kind of Bot API 10.1, as PTB's {@code effective_*} rules: the
 * handlers (commands, prefixes, per-chat data and ordering) rely on them. Lives with the handler tests, whose JSON
 * builders it uses.
 */
class EffectiveTest {

    private static final String USER = HandlerTestBase.user(7, "u");
    private static final String CHAT = HandlerTestBase.chat(-5);
    private static final String MSG = HandlerTestBase.message(CHAT, USER, "hi");
    private static final String REACTION = "{\"type\":\"emoji\",\"emoji\":\"👍\"}";
    private static final String SOURCE = "{\"source\":\"premium\",\"user\":" + USER + "}";

    private static Update u(String kind, String payload) {
        return HandlerTestBase.update(kind, payload);
    }

    private static final Map<UpdateType, Update> EVERY_KIND = new LinkedHashMap<>();

    static {
        String member = "{\"chat\":" + CHAT + ",\"from\":" + USER + ",\"date\":0,\"old_chat_member\":"
                + HandlerTestBase.member("left", USER) + ",\"new_chat_member\":" + HandlerTestBase.member("member", USER)
                + "}";
        for (String kind : new String[] {"message", "edited_message", "channel_post", "edited_channel_post",
                "business_message", "edited_business_message", "guest_message"}) {
            EVERY_KIND.put(UpdateType.valueOf(kind.toUpperCase()), u(kind, MSG));
        }
        EVERY_KIND.put(UpdateType.BUSINESS_CONNECTION, u("business_connection", "{\"id\":\"b\",\"user\":" + USER
                + ",\"user_chat_id\":7,\"date\":0,\"is_enabled\":true}"));
        EVERY_KIND.put(UpdateType.DELETED_BUSINESS_MESSAGES, u("deleted_business_messages",
                "{\"business_connection_id\":\"b\",\"chat\":" + CHAT + ",\"message_ids\":[1]}"));
        EVERY_KIND.put(UpdateType.MESSAGE_REACTION, u("message_reaction", "{\"chat\":" + CHAT + ",\"message_id\":1,"
                + "\"user\":" + USER + ",\"date\":0,\"old_reaction\":[],\"new_reaction\":[" + REACTION + "]}"));
        EVERY_KIND.put(UpdateType.MESSAGE_REACTION_COUNT, u("message_reaction_count", "{\"chat\":" + CHAT
                + ",\"message_id\":1,\"date\":0,\"reactions\":[{\"type\":" + REACTION + ",\"total_count\":1}]}"));
        EVERY_KIND.put(UpdateType.INLINE_QUERY, u("inline_query", "{\"id\":\"i\",\"from\":" + USER
                + ",\"query\":\"\",\"offset\":\"\"}"));
        EVERY_KIND.put(UpdateType.CHOSEN_INLINE_RESULT, u("chosen_inline_result", "{\"result_id\":\"r\",\"from\":"
                + USER + ",\"query\":\"\"}"));
        EVERY_KIND.put(UpdateType.CALLBACK_QUERY, u("callback_query", "{\"id\":\"q\",\"from\":" + USER
                + ",\"chat_instance\":\"c\",\"message\":" + MSG.replace("\"date\":0", "\"date\":1") + "}"));
        EVERY_KIND.put(UpdateType.SHIPPING_QUERY, u("shipping_query", "{\"id\":\"s\",\"from\":" + USER
                + ",\"invoice_payload\":\"x\",\"shipping_address\":{\"country_code\":\"DE\",\"state\":\"\","
                + "\"city\":\"B\",\"street_line1\":\"s\",\"street_line2\":\"\",\"post_code\":\"1\"}}"));
        EVERY_KIND.put(UpdateType.PRE_CHECKOUT_QUERY, u("pre_checkout_query", "{\"id\":\"p\",\"from\":" + USER
                + ",\"currency\":\"EUR\",\"total_amount\":1,\"invoice_payload\":\"x\"}"));
        EVERY_KIND.put(UpdateType.PURCHASED_PAID_MEDIA, u("purchased_paid_media", "{\"from\":" + USER
                + ",\"paid_media_payload\":\"x\"}"));
        EVERY_KIND.put(UpdateType.POLL, u("poll", "{\"id\":\"p\",\"question\":\"q\",\"options\":[],"
                + "\"total_voter_count\":0,\"is_closed\":false,\"is_anonymous\":true,\"type\":\"regular\","
                + "\"allows_multiple_answers\":false}"));
        EVERY_KIND.put(UpdateType.POLL_ANSWER, u("poll_answer", "{\"poll_id\":\"p\",\"user\":" + USER
                + ",\"option_ids\":[0],\"option_persistent_ids\":[\"a\"]}"));
        EVERY_KIND.put(UpdateType.MY_CHAT_MEMBER, u("my_chat_member", member));
        EVERY_KIND.put(UpdateType.CHAT_MEMBER, u("chat_member", member));
        EVERY_KIND.put(UpdateType.CHAT_JOIN_REQUEST, u("chat_join_request", "{\"chat\":" + CHAT + ",\"from\":" + USER
                + ",\"user_chat_id\":7,\"date\":0}"));
        EVERY_KIND.put(UpdateType.CHAT_BOOST, u("chat_boost", "{\"chat\":" + CHAT + ",\"boost\":{\"boost_id\":\"b\","
                + "\"add_date\":0,\"expiration_date\":1,\"source\":" + SOURCE + "}}"));
        EVERY_KIND.put(UpdateType.REMOVED_CHAT_BOOST, u("removed_chat_boost", "{\"chat\":" + CHAT
                + ",\"boost_id\":\"b\",\"remove_date\":0,\"source\":" + SOURCE + "}"));
        EVERY_KIND.put(UpdateType.MANAGED_BOT, u("managed_bot", "{\"user\":" + USER + ",\"bot\":"
                + HandlerTestBase.user(8) + "}"));
        EVERY_KIND.put(UpdateType.UNKNOWN, u("some_future_kind", "{\"x\":1}"));
    }

    /** Kinds PTB gives an effective chat (always -5 here). */
    private static final Set<UpdateType> WITH_CHAT = EnumSet.of(UpdateType.MESSAGE, UpdateType.EDITED_MESSAGE,
            UpdateType.CHANNEL_POST, UpdateType.EDITED_CHANNEL_POST, UpdateType.BUSINESS_MESSAGE,
            UpdateType.EDITED_BUSINESS_MESSAGE, UpdateType.GUEST_MESSAGE, UpdateType.DELETED_BUSINESS_MESSAGES,
            UpdateType.MESSAGE_REACTION, UpdateType.MESSAGE_REACTION_COUNT, UpdateType.CALLBACK_QUERY,
            UpdateType.MY_CHAT_MEMBER, UpdateType.CHAT_MEMBER, UpdateType.CHAT_JOIN_REQUEST, UpdateType.CHAT_BOOST,
            UpdateType.REMOVED_CHAT_BOOST);

    /** Kinds PTB gives an effective user (always 7 here). */
    private static final Set<UpdateType> WITH_USER = EnumSet.complementOf(EnumSet.of(UpdateType.POLL,
            UpdateType.CHAT_BOOST, UpdateType.REMOVED_CHAT_BOOST, UpdateType.MESSAGE_REACTION_COUNT,
            UpdateType.DELETED_BUSINESS_MESSAGES, UpdateType.UNKNOWN));

    /** Kinds with an effective message. */
    private static final Set<UpdateType> WITH_MESSAGE = EnumSet.of(UpdateType.MESSAGE, UpdateType.EDITED_MESSAGE,
            UpdateType.CHANNEL_POST, UpdateType.EDITED_CHANNEL_POST, UpdateType.BUSINESS_MESSAGE,
            UpdateType.EDITED_BUSINESS_MESSAGE, UpdateType.GUEST_MESSAGE, UpdateType.CALLBACK_QUERY);

    @Test
    void everyKindIsCoveredAsPtbDefinesIt() {
        assertEquals(EnumSet.allOf(UpdateType.class), EVERY_KIND.keySet(), "a sample of every kind");
        EVERY_KIND.forEach((type, update) -> {
            assertEquals(type, update.type());
            assertEquals(WITH_CHAT.contains(type) ? OptionalLong.of(-5) : OptionalLong.empty(),
                    Effective.chatId(update), "chat of " + type);
            assertEquals(WITH_USER.contains(type) ? OptionalLong.of(7) : OptionalLong.empty(),
                    Effective.userId(update), "user of " + type);
            assertEquals(WITH_MESSAGE.contains(type), Effective.message(update).isPresent(), "message of " + type);
        });
    }

    @Test
    void specialCases() {
        // date 0 marks an inaccessible message (Bot API)
        Update inaccessible = u("callback_query", "{\"id\":\"q\",\"from\":" + USER + ",\"chat_instance\":\"c\","
                + "\"message\":{\"chat\":" + CHAT + ",\"message_id\":1,\"date\":0}}");
        assertEquals(OptionalLong.of(-5), Effective.chatId(inaccessible), "the chat of an inaccessible message");
        assertTrue(Effective.message(inaccessible).isEmpty(), "but no message, as PTB");
        Update inline = u("callback_query", "{\"id\":\"q\",\"from\":" + USER + ",\"chat_instance\":\"c\","
                + "\"inline_message_id\":\"im\"}");
        assertEquals(Optional.empty(), Effective.chat(inline));
        Update unsigned = u("channel_post", HandlerTestBase.message(CHAT, null, "news"));
        assertEquals(Optional.<User>empty(), Effective.user(unsigned));
        Update anonymous = u("message_reaction", "{\"chat\":" + CHAT + ",\"message_id\":1,\"actor_chat\":" + CHAT
                + ",\"date\":0,\"old_reaction\":[],\"new_reaction\":[]}");
        assertEquals(Optional.<User>empty(), Effective.user(anonymous));
        assertEquals(Optional.<Chat>empty(), Effective.chat("not an update"));
        assertEquals(Optional.<Message>empty(), Effective.message(42));
        assertTrue(Effective.filterMessage(EVERY_KIND.get(UpdateType.CALLBACK_QUERY)).isEmpty(),
                "filters do not look at a callback query's message");
    }
}
