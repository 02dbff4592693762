package io.lgc.artifact;

/**
 * How decoder outputs map back to stored values: {@code value = offset + scale · output}, then
 * rounded and clamped to the sample type (uint8 for images).
 */
public record PixelScaling(double scale, double offset) {
    public static final PixelScaling UINT8 = new PixelScaling(255.0, 0.0);

    public PixelScaling {
        if (!Double.isFinite(scale) || !Double.isFinite(offset) || scale == 0) {
            throw new IllegalArgumentException("pixel scaling must be finite with a non-zero scale");
        }
    }

    public byte toUint8(float output) {
        long v = Math.round(offset + scale * output);
        return (byte) Math.max(0, Math.min(255, v));
    }
}
