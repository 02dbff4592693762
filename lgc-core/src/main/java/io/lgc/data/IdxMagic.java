package io.lgc.data;

/**
 * Magic numbers of the IDX format: a big-endian int made of two zero bytes, a type code and the
 * number of dimensions. LGC stores unsigned bytes only.
 */
final class IdxMagic {
    static final int UNSIGNED_BYTE = 0x08;
    /** Labels: one dimension, the count. */
    static final int LABELS = 0x00000801;
    /** Grayscale images: count, height, width. */
    static final int IMAGES = 0x00000803;
    /** Images with channels: count, channels, height, width (channel-major, as {@link Dataset}). */
    static final int IMAGES_WITH_CHANNELS = 0x00000804;

    static final String LABELS_EXPECTED = hex(LABELS) + " (IDX1 unsigned byte labels)";
    static final String IMAGES_EXPECTED = hex(IMAGES) + " (IDX3 unsigned byte images) or "
            + hex(IMAGES_WITH_CHANNELS) + " (IDX4, images with channels)";

    private IdxMagic() {}

    static int dimensions(int magic) {
        return magic & 0xFF;
    }

    static String hex(int magic) {
        return String.format("0x%08X", magic);
    }

    /**
     * The magic in words, for error messages: "0x00000801 (IDX1 unsigned byte data)", or just the
     * hex number when it is no IDX magic at all.
     */
    static String describe(int magic) {
        String type = (magic >>> 16) != 0 ? null : typeName((magic >>> 8) & 0xFF);
        int dims = dimensions(magic);
        if (type == null || dims == 0) {
            return hex(magic);
        }
        return hex(magic) + " (IDX" + dims + " " + type + " data)";
    }

    private static String typeName(int code) {
        return switch (code) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "16-bit integer";
            case 0x0C -> "32-bit integer";
            case 0x0D -> "32-bit float";
            case 0x0E -> "64-bit float";
            default -> null;
        };
    }
}
