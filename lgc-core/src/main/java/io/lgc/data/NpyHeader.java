package io.lgc.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The header of an {@code .npy} array: magic {@code \x93NUMPY}, version, header length (2 bytes
 * in version 1, 4 in versions 2 and 3, little-endian), then a Python dict literal with
 * {@code descr}, {@code fortran_order} and {@code shape}, padded with spaces and a newline.
 * Only C-order arrays of simple dtypes are accepted; problems are
 * {@link IllegalArgumentException}s for the caller to place in a file.
 *
 * @param bytes the length of the whole header, magic included: where the data starts
 */
record NpyHeader(NpyDtype dtype, long[] shape, long bytes) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Real headers are about a hundred bytes; a forged length must not allocate much. */
    private static final int MAX_DICT_BYTES = 1 << 16;
    /** NumPy aligns the data to 64 bytes. */
    private static final int ALIGNMENT = 64;

    static NpyHeader read(InputStream in) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        if (start.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a NumPy .npy array (no \\x93NUMPY magic)");
        }
        if (start.length < MAGIC.length + 2) {
            throw new IllegalArgumentException("truncated .npy header");
        }
        int major = start[6];
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new IllegalArgumentException("unsupported .npy version " + major + "." + start[7]);
        };
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new IllegalArgumentException("truncated .npy header");
        }
        ByteBuffer length = ByteBuffer.wrap(Arrays.copyOf(lengthField, 4)).order(ByteOrder.LITTLE_ENDIAN);
        long dictBytes = Integer.toUnsignedLong(length.getInt());
        if (dictBytes > MAX_DICT_BYTES) {
            throw new IllegalArgumentException(".npy header claims " + dictBytes + " bytes, more than the "
                    + MAX_DICT_BYTES + " a header takes");
        }
        byte[] dict = in.readNBytes((int) dictBytes);
        if (dict.length < dictBytes) {
            throw new IllegalArgumentException("truncated .npy header: " + dict.length + " of " + dictBytes
                    + " bytes");
        }
        String text = new String(dict, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(text, MAGIC.length + 2 + lengthBytes + dictBytes);
    }

    static NpyHeader parse(String text, long bytes) {
        Object literal;
        try {
            literal = PythonLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed .npy header (" + e.getMessage() + "): " + text.strip());
        }
        if (!(literal instanceof Map<?, ?> dict)) {
            throw new IllegalArgumentException("malformed .npy header, not a dict: " + text.strip());
        }
        Object descr = required(dict, "descr");
        Object fortran = required(dict, "fortran_order");
        Object shape = required(dict, "shape");
        if (descr instanceof List) {
            throw new IllegalArgumentException("structured dtype " + descr + " is not supported; store plain arrays");
        }
        if (!(descr instanceof String descrText)) {
            throw new IllegalArgumentException("malformed .npy header: descr is " + descr);
        }
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw new IllegalArgumentException("malformed .npy header: fortran_order is " + fortran);
        }
        if (fortranOrder) {
            throw new IllegalArgumentException("stored in Fortran (column-major) order, which is not supported;"
                    + " save np.ascontiguousarray(array) instead");
        }
        if (!(shape instanceof List<?> dims)) {
            throw new IllegalArgumentException("malformed .npy header: shape is " + shape);
        }
        long[] sizes = new long[dims.size()];
        for (int i = 0; i < sizes.length; i++) {
            if (!(dims.get(i) instanceof Long size) || size < 0) {
                throw new IllegalArgumentException("malformed .npy header: shape " + shape);
            }
            sizes[i] = size;
        }
        return new NpyHeader(NpyDtype.parse(descrText), sizes, bytes);
    }

    private static Object required(Map<?, ?> dict, String key) {
        Object value = dict.get(key);
        if (value == null) {
            throw new IllegalArgumentException("malformed .npy header: no '" + key + "'");
        }
        return value;
    }

    /** Number of elements, or -1 when it exceeds a long. */
    long elementCount() {
        long count = 1;
        for (long d : shape) {
            if (d != 0 && count > Long.MAX_VALUE / d) {
                return -1;
            }
            count *= d;
        }
        return count;
    }

    /** The shape as NumPy prints it: "(3, 28, 28)", "(5,)". */
    String shapeText() {
        return shapeText(shape);
    }

    static String shapeText(long[] shape) {
        String inner = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        return "(" + inner + (shape.length == 1 ? ",)" : ")");
    }

    /** A version 1.0 header for a C-order array, padded as NumPy pads it. */
    static byte[] format(String descr, long... shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1; // + the final newline
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(text.length() & 0xFF);
        out.write(text.length() >>> 8);
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader other && dtype.equals(other.dtype) && Arrays.equals(shape, other.shape)
                && bytes == other.bytes;
    }

    @Override
    public int hashCode() {
        return 31 * dtype.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NpyHeader[" + dtype.descr() + ", " + shapeText() + "]";
    }
}
