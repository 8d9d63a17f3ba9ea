package dev.telescale.bot.transport;

/**
 * A complete HTTP response: the status code and the body bytes (already de-chunked). Transports return it only once
 * the whole body has arrived, so a truncated body surfaces as a {@link TransportException}, never as short bytes.
 *
 * @param status HTTP status code
 * @param body   the body; empty, never null
 */
public record TransportResponse(int status, byte[] body) {

    @Override
    public String toString() {
        return "TransportResponse[status=" + status + ", " + body.length + " bytes]";
    }
}
