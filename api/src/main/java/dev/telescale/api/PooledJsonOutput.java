package dev.telescale.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A JSON generator kept open over a growable byte buffer and reused across writes, so writing a request costs
 * one output array instead of a new generator, context and buffers each time (measured: this is most of the
 * allocation of a small write). A small lock-free pool hands instances out; a write that fails discards its
 * instance because the generator's state is then unknown.
 */
final class PooledJsonOutput extends OutputStream {

    private static final int SLOTS = 16;
    private static final AtomicReferenceArray<PooledJsonOutput> POOL = new AtomicReferenceArray<>(SLOTS);
    private static final int MAX_KEPT_CAPACITY = 64 * 1024;

    private byte[] buffer = new byte[512];
    private int count;
    private final JsonGenerator generator;

    private PooledJsonOutput() throws IOException {
        generator = TelegramJson.factory().createGenerator(this);
        generator.setRootValueSeparator(null);
    }

    /** Takes an instance from the pool, or creates one. */
    static PooledJsonOutput acquire() throws IOException {
        int start = (int) Thread.currentThread().threadId() & (SLOTS - 1);
        for (int i = 0; i < SLOTS; i++) {
            PooledJsonOutput out = POOL.getAndSet((start + i) & (SLOTS - 1), null);
            if (out != null) {
                return out;
            }
        }
        return new PooledJsonOutput();
    }

    /** Returns a cleanly finished instance to the pool (dropped if the pool is full or it grew large). */
    void release() {
        count = 0;
        if (buffer.length > MAX_KEPT_CAPACITY) {
            return;
        }
        int start = (int) Thread.currentThread().threadId() & (SLOTS - 1);
        for (int i = 0; i < SLOTS; i++) {
            if (POOL.compareAndSet((start + i) & (SLOTS - 1), null, this)) {
                return;
            }
        }
    }

    JsonGenerator generator() {
        return generator;
    }

    /** The bytes written since the last call, as a new array. */
    byte[] takeBytes() throws IOException {
        generator.flush();
        byte[] result = Arrays.copyOf(buffer, count);
        count = 0;
        return result;
    }

    /** The text written since the last call. */
    String takeString() throws IOException {
        generator.flush();
        String result = new String(buffer, 0, count, StandardCharsets.UTF_8);
        count = 0;
        return result;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    private void ensure(int extra) {
        if (count + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + extra));
        }
    }
}
