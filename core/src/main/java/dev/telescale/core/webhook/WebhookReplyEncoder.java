package dev.telescale.core.webhook;

import dev.telescale.api.ApiMethod;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.json.EncodedJson;
import dev.telescale.api.json.ParameterDefaults;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes a Bot API method as a webhook reply: the method's parameters as JSON plus {@code "method": "<name>"},
 * which Telegram executes as if the bot had called it. Methods that upload files cannot travel this way (the
 * response is JSON, not multipart).
 */
final class WebhookReplyEncoder {

    private WebhookReplyEncoder() {
    }

    /** The response body, or empty when the method uploads files and must be sent as a normal call. */
    static Optional<byte[]> encode(ApiMethod<?> method, ParameterDefaults defaults) {
        EncodedJson encoded = TelegramJson.writeRequest(method, defaults);
        if (!encoded.attachments().isEmpty()) {
            return Optional.empty();
        }
        byte[] params = encoded.json();
        byte[] head = ("{\"method\":\"" + method.methodName() + "\"").getBytes(StandardCharsets.UTF_8);
        boolean noParams = params.length <= 2;
        byte[] body = new byte[head.length + (noParams ? 1 : params.length)];
        System.arraycopy(head, 0, body, 0, head.length);
        if (noParams) {
            body[head.length] = '}';
        } else {
            // params is "{...}": replace its '{' with ','.
            body[head.length] = ',';
            System.arraycopy(params, 1, body, head.length + 1, params.length - 1);
        }
        return Optional.of(body);
    }
}
