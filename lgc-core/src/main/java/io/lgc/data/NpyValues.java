package io.lgc.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** Reads the elements of an {@code .npy} body one by one, in its dtype and byte order. */
final class NpyValues {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final NpyDtype dtype;
    private final ByteBuffer buffer;

    NpyValues(InputStream in, NpyDtype dtype) {
        this.in = in;
        this.dtype = dtype;
        this.buffer = ByteBuffer.allocate(BUFFER - BUFFER % dtype.itemSize()).order(dtype.order());
        buffer.flip(); // empty, ready for reading
    }

    /**
     * The next integer; an unsigned 64-bit value above {@link Long#MAX_VALUE} comes back negative,
     * which callers refuse as out of range anyway.
     */
    long nextLong() throws IOException {
        need();
        boolean unsigned = dtype.kind() == 'u';
        return switch (dtype.itemSize()) {
            case 1 -> unsigned ? Byte.toUnsignedLong(buffer.get()) : buffer.get();
            case 2 -> unsigned ? Short.toUnsignedLong(buffer.getShort()) : buffer.getShort();
            case 4 -> unsigned ? Integer.toUnsignedLong(buffer.getInt()) : buffer.getInt();
            case 8 -> buffer.getLong();
            default -> throw new IllegalStateException("not an integer dtype: " + dtype.descr());
        };
    }

    double nextDouble() throws IOException {
        need();
        return dtype.itemSize() == 4 ? buffer.getFloat() : buffer.getDouble();
    }

    /** Reads exactly {@code length} raw bytes (for uint8 arrays, without per-element work). */
    void readBytes(byte[] target, int offset, int length) throws IOException {
        int fromBuffer = Math.min(length, buffer.remaining());
        buffer.get(target, offset, fromBuffer);
        int rest = length - fromBuffer;
        if (in.readNBytes(target, offset + fromBuffer, rest) != rest) {
            throw new EOFException();
        }
    }

    /** Whether the body has ended, as it must after the declared elements. */
    boolean atEnd() throws IOException {
        return !buffer.hasRemaining() && in.read() < 0;
    }

    private void need() throws IOException {
        if (buffer.remaining() >= dtype.itemSize()) {
            return;
        }
        buffer.compact();
        while (buffer.position() < dtype.itemSize()) {
            int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
            if (n < 0) {
                throw new EOFException();
            }
            buffer.position(buffer.position() + n);
        }
        buffer.flip();
    }
}
