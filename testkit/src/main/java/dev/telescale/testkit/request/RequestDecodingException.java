package dev.telescale.testkit.request;

/**
 * Request parameters the emulator cannot decode: malformed JSON, a JSON body that is not an object, broken
 * percent-encoding or multipart framing, an unsupported content type. The message is the Telegram-style
 * description ("Bad Request: ...") answered with status 400.
 */
public final class RequestDecodingException extends Exception {

    public RequestDecodingException(String description) {
        super(description, null, false, false);
    }
}
