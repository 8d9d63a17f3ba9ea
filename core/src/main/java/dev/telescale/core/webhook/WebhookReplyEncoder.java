package dev.telescale.core.webhook;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telescale.api.ApiMethod;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.json.ApiWriter;
import dev.telescale.api.json.EncodedJson;
import dev.telescale.api.json.ParameterDefaults;
import dev.telescale.bot.callbackdata.CallbackDataCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes a Bot API method as a webhook reply: the method's parameters as JSON plus {@code "method": "<name>"},
 * which Telegram executes as if the bot had called it. Methods that upload files cannot travel this way (the
 * response is JSON, not multipart). With the Bot's arbitrary callback data cache the inline keyboards are written
 * through it, as the Bot writes its own calls, so a reply's objects on buttons become cache keys too.
 */
final class WebhookReplyEncoder {

    private WebhookReplyEncoder() {
    }

    /**
     * The response body, with keyboards rewritten through {@code callbackData} when not null, or empty when the
     * method uploads files and must be sent as a normal call. Keyboards a rewrite registers for a reply that then goes as a normal call stay in the cache
     * until evicted, which is harmless.
     */
    static Optional<byte[]> encode(ApiMethod<?> method, ParameterDefaults defaults, CallbackDataCache callbackData) {
        EncodedJson encoded = callbackData == null ? TelegramJson.writeRequest(method, defaults)
                : writeRewritten(method, defaults, callbackData);
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

    private static EncodedJson writeRewritten(ApiMethod<?> method, ParameterDefaults defaults,
                                              CallbackDataCache callbackData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = callbackData.rewriteKeyboards(TelegramJson.factory().createGenerator(out))) {
            ApiWriter writer = new ApiWriter(g, defaults);
            method.writeTo(writer);
            g.flush();
            return new EncodedJson(out.toByteArray(), writer.attachments());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + method.methodName() + " as a webhook reply: "
                    + e.getMessage(), e);
        }
    }
}
