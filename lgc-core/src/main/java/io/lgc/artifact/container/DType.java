package io.lgc.artifact.container;

/**
 * Element types a tensor may have. The constant names are the safetensors dtype strings,
 * so {@link #name()} is exactly what appears in a section's safetensors header.
 */
public enum DType {
    F64(8, true),
    F32(4, true),
    F16(2, true),
    I8(1, false),
    U8(1, false),
    I32(4, false),
    I64(8, false);

    private final int bytes;
    private final boolean floatingPoint;

    DType(int bytes, boolean floatingPoint) {
        this.bytes = bytes;
        this.floatingPoint = floatingPoint;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** The dtype named by a safetensors dtype string, or null if this format does not support it. */
    static DType ofSafetensorsName(String name) {
        for (DType d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
