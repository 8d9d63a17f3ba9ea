package dev.telescale.benchmarks.dispatch;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import java.nio.charset.StandardCharsets;

/**
 * Updates made in memory for the dispatch benchmarks: a private-chat text message from user {@code id} in chat
 * {@code id}, parsed through the real codec so the objects are exactly what a source hands the Application.
 */
final class SyntheticUpdates {

    private SyntheticUpdates() {
    }

    /** A text message of user {@code chatId} in the private chat of the same id. */
    static Update text(long updateId, long chatId, String text) {
        boolean command = text.startsWith("/");
        String entities = command
                ? ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":" + commandLength(text) + "}]"
                : "";
        String json = "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId
                + ",\"from\":{\"id\":" + chatId + ",\"is_bot\":false,\"first_name\":\"User" + chatId
                + "\",\"language_code\":\"en\"},\"chat\":{\"id\":" + chatId
                + ",\"first_name\":\"User" + chatId + "\",\"type\":\"private\"},\"date\":1790000000,\"text\":\""
                + text + "\"" + entities + "}}";
        return TelegramJson.parse(json.getBytes(StandardCharsets.UTF_8), Update.class);
    }

    private static int commandLength(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text.length() : space;
    }
}
