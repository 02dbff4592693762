package io.lgc.artifact.container;

/**
 * How a section payload is stored. NONE and DEFLATE are the codes written in the file; AUTO is
 * only a writer preference: DEFLATE when that makes the payload smaller, NONE otherwise.
 */
public enum Codec {
    NONE(0),
    /** zlib stream (RFC 1950 around RFC 1951 deflate), as java.util.zip.Deflater writes it (any strategy). */
    DEFLATE(1),
    AUTO(-1);

    private final int code;

    Codec(int code) {
        this.code = code;
    }

    /** The byte stored in the file; only NONE and DEFLATE have one. */
    int code() {
        if (this == AUTO) {
            throw new IllegalStateException("AUTO is a preference, not a stored codec");
        }
        return code;
    }

    /** The stored codec with this code, or null if this reader does not know it. */
    static Codec ofCode(int code) {
        return switch (code) {
            case 0 -> NONE;
            case 1 -> DEFLATE;
            default -> null;
        };
    }

    /** Lower-case name as shown by reports: "none", "deflate". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
