package io.lgc.artifact.container;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Codec 1: zlib-wrapped deflate, with inflation that cannot be talked into a big allocation. */
final class Deflate {
    private static final int CHUNK = 64 * 1024;

    private Deflate() {
    }

    /**
     * Compresses the concatenation of {@code parts} into the smaller of two zlib streams, deflate's
     * default strategy and Huffman coding alone (the latter wins on int4 weights: 15 byte values and
     * few repeated strings, where string matching costs more than it finds, about a tenth of the
     * section); returns null when both would exceed {@code maxOutput} bytes (AUTO gives up once
     * deflate stops paying off). Readers inflate either the same way.
     */
    static byte[] compress(List<ByteBuffer> parts, long maxOutput) {
        byte[] matched = compress(parts, maxOutput, Deflater.DEFAULT_STRATEGY);
        byte[] huffman = compress(parts, matched == null ? maxOutput : matched.length - 1L, Deflater.HUFFMAN_ONLY);
        return huffman != null ? huffman : matched;
    }

    private static byte[] compress(List<ByteBuffer> parts, long maxOutput, int strategy) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setStrategy(strategy);
        try {
            GrowableBytes out = new GrowableBytes(CHUNK);
            byte[] chunk = new byte[CHUNK];
            for (ByteBuffer part : parts) {
                deflater.setInput(part.duplicate());
                while (!deflater.needsInput()) {
                    if (!drain(deflater, chunk, out, maxOutput)) {
                        return null;
                    }
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                if (!drain(deflater, chunk, out, maxOutput)) {
                    return null;
                }
            }
            return out.toArray();
        } finally {
            deflater.end();
        }
    }

    private static boolean drain(Deflater deflater, byte[] chunk, GrowableBytes out, long maxOutput) {
        int n = deflater.deflate(chunk);
        out.append(chunk, n);
        return out.size() <= maxOutput;
    }

    /**
     * Inflates exactly {@code expectedLength} bytes from a complete zlib stream that fills the
     * input range. The buffer grows with what inflation actually yields, so memory follows the
     * real output, not the declared length (which the caller has bounded). One byte of spare
     * capacity reveals a stream that yields more than declared.
     */
    static byte[] inflate(byte[] input, int offset, int length, int expectedLength) throws Malformed {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input, offset, length);
            long capacityLimit = expectedLength + 1L;
            byte[] out = new byte[(int) Math.min(capacityLimit, Math.max(CHUNK, 4L * length))];
            int produced = 0;
            while (!inflater.finished()) {
                if (produced > expectedLength) {
                    throw new Malformed("deflate stream inflates to more than the declared "
                            + expectedLength + " bytes");
                }
                if (produced == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(capacityLimit, 2L * out.length));
                }
                long readBefore = inflater.getBytesRead();
                int n = inflater.inflate(out, produced, out.length - produced);
                if (n == 0 && inflater.getBytesRead() == readBefore && !inflater.finished()) {
                    // no output, no input consumed: the stream is cut short (or wants a dictionary)
                    throw new Malformed("deflate stream ends early after " + produced + " of "
                            + expectedLength + " bytes");
                }
                produced += n;
            }
            if (produced > expectedLength) {
                throw new Malformed("deflate stream inflates to more than the declared "
                        + expectedLength + " bytes");
            }
            if (produced < expectedLength) {
                throw new Malformed("deflate stream inflates to " + produced + " bytes, declared "
                        + expectedLength);
            }
            if (inflater.getRemaining() != 0) {
                throw new Malformed(inflater.getRemaining() + " stray bytes after the deflate stream");
            }
            return out.length == produced ? out : Arrays.copyOf(out, produced);
        } catch (DataFormatException e) {
            throw new Malformed("corrupt deflate stream (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    /** A byte buffer that doubles as needed; ByteArrayOutputStream would do, minus the locking. */
    private static final class GrowableBytes {
        private byte[] bytes;
        private int size;

        GrowableBytes(int capacity) {
            bytes = new byte[capacity];
        }

        void append(byte[] source, int length) {
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + length, 2 * bytes.length));
            }
            System.arraycopy(source, 0, bytes, size, length);
            size += length;
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
