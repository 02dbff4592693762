package io.lgc.artifact.container;

/**
 * Reads little-endian fields from a byte array up to a limit. Every read is bounds-checked
 * first, so a damaged length can only ever produce a Malformed, never an index exception or
 * an allocation: lengths are returned as numbers and callers check them with {@link #require}.
 */
final class ByteCursor {
    private final byte[] bytes;
    private final int limit;
    private int position;

    ByteCursor(byte[] bytes, int position, int limit) {
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
    }

    int position() {
        return position;
    }

    int remaining() {
        return limit - position;
    }

    /** Malformed unless {@code length} (read as unsigned) more bytes remain for {@code what}. */
    void require(long length, String what) throws Malformed {
        if (length < 0 || length > remaining()) {
            throw new Malformed(what + " declares " + Long.toUnsignedString(length) + " bytes, only "
                    + remaining() + " remain before the trailer");
        }
    }

    /** Malformed unless a fixed-size field of {@code width} bytes fits. */
    private void need(int width, String what) throws Malformed {
        if (width > remaining()) {
            throw new Malformed(what + " is cut off (" + width + "-byte field, " + remaining()
                    + " bytes remain before the trailer)");
        }
    }

    int u8(String what) throws Malformed {
        need(1, what);
        return bytes[position++] & 0xff;
    }

    int u16(String what) throws Malformed {
        need(2, what);
        int value = (int) readLittleEndian(bytes, position, 2);
        position += 2;
        return value;
    }

    long u32(String what) throws Malformed {
        need(4, what);
        long value = readLittleEndian(bytes, position, 4);
        position += 4;
        return value;
    }

    /** A u64 as a long; values of 2^63 and above come back negative, which require() rejects. */
    long u64(String what) throws Malformed {
        need(8, what);
        long value = readLittleEndian(bytes, position, 8);
        position += 8;
        return value;
    }

    /** Skips {@code length} bytes and returns where they start. */
    int skip(long length, String what) throws Malformed {
        require(length, what);
        int start = position;
        position += (int) length;
        return start;
    }

    static long readLittleEndian(byte[] bytes, int offset, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }
}
