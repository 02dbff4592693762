package io.lgc.data;

import java.nio.ByteOrder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple NumPy dtype as an {@code .npy} header spells it: byte order, kind and item size, such
 * as {@code '<f4'}, {@code '|u1'}, {@code '<U12'}. Structured dtypes (a list) never get here.
 *
 * @param kind 'u' unsigned, 'i' signed, 'f' float, 'b' bool, 'U' unicode, 'S' bytes, 'O' object, ...
 * @param itemSize bytes per element; for 'U' four per character
 */
record NpyDtype(ByteOrder order, char kind, int itemSize, String descr) {
    private static final Pattern DESCR = Pattern.compile("([<>|=])([a-zA-Z])(\\d{1,9})");

    static NpyDtype parse(String descr) {
        Matcher m = DESCR.matcher(descr);
        if (!m.matches()) {
            if (descr.length() >= 2 && descr.charAt(1) == 'O' || descr.equals("O")) {
                return new NpyDtype(ByteOrder.LITTLE_ENDIAN, 'O', 8, descr);
            }
            throw new IllegalArgumentException("unsupported dtype '" + descr + "'");
        }
        char kind = m.group(2).charAt(0);
        int count = Integer.parseInt(m.group(3));
        long size = kind == 'U' ? 4L * count : count;
        if (size <= 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("unsupported dtype '" + descr + "'");
        }
        // '|' (not applicable) and '=' (native) occur for single bytes; '=' is little-endian on
        // every machine NumPy writes such files on in practice.
        ByteOrder order = m.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return new NpyDtype(order, kind, (int) size, descr);
    }

    boolean isInteger() {
        return (kind == 'u' || kind == 'i') && (itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8);
    }

    boolean isFloat() {
        return kind == 'f' && (itemSize == 4 || itemSize == 8);
    }

    /** The dtype in NumPy's words, for messages: "uint8", "float32", "object". */
    String describe() {
        return switch (kind) {
            case 'u' -> "uint" + 8 * itemSize;
            case 'i' -> "int" + 8 * itemSize;
            case 'f' -> "float" + 8 * itemSize;
            case 'b' -> "bool";
            case 'U' -> "unicode string";
            case 'S' -> "byte string";
            case 'O' -> "object";
            case 'c' -> "complex";
            default -> "dtype '" + descr + "'";
        } + (kind == 'O' || kind == 'b' || kind == 'U' || kind == 'S' ? "" : " ('" + descr + "')");
    }
}
