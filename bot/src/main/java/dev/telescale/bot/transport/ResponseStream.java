package dev.telescale.bot.transport;

import java.io.InputStream;

/**
 * A response whose body is read as it arrives (file downloads). Closing it gives the connection back for reuse
 * when the body was read to the end, and discards the connection otherwise; close it in every case.
 */
public interface ResponseStream extends AutoCloseable {

    /** HTTP status code. */
    int status();

    /** Body length announced by the server, or -1 when unknown. */
    long contentLength();

    /** The body. Reading past the end returns -1; a body cut short throws a {@link TransportException}. */
    InputStream body();

    /** Releases the connection; never throws. */
    @Override
    void close();
}
