package dev.telescale.core.filter;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import java.util.List;

/**
 * Updates for filter tests, parsed from JSON as they would arrive from Telegram. JSON is written with single
 * quotes for readability ({@code 'text':'hi'}) and turned into double quotes here.
 */
final class Updates {

    static final String USER = "{'id':7,'is_bot':false,'first_name':'Ann','username':'ann','language_code':'en-US'}";
    static final String PRIVATE = "{'id':7,'type':'private','first_name':'Ann','username':'ann'}";

    private Updates() {
    }

    /** A new message in a private chat from {@link #USER} with these extra fields (may be empty). */
    static Update message(String fields) {
        return of("message", PRIVATE, USER, fields);
    }

    /** A message-like update of {@code kind} in {@code chat}, from {@code from} (null: no sender user). */
    static Update of(String kind, String chat, String from, String fields) {
        String sender = from == null ? "" : ",'from':" + from;
        String extra = fields.isEmpty() ? "" : "," + fields;
        return parse("{'update_id':1,'" + kind + "':{'message_id':1,'date':0,'chat':" + chat + sender + extra + "}}");
    }

    static Update parse(String singleQuotedJson) {
        return TelegramJson.parse(singleQuotedJson.replace('\'', '"'), Update.class);
    }

    /** A text message with one entity of {@code type} over the whole text. */
    static Update textWithEntity(String text, String type) {
        return message("'text':'" + text + "','entities':[{'type':'" + type + "','offset':0,'length':" + text.length()
                + "}]");
    }

    /** Updates that carry no message: every filter must reject them, inverted or not. */
    static List<Update> withoutMessage() {
        return List.of(
                parse("{'update_id':2,'callback_query':{'id':'q','from':" + USER + ",'chat_instance':'c','data':'d',"
                        + "'message':{'message_id':1,'date':0,'chat':" + PRIVATE + ",'text':'hi'}}}"),
                parse("{'update_id':3,'inline_query':{'id':'i','from':" + USER + ",'query':'hi','offset':''}}"),
                parse("{'update_id':4,'poll':{'id':'p','question':'q','options':[],'total_voter_count':0,"
                        + "'is_closed':false,'is_anonymous':true,'type':'regular','allows_multiple_answers':false}}"),
                parse("{'update_id':5,'my_chat_member':{'chat':" + PRIVATE + ",'from':" + USER + ",'date':0,"
                        + "'old_chat_member':{'status':'member','user':" + USER + "},"
                        + "'new_chat_member':{'status':'kicked','user':" + USER + ",'until_date':0}}}"),
                parse("{'update_id':6}"));
    }
}
