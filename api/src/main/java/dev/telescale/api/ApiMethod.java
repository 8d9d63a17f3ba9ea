package dev.telescale.api;

import dev.telescale.api.json.ApiReader;
import java.io.IOException;

/**
 * A Bot API request: one generated class per API method (for example {@code SendMessage}) whose fields are the
 * method's parameters. {@code R} is the Java type of the method's result, read by {@link #readResult}.
 *
 * @param <R> the result type (for example {@code Message}, {@code Boolean}, {@code List<Update>})
 */
public interface ApiMethod<R> extends ApiObject {

    /** The method name exactly as Telegram spells it in the URL, for example {@code "sendMessage"}. */
    String methodName();

    /**
     * Reads the JSON value of the {@code result} field of Telegram's response; the reader's parser is positioned
     * on the first token of that value.
     */
    R readResult(ApiReader reader) throws IOException;
}
