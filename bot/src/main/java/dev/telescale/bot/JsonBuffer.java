package dev.telescale.bot;

import java.io.ByteArrayOutputStream;

/** A byte buffer that hands out its array without copying, so an encoded request goes to the socket as is. */
final class JsonBuffer extends ByteArrayOutputStream {

    JsonBuffer(int size) {
        super(size);
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return count;
    }
}
